// Impact stories of a project (issue 7): a narrative with links to the project's activities, the
// commitments (action points) made there, places, and the people it is about as pseudonymous codes.
// Status moves and consent are in story-lifecycle.service.ts.
//
// The audit log holds a story's title, links and status, but of the narrative only its length and
// SHA-256: the log is append-only, and a story told in confidence must stay erasable from it.
import type {
  CreateStoryInput,
  ListStoriesQuery,
  StorySummary,
  StoryUse,
  StoryView,
  UpdateStoryInput,
} from "../../../common/contracts/stories.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, type FieldProblem } from "../../lib/errors.ts";
import { isPathWithin, type Principal, placeInScope } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { normaliseParticipantCode } from "../programmes/names.ts";
import { recordInScope } from "../programmes/programme-scope.ts";
import { visibleProject } from "../programmes/programmes.service.ts";
import { actorOf } from "../users/users.service.ts";
import {
  digest,
  NARRATIVE_SEAL_PURPOSE,
  onlyUsableFor,
  storyView,
  toSummary,
  visibleStory,
} from "./stories.policy.ts";
import * as repo from "./stories.repo.ts";

interface ProjectRef {
  id: string;
  organisationId: string;
  placePath: string;
}

interface LinkInput {
  activityIds?: string[] | undefined;
  actionPointIds?: string[] | undefined;
  placeIds?: string[] | undefined;
  participantCodes?: string[] | undefined;
}

interface ResolvedLinks {
  activityIds?: string[];
  actionPointIds?: string[];
  places?: { id: string; path: string }[];
  participantIds?: string[];
  participantCodes?: string[];
}

/** Links must stay within the story's project (and the writer's areas); anything else is a 400. */
async function resolveLinks(
  deps: Deps,
  principal: Principal,
  project: ProjectRef,
  input: LinkInput,
): Promise<ResolvedLinks> {
  const problems: FieldProblem[] = [];
  const resolved: ResolvedLinks = {};
  const ofProject = (r: { projectId: string; organisationId: string; placePath: string }) =>
    r.projectId === project.id && recordInScope(principal.scope, r.organisationId, r.placePath);
  if (input.activityIds) {
    const found = new Set(
      (await repo.findActivities(deps.db, input.activityIds)).filter(ofProject).map((a) => a.id),
    );
    input.activityIds.forEach((id, i) => {
      if (!found.has(id))
        problems.push({
          path: `activityIds.${i}`,
          message: "is not an activity of this project within your areas",
        });
    });
    resolved.activityIds = input.activityIds;
  }
  if (input.actionPointIds) {
    const found = new Set(
      (await repo.findActionPoints(deps.db, input.actionPointIds)).filter(ofProject).map((a) => a.id),
    );
    input.actionPointIds.forEach((id, i) => {
      if (!found.has(id))
        problems.push({
          path: `actionPointIds.${i}`,
          message: "is not an action point of this project's activities within your areas",
        });
    });
    resolved.actionPointIds = input.actionPointIds;
  }
  if (input.placeIds) {
    const found = new Map((await repo.findPlaces(deps.db, input.placeIds)).map((p) => [p.id, p.path]));
    resolved.places = [];
    input.placeIds.forEach((id, i) => {
      const path = found.get(id);
      if (path && isPathWithin(path, project.placePath)) resolved.places?.push({ id, path });
      else problems.push({ path: `placeIds.${i}`, message: "is not a place within the project's area" });
    });
  }
  if (input.participantCodes) {
    const codes = input.participantCodes.map((c) => normaliseParticipantCode(c));
    const rows = await repo.findParticipantsByCode(
      deps.db,
      codes.filter((c): c is string => c !== null),
    );
    const byCode = new Map(rows.map((r) => [r.code, r]));
    resolved.participantIds = [];
    resolved.participantCodes = [];
    codes.forEach((code, i) => {
      const person = code ? byCode.get(code) : undefined;
      const path = `participantCodes.${i}`;
      if (
        !person ||
        person.mergedInto ||
        person.organisationId !== project.organisationId ||
        !placeInScope(principal.scope, person.placePath)
      )
        problems.push({ path, message: "is not a participant of this organisation within your areas" });
      else if (person.consentWithdrawnAt || !person.consentPurposes.includes("stories"))
        problems.push({ path, message: `${person.code} has not agreed to be in stories` });
      else if (!resolved.participantIds?.includes(person.id)) {
        resolved.participantIds?.push(person.id);
        resolved.participantCodes?.push(person.code);
      }
    });
  }
  if (problems.length > 0)
    throw badRequest(
      `The story's links have problems: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`,
      problems,
    );
  return resolved;
}

function auditLinks(links: ResolvedLinks) {
  return {
    ...(links.activityIds && { activityIds: links.activityIds }),
    ...(links.actionPointIds && { actionPointIds: links.actionPointIds }),
    ...(links.places && { placeIds: links.places.map((p) => p.id) }),
    ...(links.participantCodes && { participantCodes: links.participantCodes }),
  };
}

