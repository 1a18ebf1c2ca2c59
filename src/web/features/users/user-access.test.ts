import { describe, expect, it } from "vitest";
import type { User } from "../../api/types.ts";
import { accessOf, accessPayload, NO_ACCESS, revealConflicts } from "./user-access.ts";

const user: User = {
  id: "u1",
  email: "wanjiku@example.org",
  name: "Wanjiku",
  locale: "sw",
  roles: ["monitor"],
  organisations: [{ id: "o1", name: "Pamoja Mtaani" }],
  places: [{ id: "l:korogocho", name: "Korogocho", kind: "locality" }],
  twoFactorEnabled: false,
  emailNotices: true,
  mustChangePassword: false,
  active: true,
  canRevealIdentity: false,
  createdAt: "2026-01-01T00:00:00Z",
};

describe("user access in the forms", () => {
  it("round-trips a user's access into the request the API expects, places as ids", () => {
    expect(accessPayload(accessOf(user))).toEqual({
      roles: ["monitor"],
      organisationIds: ["o1"],
      placeIds: ["l:korogocho"],
      canRevealIdentity: false,
    });
  });

  it("flags the identity grant for police and government roles, which must never see reporters", () => {
    expect(revealConflicts({ ...NO_ACCESS, roles: ["responder"], canRevealIdentity: true })).toBe(true);
    expect(revealConflicts({ ...NO_ACCESS, roles: ["monitor", "viewer"], canRevealIdentity: true })).toBe(
      true,
    );
  });

  it("allows the identity grant for staff roles, and any roles without the grant", () => {
    expect(revealConflicts({ ...NO_ACCESS, roles: ["programme_officer"], canRevealIdentity: true })).toBe(
      false,
    );
    expect(revealConflicts({ ...NO_ACCESS, roles: ["responder"], canRevealIdentity: false })).toBe(false);
  });
});
