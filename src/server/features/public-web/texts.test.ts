import { describe, expect, it } from "vitest";
import { chooseLocale, fill, textsFor } from "./texts.ts";

describe("the public pages' language", () => {
  it("takes an explicit choice first, then the browser's preference among ours, else Kiswahili", () => {
    expect(chooseLocale("en", "sw-KE")).toBe("en");
    expect(chooseLocale("fr", "en-GB,en;q=0.9")).toBe("en");
    expect(chooseLocale(undefined, "sw-KE,sw;q=0.9,en;q=0.8")).toBe("sw");
    expect(chooseLocale(undefined, "fr-FR, en;q=0.3, sw;q=0.5")).toBe("sw");
    expect(chooseLocale(undefined, "en;q=0, sw;q=0.1")).toBe("sw");
    expect(chooseLocale(undefined, "fr-FR,de")).toBe("sw");
    expect(chooseLocale(undefined, undefined)).toBe("sw");
  });

  it("has every text in Kiswahili, translated rather than copied, with the same placeholders", () => {
    const en = textsFor("en");
    const sw = textsFor("sw");
    expect(Object.keys(sw).sort()).toEqual(Object.keys(en).sort());
    const sameOnPurpose = new Set(["pin"]);
    const copied = Object.entries(en).filter(
      ([key, text]) => sw[key as keyof typeof sw] === text && !sameOnPurpose.has(key),
    );
    expect(copied).toEqual([]);
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(en))
      expect(placeholders(sw[key as keyof typeof sw]), key).toEqual(placeholders(text));
  });

  it("fills placeholders and refuses a missing one", () => {
    expect(fill("Report {reference}", { reference: "BRZ-7KX2Q" })).toBe("Report BRZ-7KX2Q");
    expect(() => fill("Report {reference}", {})).toThrow(/needs \{reference\}/);
  });
});
