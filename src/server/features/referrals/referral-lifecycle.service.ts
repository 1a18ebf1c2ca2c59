// A referral's life after it is made: the counsellor moves its status (illegal moves are 409),
// either party records follow-ups and the next date, and the referrer may hand it to another
// counsellor. Every change is audited without the sealed content.
import {
  canMoveReferral,
  type ReferralFollowUpInput,
  type ReferralStatusInput,
  type ReferralView,
} from "../../../common/contracts/referrals.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, forbidden } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./referrals.repo.ts";
import {
  getReferral,
  requireCounsellor,
  SEAL,
  TERMINAL_STATUSES,
  visibleReferral,
} from "./referrals.service.ts";

const auditPlace = (row: repo.ReferralRecord) => ({
  entityType: "referral",
  entityId: row.id,
  organisationId: row.organisationId,
  placePath: row.placePath,
});

export async function changeReferralStatus(
  deps: Deps,
  principal: Principal,
  id: string,
  input: ReferralStatusInput,
): Promise<ReferralView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleReferral(tx, principal, id);
    if (row.counsellorId !== principal.userId)
      throw forbidden("Only the counsellor the referral was made to can change its status.");
    const from = row.status as ReferralStatusInput["status"];
    if (!canMoveReferral(from, input.status))
      throw conflict(`A referral that is ${from} cannot become ${input.status}.`);
    const terminal = TERMINAL_STATUSES.includes(input.status);
    await repo.updateReferral(tx.db, row.id, {
      status: input.status,
      statusReasonSealed: input.reason ? tx.vault.encrypt(SEAL.statusReason, input.reason) : null,
      ...(terminal ? { nextFollowUpOn: null } : {}),
      updatedAt: tx.now(),
    });
    await recordAudit(tx, actorOf(principal), {
      action: "referral.status",
      ...auditPlace(row),
      before: { status: from },
      after: { status: input.status, reasonGiven: Boolean(input.reason) },
    });
  });
  return getReferral(deps, principal, id);
}

export async function addReferralFollowUp(
  deps: Deps,
  principal: Principal,
  id: string,
  input: ReferralFollowUpInput,
): Promise<ReferralView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleReferral(tx, principal, id);
    if (TERMINAL_STATUSES.includes(row.status as ReferralStatusInput["status"]))
      throw conflict(`The referral is ${row.status}; no more follow-ups can be recorded.`);
    const followUp = await repo.insertFollowUp(tx.db, {
      referralId: row.id,
      heldOn: input.heldOn,
      noteSealed: tx.vault.encrypt(SEAL.followUp, input.note),
      recordedBy: principal.userId,
      createdAt: tx.now(),
    });
    const next = input.nextFollowUpOn === undefined ? row.nextFollowUpOn : input.nextFollowUpOn;
    await repo.updateReferral(tx.db, row.id, { nextFollowUpOn: next, updatedAt: tx.now() });
    await recordAudit(tx, actorOf(principal), {
      action: "referral.follow_up",
      ...auditPlace(row),
      after: { followUpId: followUp.id, heldOn: input.heldOn, nextFollowUpOn: next },
    });
  });
  return getReferral(deps, principal, id);
}

/** The referrer hands the referral to another counsellor of the same organisation. */
export async function reassignCounsellor(
  deps: Deps,
  principal: Principal,
  id: string,
  counsellorId: string,
): Promise<ReferralView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleReferral(tx, principal, id);
    if (row.referrerId !== principal.userId)
      throw forbidden("Only the person who made the referral can choose another counsellor.");
    if (TERMINAL_STATUSES.includes(row.status as ReferralStatusInput["status"]))
      throw conflict(`The referral is ${row.status}; it can no longer be reassigned.`);
    const counsellor = await requireCounsellor(tx, row.organisationId, counsellorId);
    if (counsellor.id === row.counsellorId) return;
    await repo.updateReferral(tx.db, row.id, { counsellorId: counsellor.id, updatedAt: tx.now() });
    await recordAudit(tx, actorOf(principal), {
      action: "referral.reassign",
      ...auditPlace(row),
      before: { counsellorId: row.counsellorId },
      after: { counsellorId: counsellor.id },
    });
  });
  return getReferral(deps, principal, id);
}
