// Referral counts for reports and the programme dashboard: numbers only, small cells suppressed.
// Anyone who may read the project's programme data may read these; no person-level data ever leaves.
import type { ReferralCounts, ReferralCountsFilters } from "../../../common/contracts/referrals.ts";
import type { Deps } from "../../deps.ts";
import { badRequest } from "../../lib/errors.ts";
import { type Principal, requirePermission } from "../../lib/scope.ts";
import { figuresLimitedTo } from "../programmes/programme-scope.ts";
import { visibleProject } from "../programmes/programmes.service.ts";
import { referralCountsOf, suppress } from "./counts.ts";
import * as repo from "./referrals.repo.ts";

/**
 * Counts of a project's referrals by type (reintegration split by subtype), status, gender and age
 * band, over the reader's own areas when the project reaches beyond them. Cells of 1 to 4 are "<5".
 */
export async function referralCounts(
  deps: Deps,
  principal: Principal,
  projectId: string,
  filters: ReferralCountsFilters = {},
): Promise<ReferralCounts> {
  requirePermission(principal, "programmes.read");
  const project = await visibleProject(deps, principal, projectId);
  const place = filters.placeId ? await repo.findPlace(deps.db, filters.placeId) : null;
  if (filters.placeId && !place)
    throw badRequest(`placeId: there is no place "${filters.placeId}"`, [
      { path: "placeId", message: "is not a known place" },
    ]);
  const limitedTo = figuresLimitedTo(principal.scope, project.placePath);
  const rows = await repo.countReferrals(deps.db, {
    projectId: project.id,
    from: filters.from,
    to: filters.to,
    placePath: place?.path,
    limitedTo,
  });
  return referralCountsOf(rows, limitedTo !== undefined);
}

/**
 * Referrals made across the projects of a programme, for its dashboard: the total alone, small
 * numbers suppressed. The caller has already limited `projectIds` to what the reader may see.
 */
export async function referralsMadeAcross(
  deps: Deps,
  principal: Principal,
  f: {
    projectIds: string[];
    from?: string | undefined;
    to?: string | undefined;
    placePath?: string | undefined;
    limitedTo?: string[] | undefined;
  },
): Promise<number | "<5"> {
  requirePermission(principal, "programmes.read");
  const rows = await repo.countReferrals(deps.db, { ...f, projectId: f.projectIds });
  return suppress(rows.reduce((sum, r) => sum + r.n, 0));
}
