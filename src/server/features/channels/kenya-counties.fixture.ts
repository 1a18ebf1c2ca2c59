// Test fixture: Kenya's 47 counties (IEBC codes 001-047) and a few localities with long names,
// so that the USSD tests page through the real list and the worst-case screens.
import type { UssdContext, UssdPlace } from "./ussd-types.ts";

const COUNTY_NAMES = [
  "Mombasa",
  "Kwale",
  "Kilifi",
  "Tana River",
  "Lamu",
  "Taita-Taveta",
  "Garissa",
  "Wajir",
  "Mandera",
  "Marsabit",
  "Isiolo",
  "Meru",
  "Tharaka-Nithi",
  "Embu",
  "Kitui",
  "Machakos",
  "Makueni",
  "Nyandarua",
  "Nyeri",
  "Kirinyaga",
  "Murang'a",
  "Kiambu",
  "Turkana",
  "West Pokot",
  "Samburu",
  "Trans Nzoia",
  "Uasin Gishu",
  "Elgeyo-Marakwet",
  "Nandi",
  "Baringo",
  "Laikipia",
  "Nakuru",
  "Narok",
  "Kajiado",
  "Kericho",
  "Bomet",
  "Kakamega",
  "Vihiga",
  "Bungoma",
  "Busia",
  "Siaya",
  "Kisumu",
  "Homa Bay",
  "Migori",
  "Kisii",
  "Nyamira",
  "Nairobi",
] as const;

export const KENYA_COUNTIES: UssdPlace[] = COUNTY_NAMES.map((name, i) => ({
  id: `county-${String(i + 1).padStart(3, "0")}`,
  name,
})).sort((a, b) => a.name.localeCompare(b.name));

const countyId = (name: string) => KENYA_COUNTIES.find((c) => c.name === name)?.id ?? "";

export const LOCALITIES: Record<string, UssdPlace[]> = {
  [countyId("Nairobi")]: [
    "Korogocho",
    "Mathare",
    "Kayole",
    "Majengo",
    "Kamukunji",
    "Eastleigh",
    "Kibera",
    "Mukuru kwa Njenga",
    "Mukuru kwa Reuben",
    "Dandora Phase Four",
    "Githurai 44",
    "Kariobangi North",
    "Wakulima Market",
    "Gikomba Market",
    "Huruma",
    "Baba Dogo",
    "Soweto East",
    "Kangemi",
    "Kawangware",
    "Umoja Innercore Estate",
  ].map((name, i) => ({ id: `nbo-${i + 1}`, name })),
  [countyId("Mombasa")]: [
    { id: "msa-1", name: "Majengo" },
    { id: "msa-2", name: "Kisauni" },
    { id: "msa-3", name: "Soko Mjinga" },
  ],
  [countyId("Elgeyo-Marakwet")]: [
    { id: "em-1", name: "A very long locality name that goes on and on past any sensible screen width" },
    { id: "em-2", name: "Kapsowar \u2019Soko\u2019 \u2013 caf\u00e9 corner \u{1F600}" },
  ],
};

export function fixtureContext(overrides: Partial<UssdContext> = {}): UssdContext {
  return {
    counties: KENYA_COUNTIES,
    localitiesOf: (id) => LOCALITIES[id] ?? [],
    now: new Date("2026-03-10T09:30:00Z"),
    ...overrides,
  };
}
