// Which parts of the app a user sees, derived from the permissions their roles carry (common/roles.ts).
// The server enforces the same permissions; hiding links only spares people pages they cannot use.
import type { Permission } from "../../common/roles.ts";

export interface Gate {
  /** Shown when the user holds at least one of these. */
  anyOf: readonly Permission[];
}

export const AREA_KEYS = [
  "reports",
  "cases",
  "alerts",
  "programmes",
  "referrals",
  "accountability",
  "surveys",
  "maps",
  "exports",
  "admin",
] as const;
export type AreaKey = (typeof AREA_KEYS)[number];

export const ADMIN_SECTION_KEYS = [
  "users",
  "organisations",
  "places",
  "responders",
  "routing",
  "incoming",
  "outgoing",
  "audit",
] as const;
export type AdminSectionKey = (typeof ADMIN_SECTION_KEYS)[number];

export const ADMIN_SECTION_GATES: Record<AdminSectionKey, Gate> = {
  users: { anyOf: ["users.manage"] },
  organisations: { anyOf: ["organisations.manage"] },
  places: { anyOf: ["places.manage"] },
  responders: { anyOf: ["routing.manage"] },
  routing: { anyOf: ["routing.manage"] },
  incoming: { anyOf: ["channels.manage"] },
  outgoing: { anyOf: ["channels.manage"] },
  audit: { anyOf: ["audit.read"] },
};

export const AREA_GATES: Record<AreaKey, Gate> = {
  reports: { anyOf: ["reports.read"] },
  cases: { anyOf: ["cases.manage", "cases.respond"] },
  alerts: { anyOf: ["alerts.manage"] },
  programmes: { anyOf: ["programmes.read"] },
  referrals: { anyOf: ["programmes.write", "referrals.manage"] },
  accountability: { anyOf: ["complaints.oversee", "programmes.read"] },
  surveys: { anyOf: ["programmes.read"] },
  maps: { anyOf: ["reports.read", "programmes.read"] },
  exports: { anyOf: ["reports.read", "programmes.read"] },
  admin: { anyOf: ADMIN_SECTION_KEYS.flatMap((key) => ADMIN_SECTION_GATES[key].anyOf) },
};

export function passes(gate: Gate, permissions: ReadonlySet<Permission>): boolean {
  return gate.anyOf.some((permission) => permissions.has(permission));
}

export function visibleAreas(permissions: ReadonlySet<Permission>): AreaKey[] {
  return AREA_KEYS.filter((key) => passes(AREA_GATES[key], permissions));
}

export function visibleAdminSections(permissions: ReadonlySet<Permission>): AdminSectionKey[] {
  return ADMIN_SECTION_KEYS.filter((key) => passes(ADMIN_SECTION_GATES[key], permissions));
}
