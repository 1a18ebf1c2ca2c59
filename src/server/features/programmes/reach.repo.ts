// Reach and indicator values in SQL: the same definitions as reach.ts (which is the specification),
// computed where the data is. Attendance rows carry their activity's project, type, date and place,
// so the large queries read one table (plus participants for their traits) and use its
// (project_id, held_on, participant_id) index.
import { type SQL, sql } from "drizzle-orm";
import type { Dimension, IndicatorType } from "../../../common/contracts/programmes.ts";
import type { BreakdownRow } from "../../../common/contracts/programmes-views.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { actionPoints, activities } from "./activities.table.ts";
import { anonymousAttendances, attendances } from "./participants.table.ts";
import { breakdownRows, NO_ONE, type WindowTotals } from "./reach-breakdown.repo.ts";
import {
  ACTIVITY,
  ANONYMOUS,
  ATTENDANCE,
  countableIn,
  memoKey,
  type ProjectFilter,
  type ReachMemo,
  remember,
  where,
} from "./reach-sql.ts";

export type { ProjectFilter, ReachMemo } from "./reach-sql.ts";

/** The filter on the activities table, for queries over activities elsewhere in the feature. */
export const activityWhere = (f: ProjectFilter): SQL => where(ACTIVITY, f);

export interface ReachTotals extends WindowTotals {
  activities: number;
}

export function countActivities(db: Db, f: ProjectFilter, memo?: ReachMemo): Promise<number> {
  return remember(memo, "activities", f, async () => {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${activities} where ${where(ACTIVITY, f)}`,
    );
    return row?.n ?? 0;
  });
}

/** Unique people, their attendances and how many came `minSessions` times or more, in one pass. */
export function namedTotals(
  db: Db,
  f: ProjectFilter,
  minSessions: number,
  memo?: ReachMemo,
): Promise<{ uniqueParticipants: number; namedAttendances: number; repeatParticipants: number }> {
  return remember(memo, `named ${minSessions}`, f, () => namedTotalsNow(db, f, minSessions));
}

async function namedTotalsNow(db: Db, f: ProjectFilter, minSessions: number) {
  const [row] = await queryRows<{ people: number; named: number; repeat: number }>(
    db,
    sql`select count(*)::int as people, coalesce(sum(n), 0)::int as named,
          (count(*) filter (where n >= ${minSessions}))::int as repeat
        from (select ${attendances.participantId}, count(*) as n from ${attendances}
              where ${where(ATTENDANCE, f)} group by ${attendances.participantId}) per_person`,
  );
  return {
    uniqueParticipants: row?.people ?? 0,
    namedAttendances: row?.named ?? 0,
    repeatParticipants: row?.repeat ?? 0,
  };
}

export function anonymousTotal(db: Db, f: ProjectFilter, memo?: ReachMemo): Promise<number> {
  return remember(memo, "anonymous", f, async () => {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select coalesce(sum(${anonymousAttendances.count}), 0)::int as n from ${anonymousAttendances}
        where ${where(ANONYMOUS, f)}`,
    );
    return row?.n ?? 0;
  });
}

export async function reachTotals(
  db: Db,
  f: ProjectFilter,
  minSessions: number,
  memo?: ReachMemo,
): Promise<ReachTotals> {
  // Sequential: inside a transaction there is one connection, which takes one query at a time.
  const activityCount = await countActivities(db, f, memo);
  const named = await namedTotals(db, f, minSessions, memo);
  const anonymous = await anonymousTotal(db, f, memo);
  return { activities: activityCount, ...named, anonymousAttendances: anonymous };
}

/** Reach broken down by one or two dimensions; anonymous heads join the rows they match. */
export async function reachBreakdown(
  db: Db,
  f: ProjectFilter,
  by: readonly Dimension[],
): Promise<BreakdownRow[]> {
  return (await breakdownRows(db, f, by)).rows.map(({ repeat: _repeat, ...row }) => row);
}

/**
 * The reach pyramid (gender × age band) and the reach totals from one pass over attendance: both
 * are traits of the person, so each person falls in exactly one cell and the cells add up to the
 * totals. The totals are remembered in `memo` for the indicators that ask for them next, and so are
 * the totals over `alsoCount` (indicators' target periods), taken in the same pass: those of them
 * whose rows all lie within `f`, and not remembered yet.
 */
export async function reachPyramid(
  db: Db,
  f: ProjectFilter,
  minSessions: number,
  memo?: ReachMemo,
  alsoCount: readonly ProjectFilter[] = [],
): Promise<{ totals: ReachTotals; breakdown: BreakdownRow[] }> {
  const namedKey = `named ${minSessions}`;
  const windows = new Map<string, ProjectFilter>();
  for (const w of alsoCount) {
    const key = memoKey(namedKey, w);
    if (memo && !memo.has(key) && key !== memoKey(namedKey, f) && countableIn(w, f)) windows.set(key, w);
  }
  const along = [...windows.values()];
  const { rows, alongTotals } = await breakdownRows(db, f, ["gender", "age_band"], minSessions, along);
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((n, row) => n + pick(row), 0);
  const named = {
    uniqueParticipants: sum((r) => r.uniqueParticipants),
    namedAttendances: sum((r) => r.namedAttendances),
    repeatParticipants: sum((r) => r.repeat),
  };
  const anonymous = sum((r) => r.anonymousAttendances);
  await remember(memo, namedKey, f, async () => named);
  await remember(memo, "anonymous", f, async () => anonymous);
  for (const [i, w] of along.entries()) {
    const { anonymousAttendances: heads, ...people } = alongTotals[i] ?? NO_ONE;
    await remember(memo, namedKey, w, async () => people);
    await remember(memo, "anonymous", w, async () => heads);
  }
  const totals = {
    activities: await countActivities(db, f, memo),
    ...named,
    anonymousAttendances: anonymous,
  };
  return { totals, breakdown: rows.map(({ repeat: _repeat, ...row }) => row) };
}

export async function commitmentsKept(db: Db, f: ProjectFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${actionPoints}
        join ${activities} on ${activities.id} = ${actionPoints.activityId}
        where ${actionPoints.status} = 'kept' and ${where(ACTIVITY, f)}`,
  );
  return row?.n ?? 0;
}

/** Repeat engagement as reach reports it by default (reachQuery): three sessions or more. */
const DEFAULT_MIN_SESSIONS = 3;

/** A computed indicator's value; entered indicators (manual, survey-based) are read from their entries. */
export async function computedValue(
  db: Db,
  type: Exclude<IndicatorType, "manual" | "survey_based">,
  f: ProjectFilter,
  memo?: ReachMemo,
): Promise<number> {
  // Indicators use no repeat count; asking with reach's default lets a memo share the pass with reach.
  const named = () => namedTotals(db, f, DEFAULT_MIN_SESSIONS, memo);
  switch (type) {
    case "activity_count":
      return countActivities(db, f, memo);
    case "unique_participants":
      return (await named()).uniqueParticipants;
    case "attendances":
      return (await named()).namedAttendances + (await anonymousTotal(db, f, memo));
    case "commitments_kept":
      return commitmentsKept(db, f);
  }
}
