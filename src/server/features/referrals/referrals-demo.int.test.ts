// The demo data set, as far as referrals are concerned: the demo counsellor has referrals to work on,
// one with a follow-up due, and nobody else (not even the demo administrator) sees them.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../seed/demo.ts";
import { demoServerForFile } from "../../test/demo-server.ts";
import { ApiClient } from "../../test/harness.ts";
import { DEMO_COUNSELLOR, DEMO_REFERRER } from "./referrals.demo.ts";

const demo = demoServerForFile();

async function referralsOf(email: string) {
  const api = new ApiClient(demo.server.url);
  expect((await api.login(email, DEMO_PASSWORD)).status).toBe(200);
  return api.get("/api/referrals");
}

describe("the demo referrals", () => {
  it("are the demo counsellor's and the Nakuru facilitator's, with a follow-up due first", async () => {
    const counsellor = (await referralsOf(DEMO_COUNSELLOR)).body.referrals;
    expect(counsellor).toHaveLength(4);
    expect(counsellor[0]).toMatchObject({ followUpDue: true, status: "accepted" });
    expect((await referralsOf(DEMO_REFERRER)).body.referrals).toHaveLength(4);
    const names = JSON.stringify(counsellor);
    expect(names).toContain("(demo)");
  });

  it("are hidden from the demo administrator and programme officer", async () => {
    expect((await referralsOf("admin@baraza.test")).status).toBe(403);
    expect((await referralsOf("officer.nakuru@baraza.test")).body.referrals).toEqual([]);
  });
});
