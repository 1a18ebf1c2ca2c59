// The USSD menu as a pure state machine. Africa's Talking sends the whole session history in
// `text` (inputs joined with "*"), so every hop replays it from the start: no session storage,
// and the same history always yields the same screen.
//
// Navigation: "0" goes back one screen (on the description screen it sends without one), "00" goes
// home to the main menu. A refused input re-shows the same screen with a short reason in front.
//
// A typed "*" is indistinguishable from the separator, so the description is the LAST step of the
// report: everything after the menu path, "*" included, is the description and sends the report
// ("Fight at 5*2 junction" stays whole). Every step before it is a menu choice or a place name.
import { statusMessage, t } from "../../../common/messages.ts";
import { CATEGORY_CODES, type CategoryCode, type Locale } from "../../../common/taxonomy.ts";
import { normaliseReference } from "../reports/reference.ts";
import {
  DONT_KNOW_KEY,
  listFor,
  MORE_KEY,
  NOT_LISTED_KEY,
  pageEntries,
  renderFrame,
  searchPlaces,
} from "./ussd-screens.ts";
import {
  type Draft,
  type Finish,
  type Frame,
  type ListScreen,
  type Problem,
  USSD_WHEN,
  type UssdContext,
  type UssdOutcome,
  type UssdPlace,
  type UssdState,
  type UssdSubmission,
  type UssdWhen,
} from "./ussd-types.ts";

export type { UssdContext, UssdOutcome, UssdPlace, UssdSubmission, UssdWhen } from "./ussd-types.ts";

const MAX_DESCRIPTION_CHARS = 500;
const MAX_PLACE_TEXT_CHARS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a refused input, a new screen or the end of the session does to the state. */
type Move = { push: Frame } | { finish: Finish } | { problem: Problem };

export const initialUssdState = (): UssdState => ({
  stack: [{ screen: "language" }],
  finish: null,
  problem: null,
});

const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);
const invalid: Move = { problem: "invalidChoice" };

type ListFrame = Extract<Frame, { screen: ListScreen }>;
export const isListFrame = (frame: Frame): frame is ListFrame =>
  frame.screen === "category" || frame.screen === "county" || frame.screen === "locality";

function chooseFromList(frame: ListFrame, input: string, ctx: UssdContext): Move {
  const { draft } = frame;
  if (frame.screen === "locality" && input === NOT_LISTED_KEY)
    return { push: { screen: "placeText", draft } };
  if (frame.screen === "locality" && input === DONT_KNOW_KEY) return { push: { screen: "when", draft } };
  const { entries, more } = pageEntries(draft.locale, listFor(frame, ctx), frame.page);
  if (input === MORE_KEY) return more ? { push: { ...frame, page: frame.page + 1 } } : invalid;
  const entry = /^[1-8]$/.test(input) ? entries[Number(input) - 1] : undefined;
  if (!entry) return invalid;
  return selectListValue(frame, entry.value);
}

function selectListValue(frame: ListFrame, value: unknown): Move {
  const { draft } = frame;
  if (frame.screen === "category")
    return {
      push: { screen: "county", draft: { ...draft, category: value as CategoryCode }, page: 0, filter: null },
    };
  if (frame.screen === "county")
    return {
      push: { screen: "locality", draft: { ...draft, county: value as UssdPlace }, page: 0, filter: null },
    };
  return { push: { screen: "when", draft: { ...draft, locality: value as UssdPlace } } };
}

/** Typed text on the county or locality list: one match is chosen, several are listed. */
function searchList(frame: ListFrame, input: string, ctx: UssdContext): Move {
  if (frame.screen === "category") return invalid;
  const places =
    frame.screen === "county" ? ctx.counties : ctx.localitiesOf((frame.draft.county as UssdPlace).id);
  const matches = searchPlaces(places, input);
  const [only] = matches;
  if (matches.length === 1 && only) return selectListValue(frame, only);
  if (matches.length > 1) return { push: { ...frame, page: 0, filter: input } };
  if (frame.screen === "county") return { problem: "noMatch" };
  // A place we do not list is still an answer: keep what the resident typed.
  return typedPlace(frame.draft, input);
}

function typedPlace(draft: Draft, input: string): Move {
  if (!/\p{L}/u.test(input)) return invalid;
  return { push: { screen: "when", draft: { ...draft, placeText: input.slice(0, MAX_PLACE_TEXT_CHARS) } } };
}

function choosePrompt(frame: Exclude<Frame, ListFrame>, input: string): Move {
  if (frame.screen === "language") {
    const locale: Locale | undefined = input === "1" ? "en" : input === "2" ? "sw" : undefined;
    return locale ? { push: { screen: "main", draft: { locale } } } : invalid;
  }
  const { draft } = frame;
  switch (frame.screen) {
    case "main":
      if (input === "1") return { push: { screen: "category", draft, page: 0, filter: null } };
      return input === "2" ? { push: { screen: "reference", draft } } : invalid;
    case "placeText":
      return typedPlace(draft, input);
    case "when": {
      const when = /^[1-4]$/.test(input) ? USSD_WHEN[Number(input) - 1] : undefined;
      return when ? { push: { screen: "contact", draft: { ...draft, when } } } : invalid;
    }
    case "contact":
      if (input !== "1" && input !== "2") return invalid;
      return { push: { screen: "confirm", draft: { ...draft, contactable: input === "2" } } };
    case "confirm":
      if (input === "1") return { push: { screen: "description", draft } };
      return input === "2" ? { finish: { kind: "cancelled", locale: draft.locale } } : invalid;
    case "description": {
      if (input !== "0" && !hasWords(input)) return invalid;
      const description = input === "0" ? null : input.slice(0, MAX_DESCRIPTION_CHARS);
      return { finish: { kind: "submitted", draft: { ...draft, description } } };
    }
    case "reference": {
      const reference = normaliseReference(input);
      return reference ? { push: { screen: "pin", draft, reference } } : { problem: "invalidReference" };
    }
    case "pin": {
      const pin = input.replace(/\s+/g, "");
      return /^\d{6}$/.test(pin)
        ? { finish: { kind: "status", locale: draft.locale, reference: frame.reference, pin } }
        : { problem: "invalidPin" };
    }
  }
}

