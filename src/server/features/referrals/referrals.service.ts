// Confidential referrals: who may make one, the consent and sealed personal data, and the views the
// referrer and counsellor get. Visibility is one SQL rule (referrals.repo.ts `visibleTo`): anyone else
// asking for a referral is told it does not exist. Audit rows say who did what, never about whom.
import type {
  CreateReferralInput,
  ReferralPerson,
  ReferralStatus,
  ReferralSummary,
  ReferralView,
  StaffRef,
} from "../../../common/contracts/referrals.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { AppError, badRequest, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { isPathWithin, type Principal, placeInScope } from "../../lib/scope.ts";
import { InvalidPhoneError, normalisePhone } from "../../lib/vault.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { visibleProject } from "../programmes/programmes.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./referrals.repo.ts";

export const SEAL = {
  name: "referral.name",
  phone: "referral.phone",
  reason: "referral.reason",
  notes: "referral.notes",
  statusReason: "referral.status_reason",
  followUp: "referral.follow_up",
} as const;

const TERMINAL: readonly ReferralStatus[] = ["completed", "declined", "lost_to_follow_up"];
export const todayOf = (deps: Deps) => deps.now().toISOString().slice(0, 10);

export function mayRefer(principal: Principal): boolean {
  return principal.permissions.has("programmes.write") || principal.permissions.has("referrals.manage");
}

export function requireMayRefer(principal: Principal): void {
  if (!mayRefer(principal)) throw forbidden();
}

const field = (path: string, message: string) => badRequest(`${path}: ${message}`, [{ path, message }]);

function open(deps: Deps, purpose: string, sealed: string | null): string | null {
  return sealed ? deps.vault.decrypt(purpose, sealed) : null;
}

function myRole(principal: Principal, row: repo.ReferralRecord): ReferralSummary["myRole"] {
  if (row.referrerId === principal.userId && row.counsellorId === principal.userId) return "both";
  return row.referrerId === principal.userId ? "referrer" : "counsellor";
}

function toSummary(deps: Deps, principal: Principal, row: repo.ReferralRow): ReferralSummary {
  const today = todayOf(deps);
  const person: ReferralPerson = {
    participantCode: row.participantCode,
    name: row.participantId ? null : open(deps, SEAL.name, row.nameSealed),
    phone: row.participantId ? null : open(deps, SEAL.phone, row.phoneSealed),
    gender: row.gender as ReferralPerson["gender"],
    ageBand: row.ageBand as ReferralPerson["ageBand"],
  };
  return {
    id: row.id,
    projectName: row.projectName,
    placeName: row.placeName,
    person,
    type: row.type as ReferralSummary["type"],
    subtype: row.subtype as ReferralSummary["subtype"],
    status: row.status as ReferralStatus,
    referredOn: row.referredOn,
    nextFollowUpOn: row.nextFollowUpOn,
    followUpDue: row.nextFollowUpOn !== null && row.nextFollowUpOn <= today,
    referrer: { id: row.referrerId, name: row.referrerName },
    counsellor: { id: row.counsellorId, name: row.counsellorName },
    myRole: myRole(principal, row),
  };
}

