// Report categories and urgency levels, as defined in shared/DOMAIN.md.
// Pure data: used by the server, the web app, triage and the USSD menu.

export const CATEGORY_CODES = [
  "violent_extremism",
  "gang_crime",
  "gbv",
  "police_misconduct",
  "communal_conflict",
  "election_violence",
  "public_order",
  "service_delivery",
  "other",
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const URGENCY_LEVELS = ["emergency", "high", "routine"] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

export type Locale = "en" | "sw";
export const LOCALES: readonly Locale[] = ["en", "sw"];

/** Plain-word labels a resident understands, in both languages. Keep them short: USSD screens are 160 chars. */
export const CATEGORY_LABELS: Record<CategoryCode, Record<Locale, string>> = {
  violent_extremism: { en: "Recruitment or extremism", sw: "Usajili au itikadi kali" },
  gang_crime: { en: "Gangs, robbery, crime", sw: "Magenge, wizi, uhalifu" },
  gbv: { en: "Violence against women or girls", sw: "Dhuluma dhidi ya wanawake" },
  police_misconduct: { en: "Police abuse or bribes", sw: "Dhuluma au hongo ya polisi" },
  communal_conflict: { en: "Community, land or cattle conflict", sw: "Mzozo wa jamii, ardhi, mifugo" },
  election_violence: { en: "Political incitement or violence", sw: "Uchochezi au ghasia za siasa" },
  public_order: { en: "Riot, protest or mob justice", sw: "Ghasia, maandamano, haki ya umati" },
  service_delivery: { en: "Roads, drainage, lights, markets", sw: "Barabara, mitaro, taa, masoko" },
  other: { en: "Something else", sw: "Jambo lingine" },
};

export const URGENCY_LABELS: Record<Urgency, Record<Locale, string>> = {
  emergency: { en: "Emergency: life at risk now", sw: "Dharura: maisha hatarini sasa" },
  high: { en: "Serious: harm likely soon", sw: "Hatari: madhara karibuni" },
  routine: { en: "Not urgent", sw: "Si ya haraka" },
};
