// The demo data set, as far as early response is concerned: the escalation ladder has a true first
// rung (every police station unit has a supervisor) and the response metrics have cases to count.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES } from "../../../common/contracts/cases.ts";
import { queryRows } from "../../db/client.ts";
import { demoServerForFile } from "../../test/demo-server.ts";

const demo = demoServerForFile();

describe("the demo data set", () => {
  it("gives every police station unit a supervisor with a phone, who is not its only member", async () => {
    const stations = await queryRows<{
      name: string;
      supervisors: number;
      with_phone: number;
      members: number;
    }>(
      demo.server.deps.db,
      sql`select u.name,
          count(m.user_id) filter (where m.supervisor)::int as supervisors,
          count(m.user_id) filter (where m.supervisor and m.phone_sealed is not null)::int as with_phone,
          count(m.user_id)::int as members
        from responder_units u left join responder_members m on m.unit_id = u.id
        where u.kind = 'police_station' group by u.name`,
    );
    expect(stations.length).toBeGreaterThan(0);
    for (const station of stations) {
      expect(station.supervisors, station.name).toBeGreaterThan(0);
      expect(station.with_phone, station.name).toBeGreaterThan(0);
      expect(station.members, station.name).toBeGreaterThan(station.supervisors);
    }
  });

  it("holds cases in every status, those past open with their moves on the timeline", async () => {
    const rows = await queryRows<{ status: string; n: number; moved: number }>(
      demo.server.deps.db,
      sql`select c.status, count(*)::int as n,
          count(*) filter (where exists (select 1 from case_events e where e.case_id = c.id
            and e.kind not in ('opened', 'routed', 'reminder', 'escalation')))::int as moved
        from cases c group by c.status`,
    );
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    for (const status of CASE_STATUSES) {
      expect(byStatus.get(status)?.n ?? 0, status).toBeGreaterThan(0);
      if (status !== "open") expect(byStatus.get(status)?.moved, status).toBe(byStatus.get(status)?.n);
    }
  });
});
