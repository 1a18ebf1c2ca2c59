import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gsm7Length, isGsm7, t } from "../../../common/messages.ts";
import { fixtureContext, KENYA_COUNTIES } from "./kenya-counties.fixture.ts";
import { applyUssdInput, occurredAtFor, renderUssd, replayUssd, ussdStep } from "./ussd-menu.ts";
import type { Frame, UssdContext, UssdState } from "./ussd-types.ts";

const PHONE = "+254712345678";
const NOW = new Date("2026-03-10T09:30:00Z");
const step = (text: string, ctx: UssdContext = fixtureContext()) =>
  ussdStep({ text, phoneNumber: PHONE }, ctx);
const screenOf = (text: string, ctx?: UssdContext) => step(text, ctx).screen;

// Histories used below. Counties are listed alphabetically: 1 Baringo ... 8 Homa Bay on page one.
const EN_REPORT = "1*1"; // English, report something
const SW_REPORT = "2*1";

describe("USSD menu: reporting", () => {
  it("opens with the bilingual language choice", () => {
    const first = step("");
    expect(first).toMatchObject({ end: false, locale: "en" });
    expect(first.screen).toBe(t("en", "ussdWelcome"));
  });

  it("pages through the category menu and shows every category once", () => {
    const pages = [`${EN_REPORT}`, `${EN_REPORT}*9`, `${EN_REPORT}*9*9`].map((h) => screenOf(h));
    expect(pages[0]).toMatch(/^What happened\?\n1 Recruitment or extremism\n/);
    expect(pages[0]).toContain("\n9 More\n0 Back");
    expect(pages[2]).not.toContain("9 More");
    expect(pages.join("\n")).toContain("Something else");
  });

  it("goes from category to county to locality to when, and submits an anonymous report", () => {
    // Category 2 (gangs), county typed by name, locality 3 (Kayole), today, anonymous, continue, no description.
    const outcome = step(`${EN_REPORT}*2*nairobi*3*1*1*1*0`);
    expect(outcome.end).toBe(true);
    expect(outcome.screen).toBe(t("en", "ussdSending"));
    expect(outcome.submission).toEqual({
      category: "gang_crime",
      placeId: "nbo-3",
      placeText: null,
      occurredAt: NOW,
      when: "today",
      description: null,
      contactable: false,
      contactPhone: null,
      locale: "en",
    });
  });

  it("summarises the report and offers Continue, Cancel and Back, then asks for the description last", () => {
    expect(screenOf(`${EN_REPORT}*2*nairobi*3*1*1`)).toBe(
      "Your report:\nGangs, robbery, crime\nKayole, Nairobi\nToday\n1 Continue\n2 Cancel\n0 Back",
    );
    expect(screenOf(`${EN_REPORT}*2*nairobi*3*1*1*1`)).toBe(t("en", "ussdDescriptionPrompt"));
  });

  it("keeps a description with a typed * whole, because it is the last step", () => {
    const outcome = step(`${EN_REPORT}*2*nairobi*3*1*1*1*Fight at 5*2 junction`);
    expect(outcome.submission?.description).toBe("Fight at 5*2 junction");
    expect(step(`${EN_REPORT}*2*nairobi*3*1*1*1**1*2*`).submission?.description).toBe("*1*2*");
    // "0" alone still means: send without a description.
    expect(step(`${EN_REPORT}*2*nairobi*3*1*1*1*0`).submission?.description).toBeNull();
  });

  it("goes home from the description screen with 00 and carries on from there", () => {
    expect(screenOf(`${EN_REPORT}*2*nairobi*3*1*1*1*00`)).toBe(screenOf("1"));
    expect(screenOf(`${EN_REPORT}*2*nairobi*3*1*1*1*00*2`)).toMatch(/^Enter your report code/);
  });

  it("carries a description and the phone number of a resident who agreed to be contacted", () => {
    const outcome = step(`${SW_REPORT}*3*mombasa*3*2*2*1*Mume anampiga mkewe kila usiku`);
    expect(outcome.submission).toMatchObject({
      category: "gbv",
      placeId: "msa-3",
      when: "yesterday",
      description: "Mume anampiga mkewe kila usiku",
      contactable: true,
      contactPhone: PHONE,
      locale: "sw",
    });
    expect(outcome.screen).toBe("Asante. Ripoti yako inatumwa.");
  });

  it("keeps the county as the place when the resident does not know the locality", () => {
    const outcome = step(`${EN_REPORT}*1*1*8*3*1*1*0`);
    expect(outcome.submission).toMatchObject({
      placeId: KENYA_COUNTIES[0]?.id,
      placeText: null,
      when: "this_week",
    });
  });

  it("takes a typed place name when the locality is not listed", () => {
    const viaMenu = step(`${EN_REPORT}*1*nairobi*7*Behind Kayole stage*4*1*1*0`);
    expect(viaMenu.submission).toMatchObject({
      placeId: "county-047",
      placeText: "Behind Kayole stage",
      when: "earlier",
    });
    const typedDirectly = step(`${EN_REPORT}*1*nairobi*Behind Kayole stage*4*1*1*0`);
    expect(typedDirectly.submission).toEqual(viaMenu.submission);
  });

  it("picks a county or locality by typing part of its name, and lists several matches", () => {
    expect(screenOf(`${EN_REPORT}*1*murang`)).toMatch(/^Where in Murang'a\?/);
    expect(screenOf(`${EN_REPORT}*1*west pokot`)).toMatch(/^Where in West Pokot\?/);
    const several = screenOf(`${EN_REPORT}*1*ki`);
    expect(several).toBe(
      "Which county? Pick or type name\n1 Kiambu\n2 Kilifi\n3 Kirinyaga\n4 Kisii\n5 Kisumu\n6 Kitui\n0 Back",
    );
    expect(screenOf(`${EN_REPORT}*1*ki*5`)).toMatch(/^Where in Kisumu\?/);
    expect(step(`${EN_REPORT}*1*nairobi*kib*1*1*1*0`).submission?.placeId).toBe("nbo-7");
  });

  it("says so when no county matches what was typed, and stays on the county list", () => {
    expect(screenOf(`${EN_REPORT}*1*zzz`)).toMatch(/^No match\. Which county\?/);
  });

  it("sends nothing when the resident cancels", () => {
    const outcome = step(`${EN_REPORT}*1*1*8*1*1*2`);
    expect(outcome).toEqual({ screen: "Cancelled. Nothing was sent.", end: true, locale: "en" });
  });

  it("estimates when it happened from the answer, counting back from now", () => {
    expect(occurredAtFor("today", NOW)).toEqual(NOW);
    expect(occurredAtFor("yesterday", NOW).toISOString()).toBe("2026-03-09T09:30:00.000Z");
    expect(occurredAtFor("this_week", NOW).toISOString()).toBe("2026-03-07T09:30:00.000Z");
    expect(occurredAtFor("earlier", NOW).toISOString()).toBe("2026-02-24T09:30:00.000Z");
  });

  it("keeps at most 500 characters of a description, emoji included", () => {
    const long = `Watu \u{1F622} ${"wanapigana ".repeat(200)}`;
    const outcome = step(`${EN_REPORT}*1*1*8*1*1*1*${long}`);
    expect(outcome.submission?.description).toBe(long.slice(0, 500));
  });
});

describe("USSD menu: checking a report", () => {
  it("asks for the PIN after the code, and hands both to the route", () => {
    expect(step("1*2*brz 7kx2q")).toEqual({
      screen: `${t("en", "ussdPinPrompt")}\n0 Back`,
      end: false,
      locale: "en",
      statusQuery: { reference: "BRZ-7KX2Q", pin: null },
    });
    expect(step("2*2*brz-7kxoq*123 456")).toMatchObject({
      end: true,
      statusQuery: { reference: "BRZ-7KX0Q", pin: "123456" },
      locale: "sw",
    });
    expect(screenOf("1*2*BRZ7KX2Q*12")).toBe(`A PIN is 6 digits. ${t("en", "ussdPinPrompt")}\n0 Back`);
  });

  it("answers with the status line when the context can check the code and PIN", () => {
    const ctx = fixtureContext({
      lookupStatus: ({ reference, pin }) =>
        reference === "BRZ-7KX2Q" && pin === "123456" ? "case_in_progress" : null,
    });
    expect(step("1*2*brz 7kx2q*123456", ctx).screen).toBe(
      "Report BRZ-7KX2Q: responders are taking action on it.",
    );
    expect(step("2*2*BRZ7KX2Q*654321", ctx).screen).toBe(t("sw", "statusNoMatch"));
  });

  it("asks again, with a reason, when the code cannot be a reference", () => {
    expect(step("1*2*hi there")).toEqual({
      screen: "That code is not valid. Enter your report code, for example BRZ-7KX2Q:\n0 Back",
      end: false,
      locale: "en",
    });
  });
});

describe("USSD menu: navigation and bad input", () => {
  it("re-shows the same screen with a short prefix after an invalid choice, and carries on", () => {
    expect(screenOf("1*7")).toBe(`Invalid choice. ${t("en", "ussdMainMenu")}\n0 Back`);
    expect(screenOf("5")).toBe(`Invalid choice. / Chaguo si sahihi.\n${t("en", "ussdWelcome")}`);
    expect(screenOf("1*7*1")).toBe(screenOf("1*1"));
  });

  it("treats an empty input (two stars in a row) and emoji as invalid", () => {
    expect(screenOf("1**")).toMatch(/^Invalid choice\. Baraza/);
    expect(screenOf(`${EN_REPORT}*\u{1F600}`)).toMatch(/^Invalid choice\. What happened\?/);
  });

  it("refuses More on the last page", () => {
    expect(screenOf(`${EN_REPORT}*9*9*9`)).toBe(`Invalid choice. ${screenOf(`${EN_REPORT}*9*9`)}`);
  });

  it("goes back one screen with 0, undoing the choice made there", () => {
    expect(screenOf(`${EN_REPORT}*2*0`)).toBe(screenOf(EN_REPORT));
    expect(screenOf(`${EN_REPORT}*9*0`)).toBe(screenOf(EN_REPORT));
    expect(step(`${EN_REPORT}*2*0*3*1*8*1*1*1*0`).submission?.category).toBe("gbv");
    expect(screenOf("1*0")).toBe(screenOf(""));
  });

  it("sends without a description on 0 rather than going back", () => {
    const outcome = step(`${EN_REPORT}*1*1*8*1*1*1*0`);
    expect(outcome).toMatchObject({ end: true, screen: t("en", "ussdSending") });
    expect(outcome.submission?.description).toBeNull();
  });

  it("goes home to the main menu with 00, keeping the language", () => {
    expect(screenOf(`2*1*2*1*00`)).toBe(screenOf("2"));
    expect(screenOf("00")).toBe(screenOf(""));
  });

  it("ignores anything sent after the session ended", () => {
    expect(step(`${EN_REPORT}*1*1*8*1*1*2*1*1`)).toEqual(step(`${EN_REPORT}*1*1*8*1*1*2`));
  });

  it("gives the same screen for the same history every time (no hidden state)", () => {
    const history = `${SW_REPORT}*9*ki*3*2*Magenge*0`;
    expect(step(history)).toEqual(step(history));
  });
});

// ---- Every reachable screen, both languages, the real 47 counties ----

const LONG_TEXT = "Nyuma ya soko la Wakulima karibu na kituo cha matatu cha zamani sana";
const DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "12"];
// Per screen, the inputs that lead somewhere new; "0" (back) and "00" (home) only lead to screens already seen.
const INPUTS: Record<Frame["screen"], string[]> = {
  language: DIGITS,
  main: DIGITS,
  category: [...DIGITS, "ki"],
  county: [...DIGITS, "ki", "nai", "zz"],
  locality: [...DIGITS, "ka", LONG_TEXT],
  placeText: ["", "\u{1F600}", LONG_TEXT],
  when: DIGITS,
  description: ["0", "", "\u{1F600}", LONG_TEXT],
  contact: DIGITS,
  confirm: DIGITS,
  reference: ["xx", "BRZ7KX2Q"],
  pin: ["12", "123456"],
};

