// Turning the activity form into the API request; pure, so that it is tested without a browser.
import type { ParticipantView } from "../../../common/contracts/programmes-views.ts";
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

export function activityPayload(
  projectId: string,
  placeId: string,
  v: ActivityFormValues,
  attendance: Attendance,
) {
  const dialogue =
    v.type === "dialogue_session"
      ? {
          dialogue: {
            group: v.group,
            facilitators: names(v.facilitators),
            officialsPresent: names(v.officialsPresent),
            officersUnarmed: v.officersUnarmed === "" ? null : v.officersUnarmed === "yes",
            topics: names(v.topics),
            issuesRaised: lines(v.issuesRaised),
            actionPoints: lines(v.actionPoints).map((text) => ({ text })),
          },
        }
      : {};
  return {
    projectId,
    type: v.type,
    ...(v.title.trim() && { title: v.title.trim() }),
    heldOn: v.heldOn,
    placeId,
    ...(v.notes.trim() && { notes: v.notes.trim() }),
    ...(v.type === "peace_action" && v.peaceActionKind && { peaceActionKind: v.peaceActionKind }),
    ...dialogue,
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