export async function createStory(
  deps: Deps,
  principal: Principal,
  input: CreateStoryInput,
): Promise<StoryView> {
  const storyId = await inTransaction(deps, async (tx) => {
    const project = await visibleProject(tx, principal, input.projectId);
    const links = await resolveLinks(tx, principal, project, input);
    const now = tx.now();
    const row = await repo.insertStory(tx.db, {
      projectId: project.id,
      organisationId: project.organisationId,
      placePath: project.placePath,
      title: input.title,
      narrativeSealed: tx.vault.encrypt(NARRATIVE_SEAL_PURPOSE, input.narrative),
      language: input.language,
      status: "draft",
      authorId: principal.userId || null,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceLinks(tx.db, row.id, links);
    await recordAudit(tx, actorOf(principal), {
      action: "story.create",
      ...repo.auditedStory(row),
      after: {
        projectId: row.projectId,
        title: row.title,
        language: row.language,
        status: row.status,
        narrative: digest(input.narrative),
        ...auditLinks(links),
      },
    });
    return row.id;
  });
  return getStory(deps, principal, storyId);
}

export async function getStory(deps: Deps, principal: Principal, id: string): Promise<StoryView> {
  return storyView(deps, principal, await visibleStory(deps, principal, id));
}

/** Any change to a story that is not a draft takes it back to draft: what was approved is no more. */
export async function updateStory(
  deps: Deps,
  principal: Principal,
  id: string,
  input: UpdateStoryInput,
): Promise<StoryView> {
  await inTransaction(deps, async (tx) => {
    const row = await visibleStory(tx, principal, id, { forUpdate: true });
    const project = { id: row.projectId, organisationId: row.organisationId, placePath: row.placePath };
    const links = await resolveLinks(tx, principal, project, input);
    const oldNarrative = tx.vault.decrypt(NARRATIVE_SEAL_PURPOSE, row.narrativeSealed);
    const narrativeChanged = input.narrative !== undefined && input.narrative !== oldNarrative;
    const backToDraft = row.status !== "draft";
    const updated = await repo.updateStory(tx.db, row.id, row.status, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.language !== undefined && { language: input.language }),
      ...(narrativeChanged && {
        narrativeSealed: tx.vault.encrypt(NARRATIVE_SEAL_PURPOSE, input.narrative ?? ""),
      }),
      ...(backToDraft && { status: "draft", approvedAt: null, approvedBy: null }),
      updatedAt: tx.now(),
    });
    if (!updated) throw conflict("The story changed while you were editing it. Reload and try again.");
    await repo.replaceLinks(tx.db, row.id, links);
    await recordAudit(tx, actorOf(principal), {
      action: "story.update",
      ...repo.auditedStory(row),
      before: {
        status: row.status,
        ...(input.title !== undefined && { title: row.title }),
        ...(input.language !== undefined && { language: row.language }),
        ...(narrativeChanged && { narrative: digest(oldNarrative) }),
      },
      after: {
        status: updated.status,
        ...(input.title !== undefined && { title: updated.title }),
        ...(input.language !== undefined && { language: updated.language }),
        ...(narrativeChanged && { narrative: digest(input.narrative ?? "") }),
        ...auditLinks(links),
      },
    });
  });
  return getStory(deps, principal, id);
}

/**
 * A file added to or removed from a story that is not a draft takes it back to draft, like any other
 * change (updateStory): the evidence is part of what was approved. Runs in the file's transaction.
 */
export async function storyFilesChanged(tx: Deps, principal: Principal, storyId: string): Promise<void> {
  const row = await visibleStory(tx, principal, storyId, { forUpdate: true });
  if (row.status === "draft") return;
  const updated = await repo.updateStory(tx.db, row.id, row.status, {
    status: "draft",
    approvedAt: null,
    approvedBy: null,
    updatedAt: tx.now(),
  });
  if (!updated) throw conflict("The story changed while you were adding the file. Reload and try again.");
  await recordAudit(tx, actorOf(principal), {
    action: "story.update",
    ...repo.auditedStory(row),
    before: { status: row.status },
    after: { status: updated.status, because: "files_changed" },
  });
}

export async function listStories(
  deps: Deps,
  principal: Principal,
  query: ListStoriesQuery,
): Promise<StorySummary[]> {
  const { placeId, ...filter } = query;
  const [place] = placeId ? await repo.findPlaces(deps.db, [placeId]) : [];
  if (placeId && !place)
    throw badRequest(`placeId: there is no place "${placeId}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  const rows = await repo.listStories(deps.db, principal.scope, onlyUsableFor(principal), {
    ...filter,
    placePath: place?.path,
  });
  const names = await repo.placeNamesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, names.get(r.id) ?? []));
}

/**
 * How many approved stories, with the storyteller's consent in force and covering `use`, the
 * principal may count: what a donor report may cite. `from`/`to` bound the approval time.
 */
export async function approvedStoryCount(
  deps: Deps,
  principal: Principal,
  filter: { projectIds?: readonly string[]; use?: StoryUse; from?: Date; to?: Date } = {},
): Promise<number> {
  const { use = "donor_reports", ...rest } = filter;
  if (rest.projectIds?.length === 0) return 0;
  return repo.countUsable(deps.db, principal.scope, use, rest);
}
