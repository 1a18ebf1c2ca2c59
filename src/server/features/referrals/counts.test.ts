import { describe, expect, it } from "vitest";
import { canMoveReferral, REFERRAL_STATUSES } from "../../../common/contracts/referrals.ts";
import { type CountRow, referralCountsOf, suppress } from "./counts.ts";

const row = (over: Partial<CountRow>): CountRow => ({
  type: "trauma_counselling",
  subtype: null,
  status: "made",
  gender: "female",
  ageBand: "18_24",
  n: 1,
  ...over,
});

describe("referral counts", () => {
  it("show 1 to 4 as <5, and zero and five or more as they are", () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, "<5", "<5", 5, 12]);
  });

  it("add up cells across the other dimensions before suppressing", () => {
    const counts = referralCountsOf(
      [
        row({ n: 3 }),
        row({ gender: "male", n: 3 }),
        row({ type: "reintegration_support", subtype: "returnee", status: "accepted", n: 2 }),
      ],
      false,
    );
    expect(counts.total).toBe(8);
    expect(counts.byType).toContainEqual({ key: "reintegration_support.returnee", count: "<5" });
    expect(counts.byType).toContainEqual({ key: "gbv_support", count: 0 });
    expect(counts.byGender).toContainEqual({ key: "male", count: "<5" });
  });

  it("hide a second cell when a lone <5 could be worked out from the total", () => {
    // 8 in total, 5 women, 3 men: showing "5" next to the total would give the men away.
    const counts = referralCountsOf([row({ n: 5 }), row({ gender: "male", n: 3 })], false);
    expect(counts.byGender).toContainEqual({ key: "female", count: "hidden" });
    expect(counts.byGender).toContainEqual({ key: "male", count: "<5" });
    // The smallest other cell goes, not the largest: 20 made, 6 accepted, 2 declined.
    const statuses = referralCountsOf(
      [row({ n: 20 }), row({ status: "accepted", n: 6 }), row({ status: "declined", n: 2 })],
      false,
    ).byStatus;
    expect(statuses).toContainEqual({ key: "made", count: 20 });
    expect(statuses).toContainEqual({ key: "accepted", count: "hidden" });
    // Two small cells hide each other; nothing more is withheld.
    const two = referralCountsOf(
      [row({ n: 9 }), row({ gender: "male", n: 2 }), row({ gender: "other", n: 1 })],
      false,
    );
    expect(two.byGender.filter((c) => c.count === "hidden")).toEqual([]);
  });

  it("carry a cell for every status, gender and age band, so that absence is not a hint either", () => {
    const counts = referralCountsOf([], true);
    expect(counts.byStatus.map((c) => c.key)).toEqual([...REFERRAL_STATUSES]);
    expect(counts).toMatchObject({ total: 0, partialScope: true });
  });
});

describe("referral status moves", () => {
  it("go forward only, and nothing leaves completed, declined or lost to follow-up", () => {
    expect(canMoveReferral("made", "accepted")).toBe(true);
    expect(canMoveReferral("accepted", "made")).toBe(false);
    expect(canMoveReferral("made", "completed")).toBe(false);
    for (const to of REFERRAL_STATUSES)
      for (const from of ["completed", "declined", "lost_to_follow_up"] as const)
        expect(canMoveReferral(from, to)).toBe(false);
  });
});
