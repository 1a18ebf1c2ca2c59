import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskIdentities } from "./identity-in-text.ts";
import { KENYAN_NAMES } from "./kenyan-names.ts";

const masked = (text: string) => maskIdentities(text).text;

describe("names mentioned in passing", () => {
  it("hides a victim, witness or suspect named anywhere in the report, with the rest of the full name", () => {
    expect(masked("My neighbour Mary Achieng was beaten")).toBe("My neighbour [name hidden] was beaten");
    expect(masked("Otieno alipigwa na karao")).toBe("[name hidden] alipigwa na karao");
    expect(masked("the boy Kevo was taken")).toBe("the boy [name hidden] was taken");
    expect(masked("I saw Jerusha Atieno at the stage")).toBe("I saw [name hidden] at the stage");
    expect(masked("Kennedy Onyango threatens traders")).toBe("[name hidden] threatens traders");
  });

  it("hides listed names in any case, and keeps a title before the name", () => {
    expect(masked("WE SAW JOSH BEING BEATEN")).toBe("WE SAW [name hidden] BEING BEATEN");
    expect(masked("brayo na omosh wameshikwa")).toBe("[name hidden] na [name hidden] wameshikwa");
    expect(masked("Mzee Kamau ameibiwa ng'ombe")).toBe("Mzee [name hidden] ameibiwa ng'ombe");
    expect(masked("goons wa Bazu wanaitisha pesa")).toBe("goons wa [name hidden] wanaitisha pesa");
  });

  it("keeps places and institutions that carry a name", () => {
    for (const text of [
      "Traders at Kenyatta Market were robbed",
      "The fight was on Moi Avenue",
      "She gave birth on the way to Mama Lucy hospital",
      "Youths looted shops in Kamukunji",
      "They ran towards Kenyatta National Hospital",
      "Bhang is sold behind St. Mary's school",
      "Njia ya barabara ya Otieno imefungwa",
      "The pastor of Baraka church spoke",
      "Matatu zimekwama Bahati",
    ])
      expect(masked(text)).toBe(text);
  });

  it("keeps an official named by the office held", () => {
    expect(masked("The OCS Kamau refused to record our statement")).toBe(
      "The OCS Kamau refused to record our statement",
    );
    expect(masked("Chief Wanyama told us to go away")).toBe("Chief Wanyama told us to go away");
  });

  it("keeps names that are also ordinary words unless written as a name or beside one", () => {
    for (const text of [
      "I reported in good faith but nobody came",
      "Bahati mbaya polisi hawakufika",
      "Grace to all, the water is off",
      "Juma lililopita watu watatu walivamiwa",
      "hawa police wa gikomba wanataka hongo",
      "Amani prevails now, he said",
    ])
      expect(masked(text)).toBe(text);
    expect(masked("Our daughter Faith Wanjiru has not come home")).toBe(
      "Our daughter [name hidden] has not come home",
    );
    expect(masked("we asked Grace to report it")).toBe("we asked [name hidden] to report it");
  });

  it("never leaves a listed name (that is not also a word) visible between ordinary words", () => {
    const plain = [...KENYAN_NAMES].filter((n) => ["otieno", "wanjiku", "kevo", "kiprop"].includes(n));
    fc.assert(
      fc.property(
        fc.constantFrom(...plain),
        fc.constantFrom("was beaten", "alipigwa jana", "is missing"),
        fc.boolean(),
        (name, rest, upper) => {
          const typed = upper ? name.toUpperCase() : name[0]?.toUpperCase() + name.slice(1);
          const out = masked(`yesterday ${typed} ${rest}`);
          expect(out).toBe(`yesterday [name hidden] ${rest}`);
        },
      ),
    );
  });
});