/** The referral, or 404 for anyone who is neither its referrer nor its counsellor. */
export async function visibleReferral(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<repo.ReferralRow> {
  const row = isUuid(id) ? await repo.findVisibleReferral(deps.db, principal, id) : null;
  if (!row) throw notFound("Referral");
  return row;
}

export async function getReferral(deps: Deps, principal: Principal, id: string): Promise<ReferralView> {
  const row = await visibleReferral(deps, principal, id);
  const followUps = await repo.listFollowUps(deps.db, row.id);
  return {
    ...toSummary(deps, principal, row),
    projectId: row.projectId,
    placeId: row.placeId,
    reason: open(deps, SEAL.reason, row.reasonSealed) ?? "",
    notes: open(deps, SEAL.notes, row.notesSealed),
    statusReason: open(deps, SEAL.statusReason, row.statusReasonSealed),
    consentGivenAt: row.consentGivenAt.toISOString(),
    followUps: followUps.map((f) => ({
      id: f.id,
      heldOn: f.heldOn,
      note: deps.vault.decrypt(SEAL.followUp, f.noteSealed),
      recordedBy: { id: f.recordedById, name: f.recordedByName },
    })),
  };
}

/** The caller's referrals, as referrer and as counsellor; follow-ups due first. */
export async function listMyReferrals(deps: Deps, principal: Principal): Promise<ReferralSummary[]> {
  const rows = await repo.listVisibleReferrals(deps.db, principal, todayOf(deps));
  return rows.map((r) => toSummary(deps, principal, r));
}

/** A project the caller may refer from; a project they cannot see is a bad projectId, not a leak. */
async function projectForReferral(deps: Deps, principal: Principal, projectId: string) {
  try {
    return await visibleProject(deps, principal, projectId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw field("projectId", "is not one of your projects");
    throw error;
  }
}

/** Counsellors a referral from this project may go to: the counsellor role, in the project's organisation. */
export async function listCounsellors(
  deps: Deps,
  principal: Principal,
  projectId: string,
): Promise<StaffRef[]> {
  requireMayRefer(principal);
  const project = await projectForReferral(deps, principal, projectId);
  return repo.listCounsellors(deps.db, project.organisationId);
}

export async function requireCounsellor(deps: Deps, organisationId: string, counsellorId: string) {
  const [found] = isUuid(counsellorId)
    ? await repo.listCounsellors(deps.db, organisationId, counsellorId)
    : [];
  if (!found) throw field("counsellorId", "is not a counsellor of the project's organisation");
  return found;
}

function phoneOf(raw: string | undefined): string | null {
  if (!raw?.trim()) return null;
  try {
    return normalisePhone(raw);
  } catch (error) {
    if (error instanceof InvalidPhoneError) throw field("person.phone", error.message);
    throw error;
  }
}

async function personValues(
  deps: Deps,
  principal: Principal,
  organisationId: string,
  input: CreateReferralInput,
) {
  const { person } = input;
  if ("participantId" in person) {
    const p = await repo.findParticipant(deps.db, person.participantId);
    if (
      !p ||
      p.organisationId !== organisationId ||
      p.mergedInto !== null ||
      !placeInScope(principal.scope, p.placePath)
    )
      throw field("person.participantId", "is not a participant of the project's organisation in your areas");
    if (p.consentWithdrawnAt)
      throw field("person.participantId", "has withdrawn consent; refer them as an unregistered person");
    return { participantId: p.id, gender: p.gender, ageBand: p.ageBand };
  }
  const phone = phoneOf(person.phone);
  return {
    nameSealed: deps.vault.encrypt(SEAL.name, person.name),
    phoneSealed: phone ? deps.vault.encrypt(SEAL.phone, phone) : null,
    gender: person.gender,
    ageBand: person.ageBand,
  };
}

export async function createReferral(
  deps: Deps,
  principal: Principal,
  input: CreateReferralInput,
): Promise<ReferralView> {
  requireMayRefer(principal);
  const id = await inTransaction(deps, async (tx) => {
    const project = await projectForReferral(tx, principal, input.projectId);
    const place = await repo.findPlace(tx.db, input.placeId);
    if (!place) throw field("placeId", "is not a known place");
    if (place.kind !== "ward" && place.kind !== "locality")
      throw field("placeId", "must be a ward or a locality, where the person lives");
    if (!isPathWithin(place.path, project.placePath))
      throw field("placeId", `must lie within the project's area (${project.placeName})`);
    if (!placeInScope(principal.scope, place.path)) throw field("placeId", "is outside your areas");
    const counsellor = await requireCounsellor(tx, project.organisationId, input.counsellorId);
    const person = await personValues(tx, principal, project.organisationId, input);
    const now = tx.now();
    const row = await repo.insertReferral(tx.db, {
      organisationId: project.organisationId,
      projectId: project.id,
      placeId: place.id,
      placePath: place.path,
      ...person,
      type: input.type,
      subtype: input.subtype ?? null,
      reasonSealed: tx.vault.encrypt(SEAL.reason, input.reason),
      notesSealed: input.notes ? tx.vault.encrypt(SEAL.notes, input.notes) : null,
      consentGivenAt: now,
      referrerId: principal.userId,
      counsellorId: counsellor.id,
      status: "made",
      referredOn: todayOf(tx),
      nextFollowUpOn: input.nextFollowUpOn ?? null,
      createdAt: now,
      updatedAt: now,
    });
    // Who referred and to whom; never the person, the type of support, the reason or the notes.
    await recordAudit(tx, actorOf(principal), {
      action: "referral.create",
      entityType: "referral",
      entityId: row.id,
      organisationId: row.organisationId,
      placePath: row.placePath,
      after: { status: row.status, counsellorId: row.counsellorId, consentGiven: true },
    });
    return row.id;
  });
  return getReferral(deps, principal, id);
}

export { TERMINAL as TERMINAL_STATUSES };
