import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskIdentities } from "./identity-in-text.ts";

const masked = (text: string) => maskIdentities(text).text;

describe("maskIdentities: what residents type about themselves", () => {
  it("hides the name, number and e-mail of an English introduction", () => {
    expect(masked("My name is Grace Wambui, call me on 0722123456 or grace.w@example.com")).toBe(
      "My name is [name hidden], call me on [phone hidden] or [e-mail hidden]",
    );
  });

  it("hides a Kiswahili introduction and number", () => {
    expect(masked("mimi ni Peter Kamau nipigie 0700111222")).toBe(
      "mimi ni [name hidden] nipigie [phone hidden]",
    );
    expect(masked("Naitwa Amina Hassan, ninaishi Likoni")).toBe("Naitwa [name hidden], ninaishi Likoni");
    expect(masked("jina langu ni fatuma ali na nipo hapa")).toBe("jina langu ni [name hidden] na nipo hapa");
    expect(masked("Jina langu kamili ni Khadija Abdi Omar")).toBe("Jina langu kamili ni [name hidden]");
  });

  it("hides Kenyan numbers in every common format", () => {
    for (const phone of [
      "0722123456",
      "0722 123 456",
      "0722-123-456",
      "0722.123.456",
      "07 22 12 34 56",
      "+254722123456",
      "+254 722 123 456",
      "254722123456",
      "254-722-123-456",
      "+254 (0) 722 123456",
      "0110 123 456",
      "+254 110 123 456",
      "722123456",
    ])
      expect(masked(`piga ${phone} sasa`), phone).toBe("piga [phone hidden] sasa");
  });

  it("hides ID and passport numbers", () => {
    expect(masked("My ID number is 23456789 and")).toBe("My ID number is [ID number hidden] and");
    expect(masked("kitambulisho changu ni 2345 6789.")).toBe("kitambulisho changu ni [ID number hidden].");
    expect(masked("passport A1234567 taken")).toBe("passport [ID number hidden] taken");
    expect(masked("ID 30123456, arrested")).toBe("ID [ID number hidden], arrested");
  });

  it("keeps the marker, and says that something was hidden", () => {
    expect(maskIdentities("naitwa Grace")).toEqual({ text: "naitwa [name hidden]", masked: true });
    expect(maskIdentities("Fight at Kangemi")).toEqual({ text: "Fight at Kangemi", masked: false });
  });

  it("leaves ordinary numbers alone: times, amounts, counts, dates, routes, plots, years", () => {
    for (const text of [
      "Gang of 20 youths at 10:30, took KSh 5,000 and 200 bob",
      "Fire at plot 1234 on 12/11/2026 at 2pm, route 46 and no. 111",
      "In 2019 and 2025 the same gang; 1,500 residents; KES 2500; 4.30pm; 1st October 2026",
      "KSh 110 000 000 lost, matatu KCA 123X, house 12B, Githurai 45, 0630hrs",
      "Call 999 or 112, officer number 54321, between 18-25 years",
    ])
      expect(masked(text), text).toBe(text);
  });

  it("does not take ordinary words after 'mimi ni' or 'I am' for a name", () => {
    for (const text of [
      "mimi ni mama wa watoto watatu",
      "Mimi ni mkazi wa Kaptembwo na naogopa kusema jina langu",
      "I am scared to give my name. I am a mother of 3. I am in Kisumu.",
      "Mimi ni Mkikuyu na I am Kenyan",
      "Call me back please",
      "MIMI NI MAMA WA WATOTO",
    ])
      expect(masked(text), text).toBe(text);
  });

  it("keeps a title and hides the name after it", () => {
    expect(masked("Mimi ni Mama Wanjiku from Kangemi")).toBe("Mimi ni Mama [name hidden] from Kangemi");
  });
});

// Kenyan mobile numbers as residents type them.
const kenyanPhone = fc
  .record({
    prefix: fc.constantFrom("0", "+254", "254", "+254 ", "254 ", "+254 (0)", "00254"),
    network: fc.constantFrom("7", "10", "11"),
    digits: fc.stringMatching(/^\d{8}$/),
    separator: fc.constantFrom("", " ", "-", ".", " - "),
    grouping: fc.constantFrom([3, 3, 3], [4, 3, 2], [2, 2, 2, 3], [3, 6], [9]),
  })
  .map(({ prefix, network, digits, separator, grouping }) => {
    const national = `${network}${digits}`.slice(0, 9);
    const groups: string[] = [];
    let at = 0;
    for (const size of grouping) {
      groups.push(national.slice(at, at + size));
      at += size;
    }
    return { typed: prefix + groups.join(separator), national };
  });

// Text around a number: words and punctuation, no digits, no "+" right before the number.
const words = fc
  .array(fc.stringMatching(/^[A-Za-z',.!?()\u00e9\u2019]{1,10}$/), { maxLength: 8 })
  .map((ws) => ws.join(" "));

describe("maskIdentities: properties", () => {
  it("hides every Kenyan mobile number, in any format, inside any text", () => {
    fc.assert(
      fc.property(words, kenyanPhone, words, (before, phone, after) => {
        const result = masked(`${before} ${phone.typed} ${after}`);
        expect(result.replace(/\D/g, "")).not.toContain(phone.national.slice(1));
        expect(result).toContain("[phone hidden]");
      }),
      { numRuns: 500 },
    );
  });

  it("is idempotent", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.tuple(words, kenyanPhone, words).map(([a, p, b]) => `${a} naitwa Grace ${p.typed} ${b}`),
    );
    fc.assert(
      fc.property(text, (t) => {
        const once = masked(t);
        expect(masked(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves text without digits, @ or an introduction as it is", () => {
    const plain = fc.oneof(fc.string({ maxLength: 120 }), words).filter((t) => !/[\d@]|[([]at[)\]]/i.test(t));
    const noIntro = plain.filter(
      (t) =>
        !/\b(name|names|jina|majina|sign|signed|sender|itwa|itwaga|call|ni|am|i'm|im|it'?s|is|regards|thanks|asante|sincerely|wako|wenu|wananiita|kama|mimi|mi|mie)\b/i.test(
          t,
        ),
    );
    fc.assert(
      fc.property(noIntro, (t) => {
        expect(masked(t)).toBe(t);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("maskIdentities: less common forms", () => {
  it("hides a well-known name written right before a number", () => {
    expect(masked("Ask for Grace Wambui 0722 555 101")).toBe("Ask for [name hidden] [phone hidden]");
    expect(masked("Mpigie Peter kwa 0711 222 444")).toBe("Mpigie [name hidden] kwa [phone hidden]");
    expect(masked("Kangemi 0711 222 444")).toBe("Kangemi [phone hidden]");
  });

  it("hides landlines, Huduma and KRA numbers, and a signature without a comma", () => {
    expect(masked("office 020 2345678")).toBe("office [phone hidden]");
    expect(masked("huduma namba 123456789, KRA PIN A012345678Z")).toBe(
      "huduma namba [ID number hidden], KRA PIN [ID number hidden]",
    );
    expect(masked("Regards Joseph Mwangi")).toBe("Regards [name hidden]");
    expect(masked("Thanks God nobody died")).toBe("Thanks God nobody died");
  });
});
