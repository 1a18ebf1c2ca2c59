// Files attached to programme records: the policies attachment-routes.ts asks before any file is
// listed, read, stored or removed, and the figures of an entered indicator with their evidence files.
// An activity's files follow the activity (read in scope, write with programmes.write); a figure's files
// follow its indicator's project, as entering the figure does.
import type { IndicatorEntryView } from "../../../common/contracts/programmes-views.ts";
import type { Deps } from "../../deps.ts";
import { AppError, forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, placeInScope, requirePermission } from "../../lib/scope.ts";
import { listAttachments } from "../attachments/attachments.service.ts";
import { visibleActivity } from "./activities.service.ts";
import { entriesOf, findEntry } from "./entries.repo.ts";
import { findIndicator } from "./programmes.repo.ts";
import { visibleProject } from "./programmes.service.ts";

type Mode = "read" | "write";

export async function activityFilesPolicy(
  deps: Deps,
  principal: Principal,
  activityId: string,
  mode: Mode,
): Promise<{ organisationId: string }> {
  requirePermission(principal, "programmes.read");
  const activity = await visibleActivity(deps, principal, activityId);
  if (mode === "write") requirePermission(principal, "programmes.write");
  return { organisationId: activity.organisationId };
}

/** The project of an indicator (or of one of its figures), as `what` when the reader cannot see it. */
async function projectOf(deps: Deps, principal: Principal, projectId: string | undefined, what: string) {
  if (!projectId) throw notFound(what);
  try {
    return await visibleProject(deps, principal, projectId);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound(what);
    throw error;
  }
}

export async function indicatorEntryFilesPolicy(
  deps: Deps,
  principal: Principal,
  entryId: string,
  mode: Mode,
): Promise<{ organisationId: string }> {
  requirePermission(principal, "programmes.read");
  const entry = isUuid(entryId) ? await findEntry(deps.db, entryId) : null;
  const project = await projectOf(deps, principal, entry?.projectId, "Indicator figure");
  if (mode === "write") {
    requirePermission(principal, "programmes.write");
    if (!placeInScope(principal.scope, project.placePath))
      throw forbidden(`Only staff covering all of ${project.placeName} can change this project's figures.`);
  }
  return { organisationId: project.organisationId };
}

/** Every figure entered for an indicator, newest first, each with its evidence files. */
export async function listIndicatorEntries(
  deps: Deps,
  principal: Principal,
  indicatorId: string,
): Promise<IndicatorEntryView[]> {
  const indicator = isUuid(indicatorId) ? await findIndicator(deps.db, indicatorId) : null;
  await projectOf(deps, principal, indicator?.projectId, "Indicator");
  const rows = indicator ? await entriesOf(deps.db, indicator.id) : [];
  const files = await listAttachments(
    deps,
    "indicator_entry",
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...r,
    enteredAt: r.enteredAt.toISOString(),
    attachments: files.get(r.id) ?? [],
  }));
}