/** Visits every screen reachable from the first hop; the description is never shown, so it is not part of a screen's identity. */
function visitEveryScreen(ctx: UssdContext, visit: (state: UssdState) => void): number {
  const identity = (frame: Frame) =>
    JSON.stringify(frame, (k, v) => (k === "description" || k === "contactable" ? undefined : v));
  const alone = (frame: Frame, problem: UssdState["problem"] = null): UssdState => ({
    stack: [frame],
    finish: null,
    problem,
  });
  const queue: Frame[] = [{ screen: "language" }];
  const seen = new Set(queue.map(identity));
  while (queue.length > 0) {
    const frame = queue.pop() as Frame;
    const next = INPUTS[frame.screen].map((input) => applyUssdInput(alone(frame), input, ctx));
    visit(alone(frame));
    for (const problem of new Set(next.map((s) => s.problem))) if (problem) visit(alone(frame, problem));
    for (const state of next) {
      if (state.finish) visit(state);
      const top = state.stack.at(-1) as Frame;
      if (state.finish || state.problem || seen.has(identity(top))) continue;
      seen.add(identity(top));
      queue.push(top);
    }
  }
  return seen.size;
}

describe("USSD menu: screen length", () => {
  it("keeps every reachable screen, in both languages, within 160 GSM-7 characters", () => {
    const ctx = fixtureContext({ lookupStatus: () => "not_taken_forward" });
    const shown = new Set<string>();
    const frames = visitEveryScreen(ctx, (state) => {
      const { screen } = renderUssd(state, ctx, PHONE);
      if (!isGsm7(screen) || (gsm7Length(screen) ?? 0) > 160)
        throw new Error(`Screen too long or not GSM-7:\n${screen}`);
      shown.add(screen);
    });
    // Guard against a walk that silently stops early: all counties, both languages, all end screens.
    expect(frames).toBeGreaterThan(10_000);
    for (const county of KENYA_COUNTIES)
      expect(
        [...shown].some((s) => s.includes(`\n${county.name}, `) || s.includes(` ${county.name}\n`)),
      ).toBe(true);
    for (const end of ["ussdSending", "ussdCancelled"] as const)
      for (const locale of ["en", "sw"] as const) expect(shown).toContain(t(locale, end));
    expect(shown).toContain(t("sw", "statusNotTakenForward", { reference: "BRZ-7KX2Q" }));
    expect(Math.max(...[...shown].map((s) => gsm7Length(s) ?? 0))).toBeLessThanOrEqual(160);
  });

  it("fits a county with long, accented or emoji locality names onto clean screens", () => {
    const first = screenOf(`${EN_REPORT}*1*elgeyo`);
    const second = screenOf(`${EN_REPORT}*1*elgeyo*9`);
    expect(first).toMatch(/\n1 A very long locality name that goe\.\.\n/);
    expect(second).toMatch(/\n1 Kapsowar 'Soko' - caf\u00e9 corner\n/);
    expect(isGsm7(first) && isGsm7(second)).toBe(true);
  });
});

