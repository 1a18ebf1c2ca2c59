import { describe, expect, it } from "vitest";
import { conflictOfInterestIn, isPoliceOrGovernment } from "./conflict-of-interest.ts";
import { RESPONDER_UNIT_KINDS } from "./contracts/cases.ts";

describe("who is police or government", () => {
  it("is decided by role or by unit, whatever else the person holds", () => {
    expect(isPoliceOrGovernment({ roles: ["responder"], unitKinds: [] })).toBe(true);
    expect(isPoliceOrGovernment({ roles: ["viewer", "programme_officer"], unitKinds: [] })).toBe(true);
    expect(isPoliceOrGovernment({ roles: ["programme_officer"], unitKinds: ["programme", "chief"] })).toBe(
      true,
    );
    expect(isPoliceOrGovernment({ roles: ["admin", "oversight", "monitor"], unitKinds: [] })).toBe(false);
  });

  it("counts police stations, chiefs' offices and county inspectorates, and no other kind of unit", () => {
    const police = RESPONDER_UNIT_KINDS.filter((kind) =>
      isPoliceOrGovernment({ roles: ["programme_officer"], unitKinds: [kind] }),
    );
    expect(police).toEqual(["police_station", "chief", "county_inspectorate"]);
  });
});

describe("the grants refused for conflict of interest", () => {
  it("refuses the reveal flag or oversight for police or government, naming both sides", () => {
    const reason = conflictOfInterestIn({
      roles: ["programme_officer"],
      unitKinds: ["police_station"],
      canRevealIdentity: true,
    });
    expect(reason).toContain("membership of a police_station unit");
    expect(reason).toContain("canRevealIdentity");
    expect(
      conflictOfInterestIn({ roles: ["responder", "oversight"], unitKinds: [], canRevealIdentity: false }),
    ).toContain("the responder role");
  });

  it("allows a programme officer in a station's unit without the flag, and a trusted officer in no police unit", () => {
    expect(
      conflictOfInterestIn({
        roles: ["programme_officer"],
        unitKinds: ["police_station"],
        canRevealIdentity: false,
      }),
    ).toBeNull();
    expect(
      conflictOfInterestIn({
        roles: ["programme_officer"],
        unitKinds: ["programme", "cef"],
        canRevealIdentity: true,
      }),
    ).toBeNull();
    expect(
      conflictOfInterestIn({ roles: ["oversight"], unitKinds: ["oversight"], canRevealIdentity: false }),
    ).toBeNull();
  });
});
