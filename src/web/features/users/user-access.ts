// What a user may do and where, as the user forms edit it and the API expects it.
import { POLICE_OR_GOVERNMENT_ROLES } from "../../../common/conflict-of-interest.ts";
import type { Role } from "../../../common/roles.ts";
import type { PlaceRef, User } from "../../api/types.ts";

export interface UserAccess {
  roles: Role[];
  organisationIds: string[];
  places: PlaceRef[];
  canRevealIdentity: boolean;
}

/** The API field names these controls answer for, so their errors land beside them. */
export const ACCESS_FIELDS = ["roles", "organisationIds", "placeIds", "canRevealIdentity"] as const;

export const NO_ACCESS: UserAccess = { roles: [], organisationIds: [], places: [], canRevealIdentity: false };

export function accessOf(user: User): UserAccess {
  return {
    roles: user.roles,
    organisationIds: user.organisations.map((o) => o.id),
    places: user.places,
    canRevealIdentity: user.canRevealIdentity,
  };
}

export function accessPayload(access: UserAccess) {
  return {
    roles: access.roles,
    organisationIds: access.organisationIds,
    placeIds: access.places.map((p) => p.id),
    canRevealIdentity: access.canRevealIdentity,
  };
}

/**
 * Police and government roles never see who reported, whatever else is granted. Unit membership
 * counts too, but only the server knows it: its refusal names the reason (conflict-of-interest.ts).
 */
export function revealConflicts(access: UserAccess): boolean {
  return access.canRevealIdentity && access.roles.some((r) => POLICE_OR_GOVERNMENT_ROLES.includes(r));
}