function home(stack: Frame[]): Frame[] {
  const main = stack.findIndex((f) => f.screen === "main");
  return main === -1 ? stack.slice(0, 1) : stack.slice(0, main + 1);
}

/** One input applied to the state. Pure: the state passed in is never changed. */
export function applyUssdInput(state: UssdState, rawInput: string, ctx: UssdContext): UssdState {
  if (state.finish) return state;
  const input = rawInput.trim();
  const frame = state.stack.at(-1) ?? { screen: "language" };
  if (input === "00") return { ...state, stack: home(state.stack), problem: null };
  if (input === "0" && frame.screen !== "description") {
    if (state.stack.length === 1) return { ...state, problem: "invalidChoice" };
    return { ...state, stack: state.stack.slice(0, -1), problem: null };
  }
  let move: Move;
  if (input === "") move = invalid;
  else if (isListFrame(frame))
    move = /^\d+$/.test(input) ? chooseFromList(frame, input, ctx) : searchList(frame, input, ctx);
  else move = choosePrompt(frame, input);
  if ("problem" in move) return { ...state, problem: move.problem };
  if ("finish" in move) return { ...state, finish: move.finish, problem: null };
  return { ...state, stack: [...state.stack, move.push], problem: null };
}

/** Splits AT's `text` into inputs: empty on the first hop, else the inputs joined with "*". */
export const ussdInputs = (text: string): string[] => (text === "" ? [] : text.split("*"));

/**
 * Replays the history. On the description screen the rest of the history, joined back with the
 * "*" it was split on, is one input: the description as typed. "00" there still goes home.
 */
export function replayUssd(text: string, ctx: UssdContext): UssdState {
  const inputs = ussdInputs(text);
  let state = initialUssdState();
  for (let i = 0; i < inputs.length && !state.finish; i++) {
    const atDescription = state.stack.at(-1)?.screen === "description";
    if (atDescription && inputs[i]?.trim() !== "00")
      return applyUssdInput(state, inputs.slice(i).join("*"), ctx);
    state = applyUssdInput(state, inputs[i] ?? "", ctx);
  }
  return state;
}

/**
 * When a report happened, from the coarse answer a resident gives: now, a day ago, three days
 * ago (middle of "this week"), a fortnight ago ("earlier"). Staff can correct it while triaging.
 */
export function occurredAtFor(when: UssdWhen, now: Date): Date {
  const daysAgo: Record<UssdWhen, number> = { today: 0, yesterday: 1, this_week: 3, earlier: 14 };
  return new Date(now.getTime() - daysAgo[when] * DAY_MS);
}

function submissionFrom(draft: Draft, phoneNumber: string, now: Date): UssdSubmission {
  const when = draft.when ?? "today";
  const contactable = draft.contactable === true;
  return {
    category: draft.category ?? (CATEGORY_CODES.at(-1) as CategoryCode),
    placeId: draft.locality?.id ?? draft.county?.id ?? null,
    placeText: draft.placeText ?? null,
    occurredAt: occurredAtFor(when, now),
    when,
    description: draft.description ?? null,
    contactable,
    contactPhone: contactable ? phoneNumber : null,
    locale: draft.locale,
  };
}

const localeOf = (state: UssdState): Locale => {
  if (state.finish)
    return state.finish.kind === "submitted" ? state.finish.draft.locale : state.finish.locale;
  const top = state.stack.at(-1);
  return top && top.screen !== "language" ? top.draft.locale : "en";
};

export function renderUssd(state: UssdState, ctx: UssdContext, phoneNumber: string): UssdOutcome {
  const locale = localeOf(state);
  const { finish } = state;
  if (finish === null) {
    const frame = state.stack.at(-1) ?? { screen: "language" };
    const screen = renderFrame(frame, ctx, state.problem);
    if (frame.screen === "pin")
      return { screen, end: false, locale, statusQuery: { reference: frame.reference, pin: null } };
    return { screen, end: false, locale };
  }
  if (finish.kind === "cancelled") return { screen: t(locale, "ussdCancelled"), end: true, locale };
  if (finish.kind === "submitted") {
    const submission = submissionFrom(finish.draft, phoneNumber, ctx.now);
    return { screen: t(locale, "ussdSending"), end: true, locale, submission };
  }
  const query = { reference: finish.reference, pin: finish.pin };
  const screen = ctx.lookupStatus
    ? statusMessage(locale, finish.reference, ctx.lookupStatus(query))
    : t(locale, "ussdStatusUnavailable");
  return { screen, end: true, locale, statusQuery: query };
}

/**
 * One USSD hop. A `submission` means: submit the report, then answer END with
 * t(locale, "ussdConfirmed", { reference, pin }). A `statusQuery` means: check the reporting phone
 * or the PIN, and answer END with the status line (or the no-match line); with `pin: null` and
 * another phone, show the PIN prompt this outcome carries.
 */
export function ussdStep(input: { text: string; phoneNumber: string }, ctx: UssdContext): UssdOutcome {
  return renderUssd(replayUssd(input.text, ctx), ctx, input.phoneNumber);
}
