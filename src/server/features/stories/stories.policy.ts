// Who sees an impact story, who may move it, and how it is shown.
//
// A story is scoped like its project: the reader's organisation, and the project's area overlapping
// the reader's. Programme staff who write (programmes.write) see every story of such projects. Readers
// who do not write (administrators, county-government viewers) are outside the organisation's
// programme team, so they see only approved stories whose storyteller allowed public use.
import { createHash } from "node:crypto";
import {
  STORY_TRANSITIONS,
  type StoryAction,
  type StoryConsentView,
  type StorySummary,
  type StoryUse,
  type StoryView,
} from "../../../common/contracts/stories-views.ts";
import type { Deps } from "../../deps.ts";
import { notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";
import { listAttachments } from "../attachments/attachments.service.ts";
import { containerInScope } from "../programmes/programme-scope.ts";
import * as repo from "./stories.repo.ts";

export const NARRATIVE_SEAL_PURPOSE = "impact_story.narrative";
export const GIVEN_BY_SEAL_PURPOSE = "impact_story.consent_given_by";
export const WITNESS_SEAL_PURPOSE = "impact_story.consent_witness";

/** Null for programme staff (they see every story); else the only use a reader may see. */
export function onlyUsableFor(principal: Principal): StoryUse | null {
  return principal.permissions.has("programmes.write") ? null : "public";
}

/** The furthest the story may go now: approved, with consent in force. */
export function usableFor(row: repo.StoryRow): StoryUse | null {
  if (row.status !== "approved" || !row.consentScope || row.consentWithdrawnAt) return null;
  return row.consentScope as StoryUse;
}

export async function visibleStory(
  deps: Deps,
  principal: Principal,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<repo.StoryDetailRow> {
  const row = isUuid(id) ? await repo.findStory(deps.db, id, opts) : null;
  if (!row || !containerInScope(principal.scope, row.organisationId, row.placePath)) throw notFound("Story");
  const only = onlyUsableFor(principal);
  if (only && usableFor(row) !== only) throw notFound("Story");
  return row;
}

export const APPROVER_ROLES = ["programme_officer", "me_officer"] as const;

export function isApprover(principal: Principal): boolean {
  return principal.roles.some((r) => (APPROVER_ROLES as readonly string[]).includes(r));
}

/** The moves `principal` may make on the story now. */
export function actionsFor(principal: Principal, row: repo.StoryRow): StoryAction[] {
  if (!principal.permissions.has("programmes.write")) return [];
  return (Object.keys(STORY_TRANSITIONS) as StoryAction[]).filter((action) => {
    if (!STORY_TRANSITIONS[action].from.includes(row.status as never)) return false;
    if (action === "approve") return isApprover(principal) && row.authorId !== principal.userId;
    if (action === "return") return isApprover(principal);
    return true;
  });
}

/** What the audit log holds of a narrative: its length and fingerprint, never the words. */
export function digest(text: string): { chars: number; sha256: string } {
  return { chars: text.length, sha256: createHash("sha256").update(text, "utf8").digest("hex") };
}

export function toSummary(row: repo.StoryDetailRow, placeNames: string[]): StorySummary {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: row.projectName,
    title: row.title,
    language: row.language as StorySummary["language"],
    status: row.status as StorySummary["status"],
    placeNames,
    authorName: row.authorName,
    updatedAt: row.updatedAt.toISOString(),
    usableFor: usableFor(row),
    consentScope: (row.consentScope as StoryUse | null) ?? null,
    consentWithdrawn: row.consentWithdrawnAt !== null,
  };
}

function consentView(deps: Deps, row: repo.StoryRow): StoryConsentView | null {
  if (!row.consentGivenBySealed || !row.consentMethod || !row.consentGivenOn || !row.consentScope)
    return null;
  return {
    givenBy: deps.vault.decrypt(GIVEN_BY_SEAL_PURPOSE, row.consentGivenBySealed),
    method: row.consentMethod as StoryConsentView["method"],
    witness: row.consentWitnessSealed
      ? deps.vault.decrypt(WITNESS_SEAL_PURPOSE, row.consentWitnessSealed)
      : null,
    givenOn: row.consentGivenOn,
    scope: row.consentScope as StoryUse,
    withdrawnOn: row.consentWithdrawnAt?.toISOString().slice(0, 10) ?? null,
    withdrawalNote: row.consentWithdrawalNote,
  };
}

export async function storyView(
  deps: Deps,
  principal: Principal,
  row: repo.StoryDetailRow,
): Promise<StoryView> {
  const links = await repo.linksOf(deps.db, row.id);
  const staff = principal.permissions.has("programmes.write");
  return {
    ...toSummary(
      row,
      links.places.map((p) => p.name),
    ),
    organisationId: row.organisationId,
    narrative: deps.vault.decrypt(NARRATIVE_SEAL_PURPOSE, row.narrativeSealed),
    ...links,
    // Pseudonymous codes are for the programme team; readers outside it do not need them.
    participantCodes: staff ? links.participantCodes : [],
    consent: consentView(deps, row),
    returnComment: row.returnComment,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    approvedByName: row.approverName,
    yourActions: actionsFor(principal, row),
    canEdit: staff,
    attachments: (await listAttachments(deps, "impact_story", [row.id])).get(row.id) ?? [],
  };
}

/** Evidence files follow their story: read by whoever sees it, changed by programme staff. */
export async function storyFilesPolicy(
  deps: Deps,
  principal: Principal,
  storyId: string,
  mode: "read" | "write",
): Promise<{ organisationId: string }> {
  requirePermission(principal, "programmes.read");
  const story = await visibleStory(deps, principal, storyId);
  if (mode === "write") requirePermission(principal, "programmes.write");
  return { organisationId: story.organisationId };
}
