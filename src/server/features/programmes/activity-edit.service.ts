// Editing an activity after it was recorded: every field of the create form, the dialogue details and
// its action points. Attendance rows carry copies of the activity's project, type, date, place and
// dialogue group (participants.table.ts), so they are rewritten in the same transaction and every
// computed indicator and reach figure follows. An edit made on a stale copy is refused (409).
import type { UpdateActivityInput } from "../../../common/contracts/programmes.ts";
import type { ActivityView } from "../../../common/contracts/programmes-views.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { AppError, badRequest, conflict } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./activities.repo.ts";
import { activityView, placeForActivity, projectForActivity, visibleActivity } from "./activities.service.ts";

type PointInput = NonNullable<UpdateActivityInput["dialogue"]>["actionPoints"][number];

/** A 409 of its own code ("stale"), so that the web app can offer to reload. */
const stale = () =>
  new AppError(
    409,
    "stale",
    "Someone else changed this activity — reload it to see their changes, then edit again.",
  );

/** An action point with a status or evidence recorded is part of the record of commitments kept. */
const hasProgress = (p: repo.ActionPointRow) => p.status !== "open" || p.evidence !== null;

function refuseRemoving(points: repo.ActionPointRow[]): void {
  const kept = points.find(hasProgress);
  if (kept)
    throw conflict(
      `The action point "${kept.text}" has progress recorded (${kept.status}); it cannot be removed. Mark it dropped instead.`,
    );
}

const pointFacts = (p: {
  text: string;
  owner?: string | null | undefined;
  dueOn?: string | null | undefined;
}) => ({
  text: p.text,
  owner: p.owner?.trim() || null,
  dueOn: p.dueOn ?? null,
});

/** Which of the old points the new list keeps, which it drops; 400 for ids that are not this activity's. */
function planPoints(old: repo.ActionPointRow[], next: PointInput[]): repo.ActionPointRow[] {
  const known = new Set(old.map((p) => p.id));
  const seen = new Set<string>();
  for (const [i, p] of next.entries()) {
    if (!p.id) continue;
    if (!known.has(p.id) || seen.has(p.id))
      throw badRequest(`dialogue.actionPoints.${i}.id: is not an action point of this activity`, [
        { path: `dialogue.actionPoints.${i}.id`, message: "is not an action point of this activity" },
      ]);
    seen.add(p.id);
  }
  return old.filter((p) => !seen.has(p.id));
}

