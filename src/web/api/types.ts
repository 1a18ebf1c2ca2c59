// Shapes of the JSON API as the web app reads them (see the API contract in the web brief).
import type { Role } from "../../common/roles.ts";
import type { Locale } from "../../common/taxonomy.ts";

export type PlaceKind = "country" | "county" | "sub_county" | "ward" | "locality";

export interface PlaceRef {
  id: string;
  name: string;
  kind: PlaceKind;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  roles: Role[];
  organisations: OrganisationRef[];
  places: PlaceRef[];
  twoFactorEnabled: boolean;
  mustChangePassword: boolean;
  active: boolean;
  canRevealIdentity: boolean;
  createdAt: string;
}

export interface Organisation {
  id: string;
  name: string;
  shortName: string;
  createdAt: string;
}

export interface Place {
  id: string;
  kind: PlaceKind;
  name: string;
  code: string | null;
  parentId: string | null;
  path: string;
  countyId: string | null;
  lat: number | null;
  lng: number | null;
  aliases: string[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string;
}

export interface SignedIn {
  user: User;
  csrfToken: string;
}

export interface TwoFactorOwed {
  twoFactorRequired: true;
  csrfToken: string;
}

export type LoginResult = SignedIn | TwoFactorOwed;

export interface TwoFactorSetup {
  secret: string;
  otpauthUrl: string;
}
