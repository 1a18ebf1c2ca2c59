// The email a staff member gets when a case is assigned to their unit, when a deadline nears and
// when it is escalated to them, in their language. Deliberately minimal for EVERY case: number,
// category, place, urgency, what is due and by when, and a link. Never the reporter's identity, the
// report's text or a responder's note: a mailbox is less private than Baraza, and for
// police_misconduct and gbv cases the report text alone can identify the reporter.
import type { DueKind } from "../../../common/contracts/cases.ts";
import {
  CATEGORY_LABELS,
  type CategoryCode,
  type Locale,
  URGENCY_LABELS,
  type Urgency,
} from "../../../common/taxonomy.ts";
import type { NoticeKind } from "./notify.ts";

export interface CaseEmailFacts {
  caseId: string;
  number: string;
  category: string;
  urgency: string;
  placeName: string | null;
  dueAt: Date | null;
  /** The staff app's address, e.g. https://baraza.example.org */
  baseUrl: string;
}

type Words = {
  subject: Record<NoticeKind, Record<DueKind, string>>;
  lead: Record<NoticeKind, Record<DueKind, string>>;
  category: string;
  place: string;
  unknownPlace: string;
  urgency: string;
  dueBy: Record<DueKind, string>;
  open: string;
  privacy: string;
};

const WORDS: Record<Locale, Words> = {
  en: {
    subject: {
      assigned: { acknowledge: "Case {n} assigned to your unit", act: "Case {n} assigned to your unit" },
      reminder: {
        acknowledge: "Reminder: case {n} is waiting to be acknowledged",
        act: "Reminder: case {n} needs a first action",
      },
      escalated: {
        acknowledge: "Escalated to you: case {n} was not acknowledged in time",
        act: "Escalated to you: no action on case {n} in time",
      },
    },
    lead: {
      assigned: {
        acknowledge: "Case {n} has been assigned to your unit. Please acknowledge it in Baraza.",
        act: "Case {n} has been assigned to your unit. Please follow it up in Baraza.",
      },
      reminder: {
        acknowledge: "Case {n} is still waiting for your unit to acknowledge it.",
        act: "Case {n} needs a first action recorded in Baraza soon.",
      },
      escalated: {
        acknowledge:
          "Case {n} was not acknowledged in time and is now escalated to you. Please follow it up.",
        act: "No action was recorded on case {n} in time. It is now escalated to you. Please follow it up.",
      },
    },
    category: "Category",
    place: "Place",
    unknownPlace: "not recorded",
    urgency: "Urgency",
    dueBy: { acknowledge: "Acknowledge by", act: "First action due by" },
    open: "Open the case",
    privacy:
      "For everyone's safety this email never says who reported or what they wrote. Sign in to Baraza to read the case.",
  },
  sw: {
    subject: {
      assigned: { acknowledge: "Kesi {n} imepewa kitengo chako", act: "Kesi {n} imepewa kitengo chako" },
      reminder: {
        acknowledge: "Ukumbusho: kesi {n} inasubiri kuthibitishwa",
        act: "Ukumbusho: kesi {n} inahitaji hatua ya kwanza",
      },
      escalated: {
        acknowledge: "Imepandishwa kwako: kesi {n} haikuthibitishwa kwa wakati",
        act: "Imepandishwa kwako: hakuna hatua kwenye kesi {n} kwa wakati",
      },
    },
    lead: {
      assigned: {
        acknowledge: "Kesi {n} imepewa kitengo chako. Tafadhali ithibitishe kwenye Baraza.",
        act: "Kesi {n} imepewa kitengo chako. Tafadhali ifuatilie kwenye Baraza.",
      },
      reminder: {
        acknowledge: "Kesi {n} bado inasubiri kitengo chako kiithibitishe.",
        act: "Kesi {n} inahitaji hatua ya kwanza irekodiwe kwenye Baraza hivi karibuni.",
      },
      escalated: {
        acknowledge: "Kesi {n} haikuthibitishwa kwa wakati na sasa imepandishwa kwako. Tafadhali ifuatilie.",
        act: "Hakuna hatua iliyorekodiwa kwenye kesi {n} kwa wakati. Sasa imepandishwa kwako. Tafadhali ifuatilie.",
      },
    },
    category: "Aina",
    place: "Mahali",
    unknownPlace: "haijarekodiwa",
    urgency: "Uharaka",
    dueBy: { acknowledge: "Thibitisha kabla ya", act: "Hatua ya kwanza kabla ya" },
    open: "Fungua kesi",
    privacy:
      "Kwa usalama wa wote, barua pepe hii haisemi nani aliripoti wala alichoandika. Ingia kwenye Baraza kusoma kesi.",
  },
};

/** Kenya keeps one time zone, East Africa Time, all year. */
function formatDue(locale: Locale, at: Date): string {
  const format = new Intl.DateTimeFormat(locale === "sw" ? "sw-KE" : "en-KE", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Africa/Nairobi",
  });
  return `${format.format(at)} (EAT)`;
}

const labelOf = <K extends string>(labels: Record<K, Record<Locale, string>>, code: string, locale: Locale) =>
  (labels as Record<string, Record<Locale, string>>)[code]?.[locale] ?? code;

export function caseNoticeEmail(
  locale: Locale,
  notice: { kind: NoticeKind; due: DueKind },
  facts: CaseEmailFacts,
): { subject: string; body: string } {
  const w = WORDS[locale];
  const fill = (text: string) => text.replaceAll("{n}", facts.number);
  const lines = [
    fill(w.lead[notice.kind][notice.due]),
    "",
    `${w.category}: ${labelOf<CategoryCode>(CATEGORY_LABELS, facts.category, locale)}`,
    `${w.place}: ${facts.placeName ?? w.unknownPlace}`,
    `${w.urgency}: ${labelOf<Urgency>(URGENCY_LABELS, facts.urgency, locale)}`,
    ...(facts.dueAt ? [`${w.dueBy[notice.due]}: ${formatDue(locale, facts.dueAt)}`] : []),
    "",
    `${w.open}: ${facts.baseUrl.replace(/\/+$/, "")}/cases/${encodeURIComponent(facts.caseId)}`,
    "",
    w.privacy,
  ];
  return { subject: `Baraza: ${fill(w.subject[notice.kind][notice.due])}`, body: lines.join("\n") };
}
