import { describe, expect, it } from "vitest";
import { redirectTarget } from "./redirect-target.ts";

describe("where sign-in leads", () => {
  it("returns to the page that asked for sign-in, with its query", () => {
    expect(redirectTarget({ from: "/admin/users?role=monitor" })).toBe("/admin/users?role=monitor");
  });

  it("goes home when nothing asked, or the request is malformed", () => {
    expect(redirectTarget(undefined)).toBe("/");
    expect(redirectTarget(null)).toBe("/");
    expect(redirectTarget({ from: 42 })).toBe("/");
  });

  it("never leads off this site, however the address is dressed up", () => {
    expect(redirectTarget({ from: "https://evil.example/" })).toBe("/");
    expect(redirectTarget({ from: "//evil.example/" })).toBe("/");
    expect(redirectTarget({ from: "javascript:alert(1)" })).toBe("/");
  });

  it("does not lead back into the sign-in screens", () => {
    expect(redirectTarget({ from: "/login/two-factor" })).toBe("/");
  });
});
