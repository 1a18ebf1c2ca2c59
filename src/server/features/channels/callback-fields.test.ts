import { describe, expect, it } from "vitest";
import { cleanCallbackFields, idempotencyKey, MAX_ID_LENGTH, unknownFields } from "./callback-fields.ts";

describe("cleanCallbackFields", () => {
  it("removes control characters from names and values, and keeps line breaks and emoji", () => {
    expect(cleanCallbackFields({ "te\u0000xt": "Wizi\u0000 Kayole\u202e\n🔥", id: "nul\u0000id" })).toEqual({
      text: "Wizi Kayole\n🔥",
      id: "nulid",
    });
  });

  it("counts a repeated field by its first value, except free text, whose values are all kept", () => {
    const fields = cleanCallbackFields({ id: ["a", "b"], text: ["Wizi", "Kayole"] }, ["text"]);
    expect(fields).toEqual({ id: "a", text: "Wizi Kayole" });
  });

  it("reads no fields from a body that is not an object", () => {
    expect(cleanCallbackFields(undefined)).toEqual({});
    expect(cleanCallbackFields("text=hi")).toEqual({});
  });
});

describe("idempotencyKey", () => {
  it("keeps an id as sent up to the limit and digests a longer one, stably", () => {
    expect(idempotencyKey("ATXid_1")).toBe("ATXid_1");
    const long = "x".repeat(MAX_ID_LENGTH + 1);
    expect(idempotencyKey(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(idempotencyKey(long)).toBe(idempotencyKey(long));
  });
});

describe("unknownFields", () => {
  it("keeps a few short unknown fields with plain names, never the known ones", () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, "v".repeat(300)]));
    const extra = unknownFields({ ...many, from: "+254", "bad name": "x" }, ["from"]);
    expect(Object.keys(extra)).toHaveLength(20);
    expect(extra.f0).toHaveLength(200);
    expect(extra).not.toHaveProperty("from");
    expect(extra).not.toHaveProperty("bad name");
  });
});
