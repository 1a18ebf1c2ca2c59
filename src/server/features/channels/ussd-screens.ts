// What each USSD screen shows, and how long lists are cut into pages that fit 160 characters.
// Pages are computed from the data alone, so the same history always shows the same page.
import { gsm7Length, type PlainMessageKey, t, toGsm7, truncateGsm7 } from "../../../common/messages.ts";
import { CATEGORY_CODES, CATEGORY_LABELS, type Locale } from "../../../common/taxonomy.ts";
import type { Draft, Frame, ListScreen, Problem, UssdContext, UssdPlace, UssdWhen } from "./ussd-types.ts";

/** Designed screen length; the gateway's hard cap (182) leaves a margin for handsets that count differently. */
export const USSD_SCREEN_MAX = 160;
const ITEM_LABEL_MAX = 36;
const HEADER_PLACE_MAX = 18;
export const MORE_KEY = "9";
export const NOT_LISTED_KEY = "7";
export const DONT_KNOW_KEY = "8";

const PROBLEM_KEYS: Record<Problem, PlainMessageKey> = {
  invalidChoice: "ussdInvalidChoice",
  invalidReference: "ussdInvalidReference",
  invalidPin: "ussdInvalidPin",
  noMatch: "ussdNoMatch",
};
const WHEN_KEYS: Record<UssdWhen, PlainMessageKey> = {
  today: "whenToday",
  yesterday: "whenYesterday",
  this_week: "whenThisWeek",
  earlier: "whenEarlier",
};

const len = (text: string) => gsm7Length(text) ?? Number.POSITIVE_INFINITY;
/** Room to keep for the refusal prefix, so that a re-shown screen still fits. */
const longestProblem = (locale: Locale, problems: Problem[]) =>
  Math.max(...problems.map((problem) => len(t(locale, PROBLEM_KEYS[problem]))));
const LIST_PROBLEMS: Problem[] = ["invalidChoice", "noMatch"];

export interface ListEntry<V> {
  label: string;
  value: V;
}

export interface ListSpec<V> {
  header: string;
  entries: ListEntry<V>[];
  /** Numbered choices per page: keys 1..perPage; the keys above are fixed extras, 9 More, 0 Back. */
  perPage: number;
  extras: string[];
}

