import { describe, expect, it } from "vitest";
import {
  activityLocations,
  bucketActivities,
  bucketStart,
  chooseInterval,
  type GazetteerPoint,
  locate,
} from "./dashboard.ts";

describe("activity buckets", () => {
  it("a week starts on the Monday on or before the day; a month on its first", () => {
    expect(bucketStart("2026-03-14", "week")).toBe("2026-03-09"); // a Saturday
    expect(bucketStart("2026-03-09", "week")).toBe("2026-03-09"); // a Monday
    expect(bucketStart("2026-03-15", "week")).toBe("2026-03-09"); // a Sunday
    expect(bucketStart("2026-01-01", "week")).toBe("2025-12-29"); // across a year
    expect(bucketStart("2026-03-14", "month")).toBe("2026-03-01");
  });

  it("a period of up to about a quarter goes week by week, a longer one month by month", () => {
    expect(chooseInterval("2026-01-01", "2026-03-31")).toBe("week");
    expect(chooseInterval("2026-01-01", "2026-04-30")).toBe("month");
    expect(chooseInterval("2026-05-01", "2026-05-01")).toBe("week");
  });

  it("fills every month of the period, empty ones with zero, and counts each type", () => {
    const over = bucketActivities(
      [
        { heldOn: "2025-11-30", type: "training", count: 2 },
        { heldOn: "2026-01-15", type: "police_cafe", count: 1 },
        { heldOn: "2026-01-02", type: "dialogue_session", count: 3 },
      ],
      { from: "2025-11-01", to: "2026-02-28" },
    );
    expect(over.interval).toBe("month");
    expect(over.types).toEqual(["dialogue_session", "police_cafe", "training"]);
    expect(over.buckets).toEqual([
      { start: "2025-11-01", counts: { training: 2 }, total: 2 },
      { start: "2025-12-01", counts: {}, total: 0 },
      { start: "2026-01-01", counts: { police_cafe: 1, dialogue_session: 3 }, total: 4 },
      { start: "2026-02-01", counts: {}, total: 0 },
    ]);
  });

  it("takes a missing end of the period from the data, and nothing from nothing", () => {
    const weeks = bucketActivities(
      [
        { heldOn: "2026-03-14", type: "training", count: 1 },
        { heldOn: "2026-03-30", type: "training", count: 1 },
      ],
      {},
    );
    expect(weeks.interval).toBe("week");
    expect(weeks.buckets.map((b) => b.start)).toEqual([
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
    ]);
    expect(bucketActivities([], {})).toEqual({ interval: "month", types: [], buckets: [] });
    expect(bucketActivities([], { from: "2026-01-01", to: "2026-01-31" }).buckets).toHaveLength(5);
  });

  it("a bucket total is the sum of its types, and the buckets hold every activity of the period", () => {
    const days = Array.from({ length: 200 }, (_, i) => ({
      heldOn: new Date(Date.UTC(2026, 0, 1 + ((i * 37) % 365))).toISOString().slice(0, 10),
      type: (["training", "peace_action", "police_cafe"] as const)[i % 3] ?? "training",
      count: 1 + (i % 4),
    }));
    const periods: { from?: string; to?: string }[] = [
      {},
      { from: "2026-02-01", to: "2026-04-15" },
      { from: "2026-01-01", to: "2026-12-31" },
    ];
    for (const period of periods) {
      const { buckets } = bucketActivities(days, period);
      for (const b of buckets)
        expect(b.total).toBe(Object.values(b.counts).reduce((s, n) => s + (n ?? 0), 0));
      const inPeriod = days.filter(
        (d) => (!period.from || d.heldOn >= period.from) && (!period.to || d.heldOn <= period.to),
      );
      expect(buckets.reduce((s, b) => s + b.total, 0)).toBe(inPeriod.reduce((s, d) => s + d.count, 0));
    }
  });
});

describe("activity locations", () => {
  const gazetteer = new Map<string, GazetteerPoint>([
    ["c:032", { id: "c:032", name: "Nakuru", lat: -0.3, lng: 36.1 }],
    ["s:175", { id: "s:175", name: "Nakuru Town West", lat: -0.29, lng: 36.04 }],
    ["w:0872", { id: "w:0872", name: "Kaptembwo", lat: null, lng: null }],
    ["l:kaptembwo", { id: "l:kaptembwo", name: "Kaptembwo", lat: -0.301, lng: 36.03 }],
  ]);

  it("a place is drawn at its own coordinates, a ward at its sub-county's centroid", () => {
    expect(locate("c:032/s:175/w:0872/l:kaptembwo", gazetteer)?.id).toBe("l:kaptembwo");
    expect(locate("c:032/s:175/w:0872", gazetteer)?.id).toBe("s:175");
    expect(locate("c:999/w:1", gazetteer)).toBeNull();
  });

  it("counts per place and type, busiest place first, unlocated places kept with no coordinates", () => {
    const locations = activityLocations(
      [
        { placeId: "w:0872", placePath: "c:032/s:175/w:0872", type: "training", count: 1 },
        { placeId: "l:kaptembwo", placePath: "c:032/s:175/w:0872/l:kaptembwo", type: "training", count: 2 },
        {
          placeId: "l:kaptembwo",
          placePath: "c:032/s:175/w:0872/l:kaptembwo",
          type: "police_cafe",
          count: 1,
        },
        { placeId: "w:9999", placePath: "c:999/w:9999", type: "training", count: 1 },
      ],
      gazetteer,
    );
    expect(locations.map((l) => [l.placeId, l.total, l.locatedAt?.id ?? null])).toEqual([
      ["l:kaptembwo", 3, "l:kaptembwo"],
      ["w:0872", 1, "s:175"],
      ["w:9999", 1, null],
    ]);
    expect(locations[0]?.counts).toEqual({ training: 2, police_cafe: 1 });
    expect(locations[1]).toMatchObject({ placeName: "Kaptembwo", lat: -0.29, lng: 36.04 });
    expect(locations[2]).toMatchObject({ placeName: "w:9999", lat: null, lng: null });
  });
});
