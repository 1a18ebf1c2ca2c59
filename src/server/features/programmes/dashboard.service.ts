// A programme's dashboard: for every project of the programme the reader can see, indicators
// against targets over the period; unique reach across those projects (the gender × age pyramid);
// activities over time by type; and where they were held. Figures are counted over the reader's
// areas only (figuresLimitedTo), as on the project pages.
import type { DashboardQuery } from "../../../common/contracts/programmes.ts";
import type { ProgrammeDashboardView } from "../../../common/contracts/programmes-views.ts";
import type { Deps } from "../../deps.ts";
import { badRequest, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import { type Principal, placeInScope } from "../../lib/scope.ts";
import { referralsMadeAcross } from "../referrals/referral-counts.service.ts";
import { approvedStoryCount } from "../stories/stories.service.ts";
import * as dashboard from "./dashboard.repo.ts";
import { activityLocations, bucketActivities } from "./dashboard.ts";
import { planProgress, progressOf } from "./indicators.service.ts";
import { containerInScope, figuresLimitedTo } from "./programme-scope.ts";
import { findPlace } from "./programmes.repo.ts";
import { type ProjectFilter, type ReachMemo, reachPyramid } from "./reach.repo.ts";

/** Kenya's day bounds of the period, for timestamps such as a story's approval. */
const periodBounds = (q: DashboardQuery) => ({
  ...(q.from ? { from: new Date(`${q.from}T00:00:00+03:00`) } : {}),
  ...(q.to ? { to: new Date(`${q.to}T23:59:59.999+03:00`) } : {}),
});

/** Repeat engagement on the dashboard: people who came to three sessions or more. */
const REPEAT_SESSIONS = 3;

export async function programmeDashboard(
  deps: Deps,
  principal: Principal,
  programmeId: string,
  query: DashboardQuery,
): Promise<ProgrammeDashboardView> {
  const programme = isUuid(programmeId) ? await dashboard.findProgrammeHeader(deps.db, programmeId) : null;
  if (!programme || !containerInScope(principal.scope, programme.organisationId, programme.placePath))
    throw notFound("Programme");
  const place = query.place ? await findPlace(deps.db, query.place) : null;
  if (query.place && !place)
    throw badRequest(`place: there is no place "${query.place}"`, [
      { path: "place", message: "is not a known place" },
    ]);
  const projects = await dashboard.visibleProjects(deps.db, programme.id, principal.scope);
  const memo: ReachMemo = new Map();
  const window = { from: query.from, to: query.to, within: place?.path, memo };
  const filter: ProjectFilter = {
    from: query.from,
    to: query.to,
    within: place?.path,
    projectId: projects.map((p) => p.id),
    scopePaths: figuresLimitedTo(principal.scope, programme.placePath),
  };
  // One query at a time: inside a transaction (and on PGlite) there is one connection. Reach first:
  // its one pass over attendance also counts the people of every indicator's target periods and
  // leaves them, with the totals, in the memo for the indicators.
  const plans = [];
  for (const project of projects)
    plans.push({ project, plan: await planProgress(deps, principal, project.id, window) });
  const alsoCount = plans.flatMap(({ plan }) => plan.peopleCounts);
  const reach = await reachPyramid(deps.db, filter, REPEAT_SESSIONS, memo, alsoCount);
  const withIndicators = [];
  for (const { project, plan } of plans)
    withIndicators.push({ project, indicators: await progressOf(deps, plan, window) });
  const days = await dashboard.activitiesByDay(deps.db, filter);
  const byPlace = await dashboard.activitiesByPlace(deps.db, filter);
  const gazetteer = await dashboard.gazetteerPoints(deps.db, [
    ...new Set(byPlace.flatMap((row) => row.placePath.split("/"))),
  ]);
  const counties = [...new Set(byPlace.map((row) => row.placePath.split("/")[0] ?? ""))];
  const backdrop = await dashboard.subCountyPoints(deps.db, counties);
  return {
    programme: {
      id: programme.id,
      name: programme.name,
      organisationName: programme.organisationName,
      placeId: programme.placeId,
      placeName: programme.placeName,
    },
    period: { from: query.from ?? null, to: query.to ?? null },
    place: place && { id: place.id, name: place.name },
    partialScope: !placeInScope(principal.scope, programme.placePath),
    projects: withIndicators,
    reach: {
      ...reach.totals,
      attendances: reach.totals.namedAttendances + reach.totals.anonymousAttendances,
      minSessions: REPEAT_SESSIONS,
      by: ["gender", "age_band"],
      breakdown: reach.breakdown,
    },
    activitiesOverTime: bucketActivities(days, query),
    locations: activityLocations(byPlace, gazetteer),
    mapPlaces: backdrop,
    // From the referrals and stories features, for the same projects, period, place and areas.
    referralCounts: {
      made: await referralsMadeAcross(deps, principal, {
        projectIds: filter.projectId as string[],
        from: query.from,
        to: query.to,
        placePath: place?.path,
        limitedTo: filter.scopePaths && [...filter.scopePaths],
      }),
    },
    // Approved over the period, with consent for donor reports, across the programme's visible projects.
    approvedStoryCount: await approvedStoryCount(deps, principal, {
      projectIds: projects.map((p) => p.id),
      ...periodBounds(query),
    }),
  };
}
