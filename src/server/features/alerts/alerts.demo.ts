// Demo reports for early warning: eight ordinary weeks in Nakuru, then a burst of gang-violence reports
// from Kaptembwo in the last hour and a half, which raises alerts for Kaptembwo ward and its sub-county
// (Nakuru Town West); the county is busy enough to absorb it. Submitted through submitReport at their
// own past times (audited like real reports), then the detection job runs once and is scheduled.
import type { CategoryCode, Locale } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { submitReport } from "../reports/reports.service.ts";
import { runAlertDetection, scheduleNextDetection } from "./alerts-job.service.ts";
import { addDays, dayOf, startOfDay } from "./days.ts";

export interface DemoReport {
  receivedAt: Date;
  category: CategoryCode;
  placeId: string;
  text: string;
  locale: Locale;
}

const BACKGROUND_TEXTS: Partial<Record<CategoryCode, { text: string; locale: Locale }[]>> = {
  gang_crime: [
    { text: "Vijana wa genge wamevunja duka la Mama Wanjiru usiku", locale: "sw" },
    { text: "Two men robbed a boda boda rider near the stage last night", locale: "en" },
    { text: "Wezi wamechukua simu za watu kwa nguvu karibu na soko", locale: "sw" },
    { text: "A gang is asking shop owners for protection money", locale: "en" },
  ],
  service_delivery: [
    { text: "Mitaro imeziba na maji machafu yanaingia kwa nyumba", locale: "sw" },
    { text: "The street lights on the main road have been off for a week", locale: "en" },
  ],
  gbv: [{ text: "Mama mmoja anapigwa na mumewe kila usiku, watoto wanaogopa", locale: "sw" }],
};

const BURST_TEXTS: { text: string; locale: Locale }[] = [
  { text: "Genge la vijana limepiga watu wawili Kaptembwo asubuhi hii", locale: "sw" },
  { text: "Gang with pangas attacking people near Kaptembwo stage right now", locale: "en" },
  { text: "Majambazi wanavunja maduka Kaptembwo, watu wanakimbia", locale: "sw" },
  { text: "Youths fighting with knives at Kaptembwo, one man injured", locale: "en" },
  { text: "Kundi la vijana linawanyang'anya watu simu Kaptembwo", locale: "sw" },
  { text: "Shops closed in Kaptembwo because of gang violence since morning", locale: "en" },
  { text: "Wanasema genge lingine linakuja kulipiza kisasi Kaptembwo", locale: "sw" },
];

/** Deterministic, so that every demo installation tells the same story. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The demo's reports, relative to `now`: 56 days of background, then the Kaptembwo burst. */
export function demoAlertReports(now: Date): DemoReport[] {
  const next = random(2026);
  const today = dayOf(now);
  const reports: DemoReport[] = [];
  const add = (day: string, category: CategoryCode, placeId: string) => {
    const texts = BACKGROUND_TEXTS[category] ?? [];
    const pick = texts[Math.floor(next() * texts.length)] ?? { text: "Report", locale: "en" as const };
    // Between 07:00 and 21:00 Kenya time.
    const at = new Date(startOfDay(day).getTime() + (7 + next() * 14) * 3_600_000);
    reports.push({ receivedAt: at, category, placeId, ...pick });
  };
  for (let d = 56; d >= 1; d--) {
    const day = addDays(today, -d);
    // Kaptembwo: a gang report about once a week.
    if (d % 7 === 3) add(day, "gang_crime", "l:kaptembwo");
    // The rest of Nakuru Town West: about one a day, and its drainage complaints.
    if (next() < 0.9) add(day, "gang_crime", next() < 0.5 ? "w:0871" : "w:0874");
    if (next() < 0.3) add(day, "service_delivery", "l:soko-mjinga");
    // Nakuru East: the busy background that gives the county a baseline of its own.
    for (let k = 0; k < 3 + Math.floor(next() * 3); k++)
      add(day, "gang_crime", next() < 0.6 ? "l:wakulima-market-nakuru" : "w:0880");
    if (next() < 0.2) add(day, "gbv", "w:0880");
  }
  BURST_TEXTS.forEach((burst, i) => {
    reports.push({
      receivedAt: new Date(now.getTime() - (i + 1) * 12 * 60_000),
      category: "gang_crime",
      placeId: "l:kaptembwo",
      ...burst,
    });
  });
  return reports.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

export async function seedAlertsDemo(deps: Deps): Promise<void> {
  for (const report of demoAlertReports(deps.now())) {
    const at = () => report.receivedAt;
    await inTransaction({ ...deps, now: at }, (tx) =>
      submitReport(tx, {
        channel: "web",
        text: report.text,
        locale: report.locale,
        category: report.category,
        placeId: report.placeId,
      }),
    );
  }
  await runAlertDetection(deps);
  await inTransaction(deps, (tx) => scheduleNextDetection(tx));
}
