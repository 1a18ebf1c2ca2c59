import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.ts";
import { createI18n } from "../i18n/setup.ts";
import { errorText, formAlertText } from "./error-text.ts";

const t = createI18n("en").t;
const badEmail = new ApiError(
  400,
  "bad_request",
  "The request has problems: email: must be an email address",
  [{ path: "email", message: "must be an email address" }],
);

describe("error messages people see", () => {
  it("shows the server's own words for a refusal", () => {
    expect(
      errorText(t, new ApiError(429, "rate_limited", "Too many attempts. Try again in 15 minutes.")),
    ).toBe("Too many attempts. Try again in 15 minutes.");
  });

  it("explains network and server failures in the interface language instead of leaking internals", () => {
    const sw = createI18n("sw").t;
    expect(errorText(sw, new ApiError(0, "network", "Failed to fetch"))).toBe(sw("errors.network"));
    expect(errorText(t, new ApiError(500, "internal", "TypeError: x is undefined"))).toBe(t("errors.server"));
    expect(errorText(t, new Error("boom"))).toBe(t("errors.server"));
  });

  it("points to the fields when every problem is shown beside its field", () => {
    expect(formAlertText(t, badEmail, ["email", "name"])).toBe(t("errors.checkFields"));
  });

  it("shows the full message when a problem concerns a field the form does not show", () => {
    expect(formAlertText(t, badEmail, ["name"])).toBe(badEmail.message);
  });
});
