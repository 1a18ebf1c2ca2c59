// Turning the activity form into the API request (create or edit) and a recorded activity back into
// the form; pure, so that it is tested without a browser.
import type {
  ActionPointView,
  ActivityView,
  ParticipantView,
} from "../../../common/contracts/programmes-views.ts";
import type { ActivityType } from "../../../common/contracts/programmes-vocabulary.ts";

export interface NewPersonDraft {
  /** Only for the list on screen; never sent. */
  key: string;
  name: string;
  phone: string;
  gender: string;
  ageBand: string;
  role: string;
  disability: string;
}

export interface HeadCounts {
  female: string;
  male: string;
  other: string;
}

export interface ActivityFormValues {
  type: ActivityType;
  title: string;
  heldOn: string;
  notes: string;
  peaceActionKind: string;
  group: string;
  facilitators: string;
  officialsPresent: string;
  officersUnarmed: "" | "yes" | "no";
  topics: string;
  issuesRaised: string;
  actionPoints: string;
}

export interface Attendance {
  present: ReadonlyMap<string, ParticipantView>;
  newPeople: readonly NewPersonDraft[];
  heads: HeadCounts;
}

function headCounts(heads: HeadCounts) {
  const genders = [
    ["female", heads.female],
    ["male", heads.male],
    ["undisclosed", heads.other],
  ] as const;
  return genders
    .map(([gender, text]) => ({ gender, count: Number(text) }))
    .filter((h) => Number.isInteger(h.count) && h.count > 0);
}

function dialoguePayload(v: ActivityFormValues, existing: readonly ActionPointView[]) {
  if (v.type !== "dialogue_session") return {};
  return {
    dialogue: {
      group: v.group,
      facilitators: names(v.facilitators),
      officialsPresent: names(v.officialsPresent),
      officersUnarmed: v.officersUnarmed === "" ? null : v.officersUnarmed === "yes",
      topics: names(v.topics),
      issuesRaised: lines(v.issuesRaised),
      actionPoints: actionPointsPayload(v.actionPoints, existing),
    },
  };
}

export function activityPayload(
  projectId: string,
  placeId: string,
  v: ActivityFormValues,
  attendance: Attendance,
) {
  return {
    projectId,
    type: v.type,
    ...(v.title.trim() && { title: v.title.trim() }),
    heldOn: v.heldOn,
    placeId,
    ...(v.notes.trim() && { notes: v.notes.trim() }),
    ...(v.type === "peace_action" && v.peaceActionKind && { peaceActionKind: v.peaceActionKind }),
    ...dialoguePayload(v, []),
    attendance: {
      participantIds: [...attendance.present.keys()],
      newParticipants: attendance.newPeople.map(({ key: _key, name, phone, ...traits }) => ({
        ...traits,
        ...(name.trim() && { name: name.trim() }),
        ...(phone.trim() && { phone: phone.trim() }),
        placeId,
        consentPurposes: ["attendance_records"],
      })),
      anonymous: headCounts(attendance.heads),
    },
  };
}

/** The form filled in with a recorded activity, for editing it. */
export function formValuesOf(a: ActivityView): ActivityFormValues {
  const d = a.dialogue;
  return {
    type: a.type,
    title: a.title ?? "",
    heldOn: a.heldOn,
    notes: a.notes ?? "",
    peaceActionKind: a.peaceActionKind ?? "",
    group: d?.group ?? "youth",
    facilitators: d?.facilitators.join(", ") ?? "",
    officialsPresent: d?.officialsPresent.join(", ") ?? "",
    officersUnarmed: d?.officersUnarmed == null ? "" : d.officersUnarmed ? "yes" : "no",
    topics: d?.topics.join(", ") ?? "",
    issuesRaised: d?.issuesRaised.join("\n") ?? "",
    actionPoints: d?.actionPoints.map((p) => p.text).join("\n") ?? "",
  };
}

/** The PATCH body for an edited activity; every field is sent, with the `updatedAt` that was read. */
export function activityEditPayload(
  activity: ActivityView,
  projectId: string,
  placeId: string,
  v: ActivityFormValues,
) {
  return {
    updatedAt: activity.updatedAt,
    projectId,
    type: v.type,
    title: v.title.trim(),
    heldOn: v.heldOn,
    placeId,
    notes: v.notes.trim(),
    peaceActionKind: v.type === "peace_action" && v.peaceActionKind ? v.peaceActionKind : null,
    ...dialoguePayload(v, activity.dialogue?.actionPoints ?? []),
  };
}

/**
 * Action points are typed one per line. When editing, a line keeps the identity (and so the status and
 * evidence) of the recorded point with the same text; lines that match none take over, in order, the
 * points whose text matches no line (a reworded point); points left over are removed, lines left over
 * are new.
 */
export function actionPointsPayload(text: string, existing: readonly ActionPointView[]) {
  const wanted = lines(text);
  const matched: (ActionPointView | undefined)[] = wanted.map(() => undefined);
  const unused = new Set(existing.map((p) => p.id));
  for (const [i, line] of wanted.entries()) {
    const same = existing.find((p) => unused.has(p.id) && p.text === line);
    if (same) {
      matched[i] = same;
      unused.delete(same.id);
    }
  }
  const reworded = existing.filter((p) => unused.has(p.id));
  for (const i of wanted.keys()) if (!matched[i]) matched[i] = reworded.shift();
  return wanted.map((line, i) => {
    const p = matched[i];
    if (!p) return { text: line };
    return { id: p.id, text: line, ...(p.owner && { owner: p.owner }), ...(p.dueOn && { dueOn: p.dueOn }) };
  });
}

/** Everyone counted at the activity: named people (old and new) and heads counted anonymously. */
export function attendanceTotal(attendance: Attendance): number {
  return (
    attendance.present.size +
    attendance.newPeople.length +
    headCounts(attendance.heads).reduce((n, h) => n + h.count, 0)
  );
}

/** One entry per non-empty line: how lists (issues raised, action points) are typed. */
export function lines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Comma- or line-separated names ("Chief, OCS Kayole"). */
export function names(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
}
