import { describe, expect, it } from "vitest";
import { triageReport } from "./triage.ts";

describe("triageReport: categories", () => {
  it("reads Sheng police words as a complaint about the police", () => {
    expect(triageReport("sanse wamemchapa beste yangu bila makosa").category).toBe("police_misconduct");
    expect(triageReport("wasee wa bluu wanaitisha kitu kidogo kwa stage").category).toBe("police_misconduct");
    expect(triageReport("makarao wamemshika dogo wanataka doo").category).toBe("police_misconduct");
  });

  it("does not blame the police when they are the victims", () => {
    const result = triageReport("polisi mmoja ameshambuliwa na majambazi likoni usiku");
    expect(result.category).toBe("gang_crime");
  });

  it("blames the police when the sentence names them as the agent", () => {
    expect(triageReport("kijana alipigwa risasi na polisi jana korogocho").category).toBe(
      "police_misconduct",
    );
  });

  it("reads 'hakuna shida' and 'hakuna vita' as calm, not as trouble", () => {
    expect(triageReport("hakuna shida leo mtaa ni shwari")).toMatchObject({
      category: "other",
      urgency: "routine",
    });
    expect(triageReport("hakuna vita eastleigh ni rumours tu")).toMatchObject({
      category: "other",
      urgency: "routine",
    });
  });

  it("keeps a missing service as the complaint even though it is phrased as a negation", () => {
    expect(triageReport("hakuna stima wiki mbili mtaa mzima").category).toBe("service_delivery");
  });

  it("reads stolen cattle as rustling, and a mob burning a thief as mob justice", () => {
    expect(triageReport("wezi wa ngombe wamevamia boma usiku").category).toBe("communal_conflict");
    expect(triageReport("wananchi wamemchoma mwizi stage").category).toBe("public_order");
  });

  it("reads ethnic threats around an election as election violence", () => {
    const text = "vipeperushi vinasema madoadoa waondoke kabla ya uchaguzi";
    expect(triageReport(text).category).toBe("election_violence");
  });

  it("understands code-switched reports", () => {
    const result = triageReport("saa hii kuna vita kaptembo watu wanapigana na panga");
    expect(result).toMatchObject({ category: "public_order", urgency: "emergency", place: "Kaptembwo" });
  });
});

describe("triageReport: urgency", () => {
  it("calls violence in progress an emergency", () => {
    expect(triageReport("majambazi wanavunja duka sasa hivi tusaidieni").urgency).toBe("emergency");
    expect(triageReport("men are beating a woman outside right now").urgency).toBe("emergency");
  });

  it("calls serious harm already done high", () => {
    expect(triageReport("msichana amebakwa jana usiku na jirani").urgency).toBe("high");
  });

  it("calls a habitual grievance routine", () => {
    expect(triageReport("barabara imejaa mashimo kila siku matatu hazipiti").urgency).toBe("routine");
  });
});

describe("triageReport: places", () => {
  it("resolves a misspelt Kaptembwo to Nakuru", () => {
    expect(triageReport("wezi wamevunja nyumba kaptebwo usiku")).toMatchObject({
      placeId: "l:kaptembwo",
      place: "Kaptembwo",
      county: "Nakuru",
    });
  });

  it("leaves Majengo unresolved alone but resolves it beside Gikomba or Mombasa", () => {
    expect(triageReport("majengo kuna vijana wanasajiliwa").place).toBeNull();
    expect(triageReport("majengo near gikomba kuna vijana wanasajiliwa")).toMatchObject({
      placeId: "l:majengo-nairobi",
      county: "Nairobi",
    });
    expect(triageReport("majengo mombasa kuna vijana wanasajiliwa")).toMatchObject({
      placeId: "l:majengo-mombasa",
      county: "Mombasa",
    });
  });

  it("does not fire on a ward named by an everyday word", () => {
    expect(triageReport("nilienda hospital jana nikakuta foleni").place).toBeNull();
    expect(triageReport("mahindi yetu imeibiwa shambani").place).toBeNull();
  });

  it("reads Sheng short forms and spacing variants", () => {
    expect(triageReport("koch kuna wezi").place).toBe("Korogocho");
    expect(triageReport("githu 44 wezi wameiba simu").place).toBe("Githurai 44");
  });
});

describe("triageReport: evidence", () => {
  it("points at the matched words in the original text", () => {
    const text = "Saa hii MAJAMBAZI wako Kayole";
    const result = triageReport(text);
    const gang = result.evidence.category.find((e) => e.label === "gang_crime");
    expect(gang && text.slice(gang.start, gang.end)).toBe("MAJAMBAZI");
    const place = result.evidence.place[0];
    expect(place && text.slice(place.start, place.end)).toBe("Kayole");
    expect(result.evidence.urgency.some((e) => e.term === "Saa hii" && e.label === "emergency")).toBe(true);
  });
});

describe("triageReport: unusual input", () => {
  const calm = { category: "other", urgency: "routine", place: null, county: null, placeId: null };

  it("answers empty, emoji-only and binary input with other/routine and no place", () => {
    expect(triageReport("")).toMatchObject(calm);
    expect(triageReport("😂😂😂🙏")).toMatchObject(calm);
    const binary = String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256));
    expect(triageReport(binary)).toMatchObject(calm);
    expect(triageReport(undefined as unknown as string)).toMatchObject(calm);
  });

  it("reads only the first 2,000 characters of a 1 MB message", () => {
    const huge = `wezi wamevamia nyumba kayole ${"x".repeat(1_000_000)} polisi wanaitisha hongo`;
    expect(triageReport(huge)).toMatchObject({ category: "gang_crime", place: "Kayole" });
  });
});
