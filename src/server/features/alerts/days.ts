// Calendar days as alerts count them: Kenya time (East Africa Time, UTC+3, no daylight saving), so that
// a report at 01:00 in Kaptembwo counts on the day people there lived it, not on the UTC day before.
// Days are "YYYY-MM-DD" strings: they sort, compare and store (SQL `date`) without time-zone surprises.

const NAIROBI_OFFSET_MS = 3 * 3_600_000;
const DAY_MS = 86_400_000;

/** The Kenya-time day an instant falls on. */
export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + NAIROBI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Kenya-time day starts (00:00 EAT = 21:00 UTC the day before). */
export function startOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - NAIROBI_OFFSET_MS);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS);
}

export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && addDays(text, 0) === text;
}