describe("USSD menu: any input", () => {
  const token = fc.oneof(
    fc.constantFrom("0", "00", "1", "2", "3", "4", "7", "8", "9", "", "ki", "nairobi", "BRZ7KX2Q"),
    fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => s.replaceAll("*", "")),
    fc.nat({ max: 99 }).map(String),
  );

  it("never throws and always answers with a short GSM-7 screen, for any history", () => {
    const ctx = fixtureContext({ lookupStatus: () => null });
    fc.assert(
      fc.property(fc.array(token, { maxLength: 25 }), (inputs) => {
        const outcome = step(inputs.join("*"), ctx);
        expect(isGsm7(outcome.screen)).toBe(true);
        expect(gsm7Length(outcome.screen)).toBeLessThanOrEqual(160);
        expect(outcome.submission === undefined || outcome.end).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is a pure function of the history: replaying gives an equal state", () => {
    const ctx = fixtureContext();
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (inputs) => {
        const text = inputs.join("*");
        expect(replayUssd(text, ctx)).toEqual(replayUssd(text, ctx));
      }),
      { numRuns: 100 },
    );
  });

  it("survives a 10 KB history of junk", () => {
    expect(step(`1*${"x*".repeat(5000)}`).screen).toMatch(/^Invalid choice\. Baraza/);
  });
});
