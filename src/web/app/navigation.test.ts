import { describe, expect, it } from "vitest";
import { permissionsOf, ROLE_PERMISSIONS, ROLES } from "../../common/roles.ts";
import { AREA_KEYS, visibleAdminSections, visibleAreas } from "./navigation.ts";

describe("navigation by role", () => {
  it("a responder sees only Cases", () => {
    expect(visibleAreas(permissionsOf(["responder"]))).toEqual(["cases"]);
  });

  it("an administrator reaches every admin section", () => {
    const permissions = permissionsOf(["admin"]);
    expect(visibleAreas(permissions)).toContain("admin");
    expect(visibleAdminSections(permissions)).toEqual([
      "users",
      "organisations",
      "places",
      "responders",
      "routing",
      "incoming",
      "outgoing",
      "audit",
    ]);
  });

  it("a programme officer reaches Admin for places and messages only: they add localities and settle failed SMS", () => {
    const permissions = permissionsOf(["programme_officer"]);
    expect(visibleAreas(permissions)).toContain("admin");
    expect(visibleAdminSections(permissions)).toEqual(["places", "incoming", "outgoing"]);
  });

  it("Admin appears exactly for the roles that hold an administrative permission", () => {
    const adminPermissions = new Set([
      "users.manage",
      "organisations.manage",
      "places.manage",
      "routing.manage",
      "channels.manage",
      "audit.read",
    ]);
    for (const role of ROLES) {
      const holdsOne = ROLE_PERMISSIONS[role].some((p) => adminPermissions.has(p));
      expect(visibleAreas(permissionsOf([role])).includes("admin"), role).toBe(holdsOne);
    }
  });

  it("every role has somewhere to go, and areas keep their menu order whatever the roles", () => {
    for (const role of ROLES) expect(visibleAreas(permissionsOf([role])).length, role).toBeGreaterThan(0);
    const everything = visibleAreas(permissionsOf([...ROLES]));
    expect(everything).toEqual([...AREA_KEYS]);
  });

  it("someone with no roles sees no areas", () => {
    expect(visibleAreas(permissionsOf([]))).toEqual([]);
  });
});