/** The fields of `after` that differ from `before`, each side holding only those. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  };
}

export async function updateActivity(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateActivityInput,
): Promise<ActivityView> {
  return inTransaction(deps, async (tx) => {
    const current = await visibleActivity(tx, principal, id);
    if (current.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) throw stale();

    const project = await projectForActivity(tx, principal, input.projectId ?? current.projectId);
    if (project.organisationId !== current.organisationId)
      throw badRequest("projectId: the project belongs to another organisation", [
        { path: "projectId", message: "must be a project of the activity's organisation" },
      ]);
    const place = await placeForActivity(tx, principal, project, input.placeId ?? current.placeId);

    const type = input.type ?? current.type;
    const oldDialogue = await repo.findDialogue(tx.db, id);
    if (type === "dialogue_session" && !input.dialogue && !oldDialogue)
      throw badRequest("dialogue: is required for a dialogue session", [
        { path: "dialogue", message: "is required for a dialogue session" },
      ]);
    if (type !== "dialogue_session" && input.dialogue)
      throw badRequest("dialogue: is only for dialogue sessions", [
        { path: "dialogue", message: "is only for dialogue sessions" },
      ]);
    if (type !== "peace_action" && input.peaceActionKind)
      throw badRequest("peaceActionKind: is only for peace actions", [
        { path: "peaceActionKind", message: "is only for peace actions" },
      ]);

    const oldPoints = oldDialogue ? await repo.actionPointRows(tx.db, id) : [];
    const keepDialogue = type === "dialogue_session";
    const d = input.dialogue;
    const removedPoints = !keepDialogue ? oldPoints : d ? planPoints(oldPoints, d.actionPoints) : [];
    refuseRemoving(removedPoints);

    const before = {
      projectId: current.projectId,
      type: current.type,
      title: current.title,
      heldOn: current.heldOn,
      placeId: current.placeId,
      notes: current.notes,
      peaceActionKind: current.peaceActionKind,
      dialogueGroup: oldDialogue?.dialogueGroup ?? null,
      facilitators: oldDialogue?.facilitators ?? [],
      officialsPresent: oldDialogue?.officialsPresent ?? [],
      officersUnarmed: oldDialogue?.officersUnarmed ?? null,
      topics: oldDialogue?.topics ?? [],
      issuesRaised: oldDialogue?.issuesRaised ?? [],
      actionPoints: oldPoints.map(pointFacts),
    };
    const dialogueAfter = !keepDialogue
      ? { dialogueGroup: null, facilitators: [], officialsPresent: [], officersUnarmed: null, topics: [] }
      : d
        ? {
            dialogueGroup: d.group,
            facilitators: d.facilitators,
            officialsPresent: d.officialsPresent,
            officersUnarmed: d.officersUnarmed,
            topics: d.topics,
          }
        : {};
    const after = {
      ...before,
      projectId: project.id,
      type,
      title: input.title === undefined ? current.title : input.title.trim() || null,
      heldOn: input.heldOn ?? current.heldOn,
      placeId: place.id,
      notes: input.notes === undefined ? current.notes : input.notes.trim() || null,
      peaceActionKind:
        type !== "peace_action"
          ? null
          : input.peaceActionKind === undefined
            ? current.peaceActionKind
            : input.peaceActionKind,
      ...dialogueAfter,
      ...(!keepDialogue && { issuesRaised: [], actionPoints: [] }),
      ...(keepDialogue &&
        d && { issuesRaised: d.issuesRaised, actionPoints: d.actionPoints.map(pointFacts) }),
    };
    const diff = changes(before, after);
    if (diff.changed.length === 0) return activityView(tx, principal, current);

    const now = tx.now();
    const updatedAt = new Date(Math.max(now.getTime(), current.updatedAt.getTime() + 1));
    const row = await repo.updateActivityRow(tx.db, id, current.updatedAt, {
      projectId: after.projectId,
      type: after.type,
      title: after.title,
      heldOn: after.heldOn,
      placeId: place.id,
      placePath: place.path,
      notes: after.notes,
      peaceActionKind: after.peaceActionKind,
      updatedAt,
    });
    if (!row) throw stale();

    await repo.deleteActionPoints(
      tx.db,
      removedPoints.map((p) => p.id),
    );
    if (!keepDialogue && oldDialogue) await repo.deleteDialogue(tx.db, id);
    if (keepDialogue && d) {
      const { group, actionPoints, ...fields } = d;
      await repo.saveDialogue(tx.db, { activityId: id, dialogueGroup: group, ...fields });
      const oldById = new Map(oldPoints.map((p) => [p.id, p]));
      for (const [position, p] of actionPoints.entries()) {
        const old = p.id ? oldById.get(p.id) : undefined;
        const facts = pointFacts(p);
        if (old && old.position === position && JSON.stringify(pointFacts(old)) === JSON.stringify(facts))
          continue;
        await repo.putActionPoint(tx.db, id, p.id, { position, ...facts, updatedAt: now });
      }
    }
    const factsMoved = ["projectId", "type", "heldOn", "placeId", "dialogueGroup"].some((k) =>
      diff.changed.includes(k),
    );
    if (factsMoved)
      await repo.updateAttendanceFacts(tx.db, id, {
        projectId: row.projectId,
        activityType: row.type,
        heldOn: row.heldOn,
        placePath: row.placePath,
        dialogueGroup: after.dialogueGroup,
      });

    await recordAudit(tx, actorOf(principal), {
      action: "activity.update",
      entityType: "activity",
      entityId: id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      before: diff.before,
      after: diff.after,
    });
    return activityView(tx, principal, { ...row, projectName: project.name, placeName: place.name });
  });
}
