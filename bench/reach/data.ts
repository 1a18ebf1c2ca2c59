// A synthetic M&E data set at the scale of a large programme, generated inside the database with
// generate_series (seconds, not minutes): 50,000 participants, 20,000 activities, 500,000 named
// attendances, anonymous head counts and action points, all in one project (the heaviest case).
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../src/server/db/client.ts";

export const SIZE = { participants: 50_000, activities: 20_000, perActivity: 25 } as const;

/** Real gazetteer paths in Nakuru and Mombasa, so that place and scope filters behave as in production. */
const PLACE_PATHS = [
  "c:032/s:175/w:0872/l:kaptembwo",
  "c:032/s:175/w:0872/l:soko-mjinga",
  "c:032/s:175/w:0874/l:rhonda",
  "c:032/s:176/w:0876/l:nakuru-town",
  "c:032/s:174/w:0869/l:bahati",
  "c:032/s:168",
  "c:032/s:167/w:0835/l:njoro",
  "c:001/s:005/w:0024/l:likoni",
  "c:001/s:003/w:0011/l:bamburi",
  "c:001/s:006/w:0030/l:majengo-mombasa",
];
const TYPES = [
  "dialogue_session",
  "dialogue_session",
  "peace_action",
  "police_cafe",
  "community_baraza",
  "training",
];

/** SQL choosing from constant values by a number: `(array['a','b'])[1 + (n) % 2]`. Constants only, never input. */
const pick = (values: readonly string[], index: string) =>
  sql.raw(`(array[${values.map((v) => `'${v}'`).join(",")}])[1 + ((${index}) % ${values.length})]`);
/** A hash of the text as a non-negative int, to spread values without a random generator. */
const spread = (text: string) => `(hashtext(${text}) & 2147483647)`;

/** The uuid PostgreSQL makes of md5(text)::uuid, so that the script knows the ids it generated. */
export function md5Uuid(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const PROJECT_ID = md5Uuid("project");

export async function generate(db: Db): Promise<void> {
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  await run(
    sql`insert into organisations (id, name, short_name) values (md5('org')::uuid, 'Bench Org', 'BO')`,
  );
  await run(sql`insert into programmes (id, organisation_id, name, place_id, place_path, created_at)
    values (md5('programme')::uuid, md5('org')::uuid, 'Bench programme', 'ke', 'ke', now())`);
  await run(sql`insert into projects (id, programme_id, organisation_id, name, place_id, place_path, starts_on, ends_on, created_at)
    values (md5('project')::uuid, md5('programme')::uuid, md5('org')::uuid, 'Bench project', 'ke', 'ke', '2025-01-01', '2026-12-31', now())`);
  await run(sql`insert into participants (id, organisation_id, code, gender, age_band, disability, role, place_id, place_path,
      consent_purposes, consent_given_on, created_at)
    select md5('p' || n)::uuid, md5('org')::uuid, 'P-' || lpad(upper(to_hex(n)), 6, '0'),
      ${pick(["female", "male", "female", "male", "other", "undisclosed"], "n * 7 / 3")},
      ${pick(["under_18", "18_24", "18_24", "25_34", "25_34", "35_49", "50_64", "65_plus", "unknown"], "n")},
      ${pick(["no", "no", "no", "no", "no", "no", "yes", "unknown"], "n / 5")},
      ${pick(["community", "community", "community", "community", "police", "government", "cso"], "n / 2")},
      'x', ${pick(PLACE_PATHS, "n / 11")}, array['attendance_records'], '2025-01-01', now()
    from generate_series(1, ${SIZE.participants}) n`);
  await run(
    sql`update participants set place_id = split_part(place_path, '/', -1) where organisation_id = md5('org')::uuid`,
  );
  await run(sql`insert into activities (id, project_id, organisation_id, type, held_on, place_id, place_path, created_at, updated_at)
    select md5('a' || n)::uuid, md5('project')::uuid, md5('org')::uuid, ${pick(TYPES, "n")},
      date '2025-01-01' + (n % 730), 'x', ${pick(PLACE_PATHS, "n / 3")}, now(), now()
    from generate_series(1, ${SIZE.activities}) n`);
  await run(
    sql`update activities set place_id = split_part(place_path, '/', -1) where project_id = md5('project')::uuid`,
  );
  await run(sql`insert into dialogue_sessions (activity_id, dialogue_group)
    select id, ${pick(["youth", "women", "men", "cross_learning", "mixed"], spread("id::text"))}
    from activities where type = 'dialogue_session' and project_id = md5('project')::uuid`);
  // 25 different people per activity: stepping by 4,729 (coprime with 50,000) never repeats within one.
  await run(sql`insert into attendances (activity_id, participant_id, project_id, activity_type, held_on, place_path, dialogue_group)
    select a.id, md5('p' || (1 + (a.n * 7919 + k * 4729) % ${SIZE.participants}))::uuid, a.project_id, a.type, a.held_on,
      a.place_path, a.dialogue_group
    from (select id, project_id, type, held_on, place_path, dialogue_group, row_number() over (order by id) as n
          from activities left join dialogue_sessions on activity_id = id
          where project_id = md5('project')::uuid) a
    cross join generate_series(1, ${SIZE.perActivity}) k`);
  await run(sql`insert into anonymous_attendances (activity_id, project_id, activity_type, held_on, place_path,
      dialogue_group, gender, age_band, role, disability, count)
    select id, project_id, type, held_on, place_path, dialogue_group, 'undisclosed', 'unknown', 'community', 'unknown', ${sql.raw(`5 + ${spread("id::text")} % 20`)}
    from activities left join dialogue_sessions on activity_id = id
    where project_id = md5('project')::uuid and ${sql.raw(`${spread("id::text")} % 4 = 0`)}`);
  await run(sql`insert into action_points (activity_id, position, text, status, updated_at)
    select d.activity_id, k, 'Action point ' || k, ${sql.raw(`case when ${spread("d.activity_id::text || k")} % 3 = 0 then 'kept' else 'open' end`)}, now()
    from dialogue_sessions d cross join generate_series(0, 1) k`);
  // Indicators as a project would have them, for the programme dashboard: people reached, attendances
  // and dialogue sessions held, each with a target per year.
  await run(sql`insert into project_indicators (id, project_id, name, type, activity_types, created_at)
    values (md5('i1')::uuid, md5('project')::uuid, 'People reached', 'unique_participants', '{}', now()),
      (md5('i2')::uuid, md5('project')::uuid, 'Attendances', 'attendances', '{}', now()),
      (md5('i3')::uuid, md5('project')::uuid, 'Dialogue sessions held', 'activity_count', '{dialogue_session}', now())`);
  await run(sql`insert into indicator_targets (indicator_id, label, starts_on, ends_on, value)
    select i.id, y::text, make_date(y, 1, 1), make_date(y, 12, 31), 10000
    from project_indicators i cross join generate_series(2025, 2026) y where i.project_id = md5('project')::uuid`);
  await run(sql`analyze`);
}
