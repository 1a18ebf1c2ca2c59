// The programme dashboard's filters as the address carries them: ?from=2026-04-01&to=2026-06-30&place=w:0872,
// the names the dashboard API takes.
import { dayFilter, type FilterValues, idFilter } from "../../ui/use-url-filters.ts";

/** The server's own limit on a place id. */
const PLACE_ID_MAX = 80;

export const DASHBOARD_FILTERS = { from: dayFilter, to: dayFilter, place: idFilter(PLACE_ID_MAX) };
export type DashboardUrlFilters = FilterValues<typeof DASHBOARD_FILTERS>;

/** A period that ends before it starts: said beside the field and never asked of the server. */
export function periodIsBackwards({ from, to }: Pick<DashboardUrlFilters, "from" | "to">): boolean {
  return from !== "" && to !== "" && to < from;
}
