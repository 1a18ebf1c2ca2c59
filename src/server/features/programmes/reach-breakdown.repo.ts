// Reach broken down by dimensions, in SQL: the queries behind reachBreakdown and reachPyramid
// (reach.repo.ts). People are counted once per key; anonymous head counts join the rows they match.
import { and, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Dimension } from "../../../common/contracts/programmes.ts";
import { YOUTH_AGE_BANDS } from "../../../common/contracts/programmes.ts";
import type { BreakdownRow } from "../../../common/contracts/programmes-views.ts";
import { type Db, queryRows } from "../../db/client.ts";
import { activities, dialogueSessions } from "./activities.table.ts";
import { anonymousAttendances, attendances, participants } from "./participants.table.ts";
import { sortBreakdown } from "./reach.ts";
import {
  ACTIVITY,
  ANONYMOUS,
  ATTENDANCE,
  type FactColumns,
  type ProjectFilter,
  pathsClause,
  where,
  whereBeyond,
} from "./reach-sql.ts";

/** Where the traits of a named person, and those of an anonymous head count, are kept. */
const PERSON_TRAITS = {
  gender: participants.gender,
  ageBand: participants.ageBand,
  disability: participants.disability,
  role: participants.role,
};
const HEAD_COUNT_TRAITS = {
  gender: anonymousAttendances.gender,
  ageBand: anonymousAttendances.ageBand,
  disability: anonymousAttendances.disability,
  role: anonymousAttendances.role,
};

const youth = (ageBand: AnyPgColumn) =>
  sql`case when ${ageBand} = 'unknown' then 'unknown' when ${inArray(ageBand, [...YOUTH_AGE_BANDS])} then 'youth' else 'not_youth' end`;

/** The SQL for a dimension's value: traits from the person (or the anonymous row), the rest from the activity. */
function dimensionSql(
  dimension: Dimension,
  traits: { gender: AnyPgColumn; ageBand: AnyPgColumn; disability: AnyPgColumn; role: AnyPgColumn },
  facts: FactColumns,
): SQL {
  switch (dimension) {
    case "gender":
      return sql`${traits.gender}`;
    case "age_band":
      return sql`${traits.ageBand}`;
    case "youth":
      return youth(traits.ageBand);
    case "disability":
      return sql`${traits.disability}`;
    case "role":
      return sql`${traits.role}`;
    case "group":
      if (!facts.group) throw new Error("the dialogue group is only known for attendance");
      return sql`coalesce(${facts.group}, 'none')`;
    case "activity_type":
      return sql`${facts.type}`;
    case "county":
      return sql`split_part(${facts.placePath}, '/', 1)`;
  }
}

/**
 * Grouping half a million attendances by person and key builds a hash table of some 20 MB; with
 * PostgreSQL's default 4 MB of working memory it spills to disk and takes three times as long.
 * `serial`: no parallel workers. For the pyramid with totals counted along (a dashboard over a
 * reader's areas), PostgreSQL's parallel plan has every worker group all the attendances again for
 * its own side of the join with participants: twice the work for no time saved, and on a busy
 * server more time. The settings last only for the transaction around the one query.
 */
const GROUPING_WORK_MEM = "64MB";

function withRoomToGroup<T>(db: Db, work: (tx: Db) => Promise<T>, serial = false): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${GROUPING_WORK_MEM}'`));
    if (serial) await tx.execute(sql.raw("set local max_parallel_workers_per_gather = 0"));
    return work(tx as unknown as Db);
  });
}

/** Named and anonymous totals over a filter counted along another pass (reachPyramid). */
export interface WindowTotals {
  uniqueParticipants: number;
  namedAttendances: number;
  repeatParticipants: number;
  anonymousAttendances: number;
}
export const NO_ONE: WindowTotals = {
  uniqueParticipants: 0,
  namedAttendances: 0,
  repeatParticipants: 0,
  anonymousAttendances: 0,
};

