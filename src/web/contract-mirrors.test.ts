// The web app keeps copies of two facts from the zod contracts so that zod stays out of the bundle.
// These tests fail the moment a copy drifts from its source.
import { describe, expect, it } from "vitest";
import { LOCALITY_KINDS as CONTRACT_LOCALITY_KINDS } from "../common/contracts/places.ts";
import { passwordSchema } from "../common/contracts/users.ts";
import { PASSWORD_MIN_LENGTH } from "./features/auth/password-rules.ts";
import { LOCALITY_KINDS } from "./features/places/locality-input.ts";

describe("the web app's copies of contract facts", () => {
  it("offers exactly the locality kinds the server accepts", () => {
    expect([...LOCALITY_KINDS]).toEqual([...CONTRACT_LOCALITY_KINDS]);
  });

  it("tells people the password length the server requires", () => {
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MIN_LENGTH)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MIN_LENGTH - 1)).success).toBe(false);
  });
});
