// Shapes of the JSON API as the web app reads them (see the API contract in the web brief).
import type { PlaceView as Place } from "../../common/contracts/places.ts";
import type { UserView as User } from "../../common/contracts/users.ts";

// Record shapes come from the server's contracts; `import type` is erased, so no zod is bundled.
export type { PlaceKind, PlaceView as Place } from "../../common/contracts/places.ts";
export type { UserView as User } from "../../common/contracts/users.ts";

export type PlaceRef = Pick<Place, "id" | "name" | "kind">;

export interface Organisation {
  id: string;
  name: string;
  shortName: string;
  createdAt: string;
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
