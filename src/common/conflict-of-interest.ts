// Conflict of interest: the ONE definition of who is "police or government", used by every policy
// that decides what such a person may see or be given (cases, the reports inbox and detail, alerts,
// the identity reveal, grants of roles and unit memberships, and any export to come).
//
// A person is police or government when EITHER
//   - they hold a police or government role: `responder` (police officers, chiefs and their assistants
//     who work cases) or `viewer` (county and national government staff reading the programme's
//     figures; the demo's viewer is a county government officer); OR
//   - they are a member of a responder unit of a police or government kind, whatever their roles:
//     `police_station` (the National Police Service), `chief` (the chief's office: a national
//     government administration officer, who also commands the administration police) and
//     `county_inspectorate` (county government enforcement officers, themselves often the subject of
//     bribery and abuse complaints).
// Not police or government: peace committees and County Engagement Forums (community members, even
// when a chief convenes them), oversight desks (their job is complaints against police), counsellors
// and the programme's own staff.
//
// Membership counts whether or not the unit is active: leaving a station's roster in Baraza does not
// make an officer neutral, so only removing them from the unit (an audited change) does.
//
// Such a person never sees who reported (the sealed contact, the reveal) and never sees a
// police-misconduct report or case (hidden in the queries, 404 on a direct read). An administrator
// cannot give them the reveal flag or `complaints.oversee` (conflictOfInterestIn below).
import type { ResponderUnitKind } from "./contracts/cases.ts";
import { permissionsOf, type Role } from "./roles.ts";
import type { CategoryCode } from "./taxonomy.ts";

/** The category hidden from police and government: complaints about them. */
export const MISCONDUCT_CATEGORY: CategoryCode = "police_misconduct";

export const POLICE_OR_GOVERNMENT_ROLES: readonly Role[] = ["responder", "viewer"];
export const POLICE_OR_GOVERNMENT_UNIT_KINDS: readonly ResponderUnitKind[] = [
  "police_station",
  "chief",
  "county_inspectorate",
];

export interface Affiliation {
  roles: readonly Role[];
  /** Kinds of every responder unit the person is a member of (active or not). */
  unitKinds: readonly string[];
}

export function isPoliceOrGovernment({ roles, unitKinds }: Affiliation): boolean {
  return (
    roles.some((role) => POLICE_OR_GOVERNMENT_ROLES.includes(role)) ||
    unitKinds.some((kind) => (POLICE_OR_GOVERNMENT_UNIT_KINDS as readonly string[]).includes(kind))
  );
}

/** What makes the person police or government, in words an administrator recognises. */
export function policeOrGovernmentBecause({ roles, unitKinds }: Affiliation): string[] {
  return [
    ...roles.filter((role) => POLICE_OR_GOVERNMENT_ROLES.includes(role)).map((role) => `the ${role} role`),
    ...[...new Set(unitKinds)]
      .filter((kind) => (POLICE_OR_GOVERNMENT_UNIT_KINDS as readonly string[]).includes(kind))
      .map((kind) => `membership of a ${kind} unit`),
  ];
}

/**
 * The rights that must never meet police or government. The reveal flag counts on its own (it is
 * personal trust with reporters' identities); the `identity.reveal` permission of a role does not,
 * because it works only together with that flag. `complaints.oversee` would show police-misconduct cases.
 */
export function reporterRightsOf(person: { roles: readonly Role[]; canRevealIdentity: boolean }): string[] {
  return [
    ...(person.canRevealIdentity ? ["the right to see who reported (canRevealIdentity)"] : []),
    ...(permissionsOf(person.roles).has("complaints.oversee")
      ? ["oversight of complaints against the police (the oversight role)"]
      : []),
  ];
}

/**
 * Why this combination may not be granted, or null when it may. Checked on the person as they would
 * be after the change, so it refuses both directions: a right given to police, and police status
 * (role or unit) given to someone holding the right.
 */
export function conflictOfInterestIn(person: Affiliation & { canRevealIdentity: boolean }): string | null {
  const because = policeOrGovernmentBecause(person);
  const rights = reporterRightsOf(person);
  if (because.length === 0 || rights.length === 0) return null;
  return `Conflict of interest: this person counts as police or government (${because.join(", ")}), so they may not also hold ${rights.join(" or ")}. Police and government never see who reported nor complaints against the police; remove one or the other.`;
}
