// The pure parts of a programme dashboard: activities bucketed by week or month, and where to draw a
// place on the map (its own coordinates, or its nearest ancestor's: wards have none, so their
// sub-county's centroid stands in). dashboard.test.ts specifies them.
import { ACTIVITY_TYPES, type ActivityType } from "../../../common/contracts/programmes.ts";
import type {
  ActivitiesOverTime,
  ActivityBucket,
  ActivityLocation,
} from "../../../common/contracts/programmes-views.ts";

/** Periods up to this many days are shown week by week; longer ones month by month. */
export const WEEKLY_UP_TO_DAYS = 92;

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

export function chooseInterval(from: string, to: string): ActivitiesOverTime["interval"] {
  return daysBetween(from, to) <= WEEKLY_UP_TO_DAYS ? "week" : "month";
}

/** The first day of the week (Monday, as ISO weeks begin) or month holding `date`. */
export function bucketStart(date: string, interval: ActivitiesOverTime["interval"]): string {
  if (interval === "month") return `${date.slice(0, 7)}-01`;
  const time = toTime(date);
  const sinceMonday = (new Date(time).getUTCDay() + 6) % 7;
  return toDate(time - sinceMonday * DAY_MS);
}

function nextBucket(start: string, interval: ActivitiesOverTime["interval"]): string {
  if (interval === "week") return toDate(toTime(start) + 7 * DAY_MS);
  const [year, month] = start.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

export interface DayCount {
  heldOn: string;
  type: ActivityType;
  count: number;
}

/**
 * Activities per bucket and type over the period; a missing end of the period is taken from the
 * data. Every bucket in between is present, empty ones with zero, so that gaps show as gaps.
 */
export function bucketActivities(
  days: readonly DayCount[],
  period: { from?: string | undefined; to?: string | undefined },
): ActivitiesOverTime {
  const dates = days.map((d) => d.heldOn).sort();
  const from = period.from ?? dates[0];
  const to = period.to ?? dates[dates.length - 1];
  if (!from || !to || from > to) return { interval: "month", types: [], buckets: [] };
  const interval = chooseInterval(from, to);
  const buckets = new Map<string, ActivityBucket>();
  for (let start = bucketStart(from, interval); start <= to; start = nextBucket(start, interval))
    buckets.set(start, { start, counts: {}, total: 0 });
  const seen = new Set<ActivityType>();
  for (const day of days) {
    const bucket = buckets.get(bucketStart(day.heldOn, interval));
    if (!bucket || day.heldOn < from || day.heldOn > to) continue;
    bucket.counts[day.type] = (bucket.counts[day.type] ?? 0) + day.count;
    bucket.total += day.count;
    seen.add(day.type);
  }
  return { interval, types: ACTIVITY_TYPES.filter((t) => seen.has(t)), buckets: [...buckets.values()] };
}

export interface GazetteerPoint {
  id: string;
  name: string;
  lat: number | null;
  lng: number | null;
}

/** The place on `path` nearest to its end that has coordinates, or null when none has. */
export function locate(path: string, places: ReadonlyMap<string, GazetteerPoint>): GazetteerPoint | null {
  const ids = path.split("/");
  for (let i = ids.length - 1; i >= 0; i--) {
    const place = places.get(ids[i] ?? "");
    if (place && place.lat !== null && place.lng !== null) return place;
  }
  return null;
}

export interface PlaceTypeCount {
  placeId: string;
  placePath: string;
  type: ActivityType;
  count: number;
}

/** Activity counts per place and type, each place located on the gazetteer; busiest places first. */
export function activityLocations(
  rows: readonly PlaceTypeCount[],
  places: ReadonlyMap<string, GazetteerPoint>,
): ActivityLocation[] {
  const byPlace = new Map<string, ActivityLocation>();
  for (const row of rows) {
    let location = byPlace.get(row.placeId);
    if (!location) {
      const at = locate(row.placePath, places);
      location = {
        placeId: row.placeId,
        placeName: places.get(row.placeId)?.name ?? row.placeId,
        placePath: row.placePath,
        lat: at?.lat ?? null,
        lng: at?.lng ?? null,
        locatedAt: at && { id: at.id, name: at.name },
        counts: {},
        total: 0,
      };
      byPlace.set(row.placeId, location);
    }
    location.counts[row.type] = (location.counts[row.type] ?? 0) + row.count;
    location.total += row.count;
  }
  return [...byPlace.values()].sort((a, b) => b.total - a.total || a.placeName.localeCompare(b.placeName));
}
