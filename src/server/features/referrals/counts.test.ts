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
    expect(counts.byType).toContainEqual({ key: "trauma_counselling", count: 6 });
    expect(counts.byType).toContainEqual({ key: "reintegration_support.returnee", count: "<5" });
    expect(counts.byType).toContainEqual({ key: "gbv_support", count: 0 });
    expect(counts.byGender).toContainEqual({ key: "female", count: 5 });
    expect(counts.byGender).toContainEqual({ key: "male", count: "<5" });
    expect(counts.byStatus).toContainEqual({ key: "made", count: 6 });
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
