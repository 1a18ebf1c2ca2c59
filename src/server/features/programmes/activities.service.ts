// Activities (dialogue sessions, peace actions, police cafés…) and attendance at them. Attendance is
// quick to take: existing participants by id, new people registered on the spot in the same request,
// and anonymous head counts where names cannot be taken.
import type { AttendanceInput, CreateActivityInput } from "../../../common/contracts/programmes.ts";
import type {
  ActionPointView,
  ActivitySummary,
  ActivityView,
  AttendanceResult,
  ParticipantView,
} from "../../../common/contracts/programmes-views.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { isPathWithin, type Principal, placeInScope } from "../../lib/scope.ts";
import { listAttachments } from "../attachments/attachments.service.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./activities.repo.ts";
import * as participantsRepo from "./participants.repo.ts";
import { registerParticipant, toParticipantView } from "./participants.service.ts";
import { containerInScope, recordInScope } from "./programme-scope.ts";
import { findPlace, findProject } from "./programmes.repo.ts";

export async function visibleActivity(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<repo.ActivityDetailRow> {
  const row = isUuid(id) ? await repo.findActivity(deps.db, id) : null;
  if (!row || !recordInScope(principal.scope, row.organisationId, row.placePath)) throw notFound("Activity");
  return row;
}

/** The project an activity is recorded (or moved) under: one within the principal's scope, else 404. */
export async function projectForActivity(deps: Deps, principal: Principal, projectId: string) {
  const project = await findProject(deps.db, projectId);
  if (!project || !containerInScope(principal.scope, project.organisationId, project.placePath))
    throw notFound("Project");
  return project;
}

/** The place an activity is held at: a known place (400), within the project's area (400) and within
 * the principal's own areas (403). */
export async function placeForActivity(
  deps: Deps,
  principal: Principal,
  project: { placePath: string; placeName: string },
  placeId: string,
) {
  const place = await findPlace(deps.db, placeId);
  if (!place)
    throw badRequest(`placeId: there is no place "${placeId}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  if (!isPathWithin(place.path, project.placePath))
    throw badRequest(`placeId: ${place.name} is outside the project's area (${project.placeName})`, [
      { path: "placeId", message: `must lie within ${project.placeName}` },
    ]);
  if (!placeInScope(principal.scope, place.path))
    throw forbidden("You can only record activities within your own areas.");
  return place;
}

export async function activityView(
  deps: Deps,
  principal: Principal,
  row: repo.ActivityDetailRow,
): Promise<ActivityView> {
  const dialogue = await repo.findDialogue(deps.db, row.id);
  const attendees = await participantsRepo.listAttendees(deps.db, row.id);
  const anonymous = await participantsRepo.listAnonymous(deps.db, row.id);
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    organisationId: row.organisationId,
    type: row.type as ActivityView["type"],
    title: row.title,
    heldOn: row.heldOn,
    placeId: row.placeId,
    placeName: row.placeName,
    notes: row.notes,
    peaceActionKind: row.peaceActionKind as ActivityView["peaceActionKind"],
    dialogue: dialogue && {
      group: dialogue.dialogueGroup as NonNullable<ActivityView["dialogue"]>["group"],
      facilitators: dialogue.facilitators,
      officialsPresent: dialogue.officialsPresent,
      officersUnarmed: dialogue.officersUnarmed,
      topics: dialogue.topics,
      issuesRaised: dialogue.issuesRaised,
      actionPoints: await repo.listActionPoints(deps.db, row.id),
    },
    attendees: attendees.map((p) => toParticipantView(deps, principal, p)),
    anonymous: anonymous as ActivityView["anonymous"],
    namedAttendances: attendees.length,
    anonymousAttendances: anonymous.reduce((n, a) => n + a.count, 0),
    updatedAt: row.updatedAt.toISOString(),
    attachments: (await listAttachments(deps, "activity", [row.id])).get(row.id) ?? [],
  };
}

export async function getActivity(deps: Deps, principal: Principal, id: string): Promise<ActivityView> {
  return activityView(deps, principal, await visibleActivity(deps, principal, id));
}

export async function listActivities(
  deps: Deps,
  principal: Principal,
  query: repo.ActivityFilter & { placeId?: string | undefined },
): Promise<ActivitySummary[]> {
  const { placeId, ...filter } = query;
  const place = placeId ? await findPlace(deps.db, placeId) : null;
  if (placeId && !place) throw badRequest(`placeId: there is no place "${placeId}"`);
  return repo.listActivities(deps.db, principal.scope, { ...filter, placePath: place?.path });
}

