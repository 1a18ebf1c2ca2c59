// The plain-language sentence an alert carries, in English and Kiswahili, e.g. "9 reports of gang
// violence or crime in Kaptembwo ward in 3 days (21–23 November 2026); usually about 1 in that time."
// Stored with the alert, so it names dates rather than "today", which would go stale.
import type { AlertLevel } from "../../../common/contracts/alerts.ts";
import type { CategoryCode, Locale } from "../../../common/taxonomy.ts";
import { daysBetween } from "./days.ts";

/** Categories as they read inside a sentence ("reports of …" / "ripoti za …"). */
const CATEGORY_PHRASES: Record<CategoryCode, Record<Locale, string>> = {
  violent_extremism: { en: "recruitment or violent extremism", sw: "usajili au itikadi kali" },
  gang_crime: { en: "gang violence or crime", sw: "vurugu za magenge au uhalifu" },
  gbv: { en: "gender-based violence", sw: "dhuluma za kijinsia" },
  police_misconduct: { en: "police abuse or bribes", sw: "dhuluma au hongo ya polisi" },
  communal_conflict: { en: "community, land or cattle conflict", sw: "mizozo ya jamii, ardhi au mifugo" },
  election_violence: { en: "political incitement or violence", sw: "uchochezi au ghasia za kisiasa" },
  public_order: { en: "riots, protests or mob justice", sw: "ghasia, maandamano au haki ya umati" },
  service_delivery: {
    en: "service problems (roads, drainage, lights, markets)",
    sw: "matatizo ya huduma (barabara, mitaro, taa, masoko)",
  },
  other: { en: "other concerns", sw: "mambo mengine" },
};

const MONTHS: Record<Locale, readonly string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  sw: [
    "Januari",
    "Februari",
    "Machi",
    "Aprili",
    "Mei",
    "Juni",
    "Julai",
    "Agosti",
    "Septemba",
    "Oktoba",
    "Novemba",
    "Desemba",
  ],
};

export interface ExplanationFacts {
  observed: number;
  expected: number;
  category: CategoryCode;
  level: AlertLevel;
  areaName: string;
  periodStart: string;
  periodEnd: string;
}

function parts(day: string): { year: string; month: number; day: number } {
  return { year: day.slice(0, 4), month: Number(day.slice(5, 7)) - 1, day: Number(day.slice(8, 10)) };
}

/** "23 November 2026", "21–23 November 2026", "30 November – 2 December 2026". */
export function dateRange(start: string, end: string, locale: Locale): string {
  const a = parts(start);
  const b = parts(end);
  const month = (m: number) => MONTHS[locale][m] ?? "";
  if (start === end) return `${b.day} ${month(b.month)} ${b.year}`;
  if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${month(b.month)} ${b.year}`;
  if (a.year === b.year) return `${a.day} ${month(a.month)} – ${b.day} ${month(b.month)} ${b.year}`;
  return `${a.day} ${month(a.month)} ${a.year} – ${b.day} ${month(b.month)} ${b.year}`;
}

/** What is usual, in words people trust: "none", "about 1", "about 4" (never "0.37 reports"). */
function usual(expected: number, locale: Locale): string {
  if (expected < 0.5) return locale === "en" ? "usually none" : "kwa kawaida hakuna";
  const rounded = Math.round(expected);
  return locale === "en" ? `usually about ${rounded}` : `kwa kawaida karibu ${rounded}`;
}

function areaPhrase(level: AlertLevel, name: string, locale: Locale): string {
  if (locale === "en") return `${name} ${level === "sub_county" ? "sub-county" : level}`;
  const noun = { ward: "wadi ya", sub_county: "kaunti ndogo ya", county: "kaunti ya" }[level];
  return `${noun} ${name}`;
}

export function explainAlert(facts: ExplanationFacts, locale: Locale): string {
  const days = daysBetween(facts.periodStart, facts.periodEnd) + 1;
  const when = dateRange(facts.periodStart, facts.periodEnd, locale);
  const what = CATEGORY_PHRASES[facts.category][locale];
  const where = areaPhrase(facts.level, facts.areaName, locale);
  const usually = usual(facts.expected, locale);
  if (locale === "en") {
    const reports = facts.observed === 1 ? "1 report" : `${facts.observed} reports`;
    const period = days === 1 ? `on ${when}` : `in ${days} days (${when})`;
    const span = days === 1 ? "on such a day" : "in that time";
    return `${reports} of ${what} in ${where} ${period}; ${usually} ${span}.`;
  }
  const period = days === 1 ? `tarehe ${when}` : `kwa siku ${days} (${when})`;
  const span = days === 1 ? "kwa siku kama hiyo" : "kwa muda huo";
  return `Ripoti ${facts.observed} za ${what} katika ${where} ${period}; ${usually} ${span}.`;
}

export function explainAlertBoth(facts: ExplanationFacts): { en: string; sw: string } {
  return { en: explainAlert(facts, "en"), sw: explainAlert(facts, "sw") };
}