/** Lower-case letters and digits, single-spaced: "Murang'a" -> "muranga", "Taita-Taveta" -> "taita taveta". */
export function searchForm(text: string): string {
  return toGsm7(text)
    .toLowerCase()
    .replace(/['.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Places whose name, or one of its words, starts with the typed text; an exact name wins outright. */
export function searchPlaces(places: readonly UssdPlace[], typed: string): UssdPlace[] {
  const query = searchForm(typed);
  if (query.replace(/ /g, "").length < 2) return [];
  const exact = places.filter((p) => searchForm(p.name) === query);
  if (exact.length > 0) return exact;
  const compact = query.replace(/ /g, "");
  return places.filter((p) => {
    const name = searchForm(p.name);
    return name.replace(/ /g, "").startsWith(compact) || name.split(" ").some((w) => w.startsWith(query));
  });
}

const placeEntries = (places: readonly UssdPlace[]) => places.map((p) => ({ label: p.name, value: p }));

function filtered(places: readonly UssdPlace[], filter: string | null): readonly UssdPlace[] {
  return filter === null ? places : searchPlaces(places, filter);
}

export function listFor(frame: Extract<Frame, { screen: ListScreen }>, ctx: UssdContext): ListSpec<unknown> {
  const { locale } = frame.draft;
  if (frame.screen === "category")
    return {
      header: t(locale, "ussdCategoryPrompt"),
      entries: CATEGORY_CODES.map((code) => ({ label: CATEGORY_LABELS[code][locale], value: code })),
      perPage: 8,
      extras: [],
    };
  if (frame.screen === "county")
    return {
      header: t(locale, "ussdCountyPrompt"),
      entries: placeEntries(filtered(ctx.counties, frame.filter)),
      perPage: 8,
      extras: [],
    };
  const county = frame.draft.county as UssdPlace;
  return {
    header: t(locale, "ussdLocalityPrompt", { county: truncateGsm7(county.name, HEADER_PLACE_MAX) }),
    entries: placeEntries(filtered(ctx.localitiesOf(county.id), frame.filter)),
    perPage: 6,
    extras: [
      `${NOT_LISTED_KEY} ${t(locale, "ussdNotListed")}`,
      `${DONT_KNOW_KEY} ${t(locale, "ussdDontKnow")}`,
    ],
  };
}

const itemLabel = (label: string) => truncateGsm7(label.trim(), ITEM_LABEL_MAX).trim();

/** Start index of each page: greedy, as many entries as fit beside the header, extras and navigation. */
export function pageStarts(locale: Locale, spec: ListSpec<unknown>): number[] {
  const navigation = `\n${MORE_KEY} ${t(locale, "ussdMore")}\n0 ${t(locale, "ussdBack")}`;
  const fixed =
    longestProblem(locale, LIST_PROBLEMS) +
    1 +
    len(spec.header) +
    spec.extras.reduce((sum, e) => sum + 1 + len(e), 0) +
    len(navigation);
  const budget = USSD_SCREEN_MAX - fixed;
  const starts = [0];
  let used = 0;
  let onPage = 0;
  spec.entries.forEach((entry, index) => {
    const line = 1 + 2 + len(itemLabel(entry.label)); // "\n" + "N " + label
    if (onPage > 0 && (onPage === spec.perPage || used + line > budget)) {
      starts.push(index);
      used = 0;
      onPage = 0;
    }
    used += line;
    onPage++;
  });
  return starts;
}

export function pageEntries<V>(
  locale: Locale,
  spec: ListSpec<V>,
  page: number,
): { entries: ListEntry<V>[]; more: boolean } {
  const starts = pageStarts(locale, spec);
  const start = starts[page] ?? spec.entries.length;
  const end = starts[page + 1] ?? spec.entries.length;
  return { entries: spec.entries.slice(start, end), more: page + 1 < starts.length };
}

function withProblem(locale: Locale, problem: Problem | null, lines: string[]): string {
  const [first = "", ...rest] = lines;
  const head = problem ? `${t(locale, PROBLEM_KEYS[problem])} ${first}` : first;
  return [head, ...rest].join("\n");
}

function renderList(
  frame: Extract<Frame, { screen: ListScreen }>,
  ctx: UssdContext,
  problem: Problem | null,
): string {
  const { locale } = frame.draft;
  const spec = listFor(frame, ctx);
  const { entries, more } = pageEntries(locale, spec, frame.page);
  const lines = [
    spec.header,
    ...entries.map((e, i) => `${i + 1} ${itemLabel(e.label)}`),
    ...spec.extras,
    ...(more ? [`${MORE_KEY} ${t(locale, "ussdMore")}`] : []),
    `0 ${t(locale, "ussdBack")}`,
  ];
  return withProblem(locale, problem, lines);
}

export const whenLabel = (locale: Locale, when: UssdWhen) => t(locale, WHEN_KEYS[when]);

export function placeSummary(draft: Draft): string {
  const county = draft.county?.name ?? "";
  const detail = draft.locality?.name ?? draft.placeText;
  return detail ? `${detail}, ${county}` : county;
}

function renderConfirm(draft: Draft, problem: Problem | null): string {
  const { locale } = draft;
  const category = draft.category ? itemLabel(CATEGORY_LABELS[draft.category][locale]) : "";
  const when = draft.when ? whenLabel(locale, draft.when) : "";
  const tail = [`1 ${t(locale, "ussdSend")}`, `2 ${t(locale, "ussdCancel")}`, `0 ${t(locale, "ussdBack")}`];
  const others = [t(locale, "ussdConfirmPrompt"), category, when, ...tail];
  const fixed =
    longestProblem(locale, ["invalidChoice"]) + 1 + others.reduce((sum, line) => sum + len(line) + 1, 0);
  const place = truncateGsm7(placeSummary(draft), Math.max(8, USSD_SCREEN_MAX - fixed));
  return withProblem(locale, problem, [t(locale, "ussdConfirmPrompt"), category, place, when, ...tail]);
}

function numbered(locale: Locale, prompt: PlainMessageKey, options: PlainMessageKey[]): string[] {
  return [
    t(locale, prompt),
    ...options.map((key, i) => `${i + 1} ${t(locale, key)}`),
    `0 ${t(locale, "ussdBack")}`,
  ];
}

/** The text of a CON screen for the frame on top of the stack. */
export function renderFrame(frame: Frame, ctx: UssdContext, problem: Problem | null): string {
  if (frame.screen === "language") {
    const prefix = problem ? `${t("en", "ussdInvalidChoice")} / ${t("sw", "ussdInvalidChoice")}\n` : "";
    return prefix + t("en", "ussdWelcome");
  }
  if (frame.screen === "category" || frame.screen === "county" || frame.screen === "locality")
    return renderList(frame, ctx, problem);
  const { locale } = frame.draft;
  const back = `0 ${t(locale, "ussdBack")}`;
  switch (frame.screen) {
    case "main":
      return withProblem(locale, problem, [t(locale, "ussdMainMenu"), back]);
    case "placeText":
      return withProblem(locale, problem, [t(locale, "ussdTypePlace"), back]);
    case "when":
      return withProblem(locale, problem, numbered(locale, "ussdWhenPrompt", Object.values(WHEN_KEYS)));
    case "description":
      return withProblem(locale, problem, [t(locale, "ussdDescriptionPrompt")]);
    case "contact":
      return withProblem(
        locale,
        problem,
        numbered(locale, "ussdContactPrompt", ["ussdContactNo", "ussdContactYes"]),
      );
    case "confirm":
      return renderConfirm(frame.draft, problem);
    case "reference":
      return withProblem(locale, problem, [t(locale, "ussdReferencePrompt"), back]);
    case "pin":
      return withProblem(locale, problem, [t(locale, "ussdPinPrompt"), back]);
  }
}
