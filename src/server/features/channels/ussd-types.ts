// Types shared by the USSD state machine (ussd-menu.ts) and its screens (ussd-screens.ts).
import type { ResidentStatus } from "../../../common/messages.ts";
import type { CategoryCode, Locale } from "../../../common/taxonomy.ts";

export interface UssdPlace {
  id: string;
  name: string;
}

export interface UssdContext {
  /** In the order to show them; alphabetical is easiest to scan. */
  counties: readonly UssdPlace[];
  localitiesOf(countyId: string): readonly UssdPlace[];
  /**
   * When given, "check a report" answers at once with the PIN typed (tests); otherwise the route
   * answers from `statusQuery`, checking the reporting phone or the PIN.
   */
  lookupStatus?: ((query: { reference: string; pin: string }) => ResidentStatus | null) | undefined;
  now: Date;
}

export const USSD_WHEN = ["today", "yesterday", "this_week", "earlier"] as const;
export type UssdWhen = (typeof USSD_WHEN)[number];

export interface UssdSubmission {
  category: CategoryCode;
  /** The locality chosen, else the county; null only if no place was given at all. */
  placeId: string | null;
  /** What the resident typed when the place was not listed. */
  placeText: string | null;
  /** An estimate from `when` (see occurredAtFor); keep `when` beside it to know how rough it is. */
  occurredAt: Date;
  when: UssdWhen;
  description: string | null;
  contactable: boolean;
  /** The session's phone number, only when the resident agreed to be contacted. */
  contactPhone: string | null;
  locale: Locale;
}

export interface UssdOutcome {
  screen: string;
  end: boolean;
  /** The session's language once chosen (English before that); the route renders its END screen in it. */
  locale: Locale;
  submission?: UssdSubmission;
  /**
   * "Check a report": the normalised reference, and the PIN once typed. With `pin: null` the screen
   * asks for the PIN; the route may answer at once instead when the session's phone made the report.
   */
  statusQuery?: { reference: string; pin: string | null };
}

/** What has been chosen so far. Each frame holds its own copy, so going back restores it. */
export interface Draft {
  locale: Locale;
  category?: CategoryCode;
  county?: UssdPlace;
  locality?: UssdPlace;
  placeText?: string;
  when?: UssdWhen;
  description?: string | null;
  contactable?: boolean;
}

export type ListScreen = "category" | "county" | "locality";
export type PromptScreen =
  | "main"
  | "placeText"
  | "when"
  | "description"
  | "contact"
  | "confirm"
  | "reference";

export type Frame =
  | { screen: "language" }
  | { screen: ListScreen; draft: Draft; page: number; filter: string | null }
  | { screen: PromptScreen; draft: Draft }
  | { screen: "pin"; draft: Draft; reference: string };

export type Finish =
  | { kind: "submitted"; draft: Draft }
  | { kind: "cancelled"; locale: Locale }
  | { kind: "status"; locale: Locale; reference: string; pin: string };

export type Problem = "invalidChoice" | "invalidReference" | "invalidPin" | "noMatch";

/** The whole session, rebuilt from the `*`-joined history on every hop. */
export interface UssdState {
  stack: Frame[];
  finish: Finish | null;
  /** Why the last input was refused; shown as a prefix on the re-shown screen. */
  problem: Problem | null;
}