/** Dimensions that describe the activity, not the person: one person may fall under several values. */
const ACTIVITY_DIMENSIONS: readonly Dimension[] = ["group", "activity_type", "county"];

const keyColumns = (exprs: SQL[]) =>
  sql.join(
    exprs.map((e, i) => sql`${e} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
const groupByAll = (n: number) => sql.raw(Array.from({ length: n }, (_, i) => String(i + 1)).join(", "));

/** Named attendance per breakdown row, as the queries below return it: keys `k0`, `k1`… in `by`'s order. */
type NamedBreakdownRow = Record<string, string> & { people: number; named: number; repeat: number };

/**
 * Most activity-side keys counted in one pass per person. Each key adds a conditional count per
 * attendance; with some two dozen of them the pass takes as long as grouping by person and key.
 */
const MOST_KEYS_IN_ONE_PASS = 24;

/** Activities with their dialogue group, to read which activity-side keys a filter's rows can have. */
const ACTIVITY_WITH_GROUP: FactColumns = { ...ACTIVITY, group: dialogueSessions.dialogueGroup };

/** An attendance row's key for an activity-side dimension is `value`: dimensionSql = value, quicker to test. */
function attendanceKeyIs(dimension: Dimension, value: string): SQL {
  switch (dimension) {
    case "group":
      return value === "none"
        ? sql`${attendances.dialogueGroup} is null`
        : sql`${attendances.dialogueGroup} = ${value}`;
    case "activity_type":
      return sql`${attendances.activityType} = ${value}`;
    case "county":
      // The first part of the path is the county's code: the path is the county's, or lies within it.
      return pathsClause(attendances.placePath, [value]);
    default:
      throw new Error(`${dimension} is a trait of the person, not of the activity`);
  }
}

/**
 * A breakdown by something that describes the activity (dialogue group, type, county) puts a person
 * under every key they attended with, so the general query groups attendance by person and key:
 * some 175,000 groups for half a million attendances, a third of a second on PostgreSQL. Within a
 * filter such keys take few values, read cheaply off the activities; with one conditional count per
 * value, grouping by person alone does the same in one pass over 50,000 groups, in about half the
 * time. Undefined when there are too many values, or when attendance holds a key its activity does
 * not (a copy out of step): the general query counts what attendance says.
 */
async function breakdownInOnePassPerPerson(
  db: Db,
  f: ProjectFilter,
  by: readonly Dimension[],
  minSessions: number | undefined,
): Promise<NamedBreakdownRow[] | undefined> {
  const activitySide = by.filter((d) => ACTIVITY_DIMENSIONS.includes(d));
  const personSide = by.filter((d) => !ACTIVITY_DIMENSIONS.includes(d));
  const present = (
    await queryRows<Record<string, string>>(
      db,
      sql`select distinct ${keyColumns(activitySide.map((d) => dimensionSql(d, PERSON_TRAITS, ACTIVITY_WITH_GROUP)))}
        from ${activities} left join ${dialogueSessions} on ${dialogueSessions.activityId} = ${activities.id}
        where ${where(ACTIVITY, f)}`,
    )
  ).map((row) => activitySide.map((_, i) => String(row[`k${i}`])));
  if (present.length > MOST_KEYS_IN_ONE_PASS) return undefined;
  const column = (name: string, j: number) => sql.raw(`${name}${j}`);
  const countsPerKey = present.map(
    (values, j) =>
      sql`, count(*) filter (where ${and(...activitySide.map((d, i) => attendanceKeyIs(d, values[i] ?? "")))}) as ${column("c", j)}`,
  );
  const figuresPerKey = present.map((_, j) => {
    const c = sql.raw(`per_person.c${j}`);
    return sql`, (count(*) filter (where ${c} > 0))::int as ${column("people", j)},
      coalesce(sum(${c}), 0)::int as ${column("named", j)},
      ${minSessions === undefined ? sql`0` : sql`(count(*) filter (where ${c} >= ${minSessions}))::int`} as ${column("repeat", j)}`;
  });
  const rows = await queryRows<Record<string, string | number>>(
    db,
    sql`select ${personSide.length > 0 ? sql`${keyColumns(personSide.map((d) => dimensionSql(d, PERSON_TRAITS, ATTENDANCE)))},` : sql``}
        coalesce(sum(per_person.n), 0)::int as all_named ${sql.join(figuresPerKey, sql``)}
      from (select ${attendances.participantId} as pid, count(*) as n ${sql.join(countsPerKey, sql``)}
            from ${attendances} where ${where(ATTENDANCE, f)} group by 1) per_person
      ${personSide.length > 0 ? sql`join ${participants} on ${participants.id} = per_person.pid group by ${groupByAll(personSide.length)}` : sql``}`,
  );
  const named: NamedBreakdownRow[] = [];
  let counted = 0;
  let attended = 0;
  for (const row of rows) {
    attended += Number(row.all_named);
    for (const [j, values] of present.entries()) {
      const people = Number(row[`people${j}`]);
      counted += Number(row[`named${j}`]);
      if (people === 0) continue;
      const keys = by.map((d) =>
        ACTIVITY_DIMENSIONS.includes(d)
          ? (values[activitySide.indexOf(d)] ?? "")
          : String(row[`k${personSide.indexOf(d)}`]),
      );
      named.push({
        ...Object.fromEntries(keys.map((key, i) => [`k${i}`, key])),
        people,
        named: Number(row[`named${j}`]),
        repeat: Number(row[`repeat${j}`]),
      } as NamedBreakdownRow);
    }
  }
  return counted === attended ? named : undefined;
}

/** For totals counted along a breakdown: one column per filter of `along`, each made by `make`. */
const columnsAlong =
  (along: readonly ProjectFilter[]) =>
  (make: (w: ProjectFilter, i: number) => SQL): SQL =>
    sql.join(along.map(make), sql``);

/**
 * The general breakdown of named attendance, for any dimensions. Two steps, because count(distinct)
 * per key sorts every attendance: first one row per person and activity-side key with their
 * attendance count, then people per key. Traits of the person are joined in the second step, on at
 * most one row per person and key.
 */
function breakdownByPersonAndKey(
  db: Db,
  f: ProjectFilter,
  by: readonly Dimension[],
  minSessions: number | undefined,
  along: readonly ProjectFilter[],
): Promise<NamedBreakdownRow[]> {
  const activitySide = by.filter((d) => ACTIVITY_DIMENSIONS.includes(d));
  const each = columnsAlong(along);
  const perPerson = sql`select ${attendances.participantId} as pid
      ${sql.join(
        activitySide.map(
          (d, i) => sql`, ${dimensionSql(d, PERSON_TRAITS, ATTENDANCE)} as ${sql.raw(`a${i}`)}`,
        ),
        sql``,
      )}, count(*) as n
      ${each((w, i) => sql`, count(*) filter (where ${whereBeyond(ATTENDANCE, w, f)}) as ${sql.raw(`n${i}`)}`)}
    from ${attendances}
    where ${where(ATTENDANCE, f)}
    group by ${groupByAll(activitySide.length + 1)}`;
  const keys = by.map((d) =>
    ACTIVITY_DIMENSIONS.includes(d)
      ? sql.raw(`per_person.a${activitySide.indexOf(d)}`)
      : dimensionSql(d, PERSON_TRAITS, ATTENDANCE),
  );
  const needsPerson = activitySide.length < by.length;
  return queryRows<NamedBreakdownRow>(
    db,
    sql`select ${keyColumns(keys)}, count(*)::int as people, sum(per_person.n)::int as named,
          ${minSessions === undefined ? sql`0` : sql`(count(*) filter (where per_person.n >= ${minSessions}))::int`} as repeat
          ${each((_, i) => {
            const ni = sql.raw(`per_person.n${i}`);
            return sql`, (count(*) filter (where ${ni} > 0))::int as ${sql.raw(`p${i}`)},
              coalesce(sum(${ni}), 0)::int as ${sql.raw(`s${i}`)},
              (count(*) filter (where ${ni} >= ${minSessions}))::int as ${sql.raw(`r${i}`)}`;
          })}
        from (${perPerson}) per_person
        ${needsPerson ? sql`join ${participants} on ${participants.id} = per_person.pid` : sql``}
        group by ${groupByAll(by.length)}`,
  );
}

/**
 * Breakdown rows; with `minSessions`, also how many of each row's people came that often (person
 * dimensions only), and the totals over each of `along`, filters whose rows lie within `f`.
 */
export async function breakdownRows(
  db: Db,
  f: ProjectFilter,
  by: readonly Dimension[],
  minSessions?: number,
  along: readonly ProjectFilter[] = [],
): Promise<{ rows: (BreakdownRow & { repeat: number })[]; alongTotals: WindowTotals[] }> {
  const alongTotals = along.map(() => ({ ...NO_ONE }));
  if (by.length === 0) return { rows: [], alongTotals };
  const activitySide = by.filter((d) => ACTIVITY_DIMENSIONS.includes(d));
  if (along.length > 0 && (activitySide.length > 0 || minSessions === undefined))
    throw new Error("totals are counted along a breakdown by traits of the person only");
  const each = columnsAlong(along);
  const named =
    (activitySide.length > 0
      ? await withRoomToGroup(db, (tx) => breakdownInOnePassPerPerson(tx, f, by, minSessions))
      : undefined) ??
    (await withRoomToGroup(
      db,
      (tx) => breakdownByPersonAndKey(tx, f, by, minSessions, along),
      along.length > 0,
    ));
  const anonymous = await queryRows<Record<string, string> & { heads: number }>(
    db,
    sql`select ${keyColumns(by.map((d) => dimensionSql(d, HEAD_COUNT_TRAITS, ANONYMOUS)))},
          sum(${anonymousAttendances.count})::int as heads
          ${each((w, i) => sql`, coalesce(sum(${anonymousAttendances.count}) filter (where ${whereBeyond(ANONYMOUS, w, f)}), 0)::int as ${sql.raw(`h${i}`)}`)}
        from ${anonymousAttendances}
        where ${where(ANONYMOUS, f)}
        group by ${groupByAll(by.length)}`,
  );
  const rows = new Map<string, BreakdownRow & { repeat: number }>();
  const rowFor = (r: Record<string, unknown>) => {
    const keys = Object.fromEntries(by.map((d, i) => [d, String(r[`k${i}`])]));
    const id = by.map((d) => keys[d]).join("\u0000");
    let row = rows.get(id);
    if (!row) {
      row = { keys, uniqueParticipants: 0, namedAttendances: 0, anonymousAttendances: 0, repeat: 0 };
      rows.set(id, row);
    }
    return row;
  };
  for (const r of named) {
    const row = rowFor(r);
    row.uniqueParticipants = r.people;
    row.namedAttendances = r.named;
    row.repeat = r.repeat;
    for (const [i, totals] of alongTotals.entries()) {
      totals.uniqueParticipants += Number(r[`p${i}`]);
      totals.namedAttendances += Number(r[`s${i}`]);
      totals.repeatParticipants += Number(r[`r${i}`]);
    }
  }
  for (const r of anonymous) {
    rowFor(r).anonymousAttendances = r.heads;
    for (const [i, totals] of alongTotals.entries()) totals.anonymousAttendances += Number(r[`h${i}`]);
  }
  const sorted = sortBreakdown([...rows.values()], by) as (BreakdownRow & { repeat: number })[];
  return { rows: sorted, alongTotals };
}