/** Marks people present inside the caller's transaction; see recordAttendance. */
async function attend(
  tx: Deps,
  principal: Principal,
  activity: repo.ActivityDetailRow,
  input: AttendanceInput,
  field: string,
): Promise<{ created: participantsRepo.ParticipantRow[]; marked: number; anonymous: number }> {
  const ids = [...new Set(input.participantIds)];
  const found = await participantsRepo.findVisibleParticipants(tx.db, principal.scope, ids);
  const usable = new Set(found.filter((p) => p.organisationId === activity.organisationId).map((p) => p.id));
  const unknown = ids.map((id, i) => [id, i] as const).filter(([id]) => !usable.has(id));
  if (unknown.length > 0)
    throw badRequest(
      `${field}.participantIds: ${unknown.length} of the people given are not in ${activity.projectName}'s organisation registry within your areas`,
      unknown.map(([, i]) => ({
        path: `${field}.participantIds.${i}`,
        message: "is not a participant you can record",
      })),
    );
  const created: participantsRepo.ParticipantRow[] = [];
  for (const [i, person] of input.newParticipants.entries())
    created.push(
      await registerParticipant(tx, principal, activity.organisationId, person, {
        field: `${field}.newParticipants.${i}`,
        defaultPlaceId: activity.placeId,
      }),
    );
  const facts = {
    activityId: activity.id,
    projectId: activity.projectId,
    activityType: activity.type,
    heldOn: activity.heldOn,
    placePath: activity.placePath,
    dialogueGroup: (await repo.findDialogue(tx.db, activity.id))?.dialogueGroup ?? null,
  };
  const marked = await participantsRepo.insertAttendances(tx.db, facts, [
    ...ids,
    ...created.map((c) => c.id),
  ]);
  await participantsRepo.insertAnonymous(tx.db, facts, input.anonymous);
  const anonymous = input.anonymous.reduce((n, a) => n + a.count, 0);
  if (marked > 0 || anonymous > 0)
    await recordAudit(tx, actorOf(principal), {
      action: "activity.attendance_add",
      entityType: "activity",
      entityId: activity.id,
      organisationId: activity.organisationId,
      placePath: activity.placePath,
      after: { marked, registeredOnTheSpot: created.map((c) => c.code), anonymous },
    });
  return { created, marked, anonymous };
}

async function attendanceResult(
  tx: Deps,
  principal: Principal,
  activity: repo.ActivityDetailRow,
  created: participantsRepo.ParticipantRow[],
): Promise<AttendanceResult> {
  const possibleDuplicates: AttendanceResult["possibleDuplicates"] = [];
  for (const c of created) {
    const matches = await participantsRepo.findMatches(tx.db, principal.scope, c);
    if (matches.length > 0)
      possibleDuplicates.push({
        participantId: c.id,
        matches: matches.map((m) => toParticipantView(tx, principal, m)),
      });
  }
  return {
    activity: await activityView(tx, principal, activity),
    created: created.map((c): ParticipantView => toParticipantView(tx, principal, c)),
    possibleDuplicates,
  };
}

export async function createActivity(
  deps: Deps,
  principal: Principal,
  input: CreateActivityInput,
): Promise<AttendanceResult> {
  return inTransaction(deps, async (tx) => {
    const project = await projectForActivity(tx, principal, input.projectId);
    const place = await placeForActivity(tx, principal, project, input.placeId);
    const now = tx.now();
    const row = await repo.insertActivity(tx.db, {
      projectId: project.id,
      organisationId: project.organisationId,
      type: input.type,
      title: input.title?.trim() || null,
      heldOn: input.heldOn,
      placeId: place.id,
      placePath: place.path,
      notes: input.notes?.trim() || null,
      peaceActionKind: input.peaceActionKind ?? null,
      createdBy: principal.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    if (input.dialogue) {
      const { group, actionPoints, ...dialogue } = input.dialogue;
      await repo.insertDialogue(tx.db, { activityId: row.id, dialogueGroup: group, ...dialogue });
      await repo.insertActionPoints(tx.db, row.id, actionPoints, now);
    }
    const activity = { ...row, projectName: project.name, placeName: place.name };
    await recordAudit(tx, actorOf(principal), {
      action: "activity.create",
      entityType: "activity",
      entityId: row.id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      after: {
        projectId: row.projectId,
        type: row.type,
        heldOn: row.heldOn,
        placeId: row.placeId,
        dialogueGroup: input.dialogue?.group ?? null,
        actionPoints: input.dialogue?.actionPoints.length ?? 0,
      },
    });
    const { created } = input.attendance
      ? await attend(tx, principal, activity, input.attendance, "attendance")
      : { created: [] };
    return attendanceResult(tx, principal, activity, created);
  });
}

export async function recordAttendance(
  deps: Deps,
  principal: Principal,
  activityId: string,
  input: AttendanceInput,
): Promise<AttendanceResult> {
  return inTransaction(deps, async (tx) => {
    const activity = await visibleActivity(tx, principal, activityId);
    const { created } = await attend(tx, principal, activity, input, "(body)");
    return attendanceResult(tx, principal, activity, created);
  });
}

export async function removeAttendance(
  deps: Deps,
  principal: Principal,
  activityId: string,
  participantIds: string[],
): Promise<ActivityView> {
  return inTransaction(deps, async (tx) => {
    const activity = await visibleActivity(tx, principal, activityId);
    const removed = await participantsRepo.deleteAttendances(tx.db, activity.id, participantIds);
    if (removed > 0)
      await recordAudit(tx, actorOf(principal), {
        action: "activity.attendance_remove",
        entityType: "activity",
        entityId: activity.id,
        organisationId: activity.organisationId,
        placePath: activity.placePath,
        after: { removed, participantIds },
      });
    return activityView(tx, principal, activity);
  });
}

export async function updateActionPoint(
  deps: Deps,
  principal: Principal,
  id: string,
  input: { status: ActionPointView["status"]; evidence?: string | undefined },
): Promise<ActionPointView> {
  return inTransaction(deps, async (tx) => {
    const found = isUuid(id) ? await repo.findActionPoint(tx.db, id) : null;
    if (!found || !recordInScope(principal.scope, found.organisationId, found.placePath))
      throw notFound("Action point");
    const updated = await repo.updateActionPoint(tx.db, id, {
      status: input.status,
      evidence: input.evidence?.trim() || found.point.evidence,
      updatedAt: tx.now(),
    });
    await recordAudit(tx, actorOf(principal), {
      action: "action_point.update",
      entityType: "action_point",
      entityId: id,
      organisationId: found.organisationId,
      placePath: found.placePath,
      before: { status: found.point.status, evidence: found.point.evidence },
      after: { status: updated.status, evidence: updated.evidence },
    });
    return updated;
  });
}
