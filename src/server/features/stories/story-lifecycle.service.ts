// An impact story's way to use: draft → submitted → approved (by a programme or M&E officer who did
// not write it), or returned with a comment and back to draft. Approval needs the storyteller's
// consent in force; withdrawing consent takes the story back out of use. Illegal moves answer 409.
import {
  STORY_TRANSITIONS,
  type StoryConsentInput,
  type StoryStatus,
  type StoryTransitionInput,
  type StoryView,
} from "../../../common/contracts/stories.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict, forbidden } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { GIVEN_BY_SEAL_PURPOSE, isApprover, visibleStory, WITNESS_SEAL_PURPOSE } from "./stories.policy.ts";
import * as repo from "./stories.repo.ts";
import { getStory } from "./stories.service.ts";

const STATUS_WORDS: Record<StoryStatus, string> = {
  draft: "a draft",
  submitted: "submitted for approval",
  approved: "approved",
  returned: "returned to its author",
};

const ACTION_WORDS = {
  submit: "submitted",
  approve: "approved",
  return: "returned",
  reopen: "reopened as a draft",
} as const;

async function save(tx: Deps, row: repo.StoryRow, values: Parameters<typeof repo.updateStory>[3]) {
  const updated = await repo.updateStory(tx.db, row.id, row.status, { ...values, updatedAt: tx.now() });
  if (!updated) throw conflict("The story changed while you were working on it. Reload and try again.");
  return updated;
}

export async function transitionStory(
  deps: Deps,
  principal: Principal,
  id: string,
  input: StoryTransitionInput,
): Promise<StoryView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleStory(tx, principal, id, { forUpdate: true });
    const status = row.status as StoryStatus;
    const move = STORY_TRANSITIONS[input.action];
    if (!move.from.includes(status))
      throw conflict(`This story is ${STATUS_WORDS[status]}, so it cannot be ${ACTION_WORDS[input.action]}.`);
    if ((input.action === "approve" || input.action === "return") && !isApprover(principal))
      throw forbidden("Only programme officers and M&E officers approve or return stories.");
    if (input.action === "approve" && row.authorId !== null && row.authorId === principal.userId)
      throw forbidden("You wrote this story, so someone else must approve it.");
    if (input.action === "approve" && (!row.consentScope || row.consentWithdrawnAt))
      throw conflict(
        row.consentWithdrawnAt
          ? "The storyteller withdrew their consent, so this story cannot be approved for use."
          : "This story has no consent for publication: record the storyteller's consent before approving it.",
      );
    const now = tx.now();
    const updated = await save(tx, row, {
      status: move.to,
      ...(input.action === "submit" && { submittedAt: now }),
      ...(input.action === "approve" && {
        approvedAt: now,
        approvedBy: principal.userId || null,
        returnComment: null,
      }),
      ...(input.action === "return" && { returnComment: input.comment ?? null }),
    });
    await recordAudit(tx, actorOf(principal), {
      action: `story.${input.action}`,
      ...repo.auditedStory(row),
      before: { status },
      after: {
        status: updated.status,
        ...(input.action === "approve" && { usableFor: updated.consentScope }),
        ...(input.comment && { commentChars: input.comment.length }),
      },
    });
  });
  return getStory(deps, principal, id);
}

/** What the audit log keeps of a consent: how, when and how far; who gave it stays sealed. */
function consentAudit(row: repo.StoryRow) {
  if (!row.consentScope) return { consent: null };
  return {
    consent: {
      method: row.consentMethod,
      givenOn: row.consentGivenOn,
      scope: row.consentScope,
      witnessed: row.consentWitnessSealed !== null,
      withdrawn: row.consentWithdrawnAt !== null,
    },
  };
}

/** Records (or replaces) the storyteller's consent; the story's status does not change. */
export async function recordStoryConsent(
  deps: Deps,
  principal: Principal,
  id: string,
  input: StoryConsentInput,
): Promise<StoryView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleStory(tx, principal, id, { forUpdate: true });
    const witness = input.method === "verbal_witnessed" ? input.witness : undefined;
    const updated = await save(tx, row, {
      consentGivenBySealed: tx.vault.encrypt(GIVEN_BY_SEAL_PURPOSE, input.givenBy),
      consentMethod: input.method,
      consentWitnessSealed: witness ? tx.vault.encrypt(WITNESS_SEAL_PURPOSE, witness) : null,
      consentGivenOn: input.givenOn,
      consentScope: input.scope,
      consentRecordedBy: principal.userId || null,
      consentWithdrawnAt: null,
      consentWithdrawalNote: null,
    });
    await recordAudit(tx, actorOf(principal), {
      action: "story.consent_record",
      ...repo.auditedStory(row),
      before: consentAudit(row),
      after: consentAudit(updated),
    });
  });
  return getStory(deps, principal, id);
}

/** Consent withdrawn: a story approved or waiting for approval goes back to draft, out of use. */
export async function withdrawStoryConsent(
  deps: Deps,
  principal: Principal,
  id: string,
  note: string | undefined,
): Promise<StoryView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleStory(tx, principal, id, { forUpdate: true });
    if (!row.consentScope || row.consentWithdrawnAt)
      throw conflict("This story has no consent in force to withdraw.");
    const outOfUse = row.status === "approved" || row.status === "submitted";
    const updated = await save(tx, row, {
      consentWithdrawnAt: tx.now(),
      consentWithdrawalNote: note || null,
      ...(outOfUse && { status: "draft", approvedAt: null, approvedBy: null }),
    });
    await recordAudit(tx, actorOf(principal), {
      action: "story.consent_withdraw",
      ...repo.auditedStory(row),
      before: { status: row.status, ...consentAudit(row) },
      after: { status: updated.status, ...consentAudit(updated) },
    });
  });
  return getStory(deps, principal, id);
}
