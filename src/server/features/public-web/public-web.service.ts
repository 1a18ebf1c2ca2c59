// The public web channel: a resident's report from the no-JavaScript form, and the /follow-up
// pages where they check it with the reference and PIN from their receipt. Everything a resident
// may be refused for (a field, too many reports, a wrong PIN) comes back as an outcome the pages
// render in the resident's language, not as an error.

import type { ResidentStatus } from "../../../common/messages.ts";
import { searchPlaces } from "../../../common/places/index.ts";
import { buildSearchIndex, search } from "../../../common/places/search.ts";
import type { Place } from "../../../common/places/types.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { hasControlCharacters } from "../../lib/control-chars.ts";
import { hitRateLimit } from "../../lib/rate-limit.ts";
import { caseAwareResidentStatus } from "../cases/feedback.service.ts";
import { checkReceipt } from "../reports/receipt.service.ts";
import { addToReport, MAX_REPORT_TEXT_CHARS, submitReport } from "../reports/reports.service.ts";
import { resolveTypedPlace } from "./place-resolution.ts";
import * as repo from "./public-web.repo.ts";
import {
  checkReportForm,
  countyIdOf,
  type FieldProblem,
  type FormProblems,
  normaliseLineBreaks,
  type ReportField,
  type ReportFormValues,
} from "./report-form.ts";
import { earlierReceipt, fileOnce } from "./web-receipt.service.ts";

/** Reports one connection may send per hour; many people can share one address, so it is generous. */
export const REPORTS_PER_CLIENT_PER_HOUR = 20;
/** Reference-and-PIN checks one connection may make per hour, on top of each report's own PIN lock. */
export const FOLLOW_UPS_PER_CLIENT_PER_HOUR = 60;
const HOUR_MS = 3_600_000;
const SEARCH_LIMIT = 20;

/** The client's address only ever as a keyed hash, and only in the rate-limit counter. */
function clientKey(deps: Deps, kind: string, clientAddress: string): string {
  return `${kind}:${deps.vault.blindIndex("ratelimit.ip", clientAddress)}`;
}

async function overLimit(deps: Deps, kind: string, clientAddress: string, limit: number): Promise<boolean> {
  const count = await hitRateLimit(deps.db, clientKey(deps, kind, clientAddress), deps.now(), HOUR_MS);
  return count > limit;
}

/** The places of the chosen county, for the no-JavaScript place list; null without a county. */
export async function placesForForm(deps: Deps, countyId: string | null): Promise<Place[] | null> {
  return countyId ? repo.placesInCounty(deps.db, countyId) : null;
}

async function resolvePlaceId(
  deps: Deps,
  typed: string | null,
  countyId: string | null,
  countyPlaces: Place[] | null,
): Promise<string | null> {
  if (!typed) return countyId;
  if (countyPlaces) {
    const found = search(buildSearchIndex(countyPlaces), typed, { limit: SEARCH_LIMIT });
    return resolveTypedPlace(typed, found)?.id ?? countyId;
  }
  const added = await repo.adminLocalities(deps.db);
  const found = [
    ...searchPlaces(typed, { limit: SEARCH_LIMIT }),
    ...search(buildSearchIndex(added), typed, { limit: SEARCH_LIMIT }),
  ];
  return resolveTypedPlace(typed, found)?.id ?? null;
}

export type ReportOutcome =
  | { kind: "invalid"; problems: FormProblems<ReportField>; places: Place[] | null }
  | { kind: "rate_limited"; places: Place[] | null }
  /** Filed now, or earlier from this same form: either way the receipt page to redirect to. */
  | { kind: "sent"; receiptId: string };

export async function submitWebReport(
  deps: Deps,
  input: { values: ReportFormValues; locale: Locale; clientAddress: string; formToken: string | undefined },
): Promise<ReportOutcome> {
  const check = checkReportForm(input.values, deps.now());
  const countyPlaces = await placesForForm(deps, countyIdOf(input.values.county));
  const problems = check.ok ? {} : { ...check.problems };
  const locality = input.values.locality;
  // The list may be from another county than the one now chosen, or the form may be tampered with.
  if (locality && countyPlaces && !countyPlaces.some((p) => p.id === locality && p.kind !== "sub_county"))
    problems.locality = { key: "localityInvalid" };
  if (!check.ok || Object.keys(problems).length > 0)
    return { kind: "invalid", problems, places: countyPlaces };
  // The same form sent again (double click, refresh) files nothing and counts against no limit.
  const earlier = await earlierReceipt(deps, input.formToken, input.values);
  if (earlier) return { kind: "sent", receiptId: earlier };
  const report = check.report;
  if (await overLimit(deps, "report.web", input.clientAddress, REPORTS_PER_CLIENT_PER_HOUR))
    return { kind: "rate_limited", places: countyPlaces };
  const placeId =
    report.localityId ?? (await resolvePlaceId(deps, report.placeText, report.countyId, countyPlaces));
  const receiptId = await fileOnce(
    deps,
    { token: input.formToken, values: input.values, locale: input.locale },
    async (tx) => {
      const submitted = await submitReport(tx, {
        channel: "web",
        text: report.text,
        locale: input.locale,
        category: report.category,
        placeId,
        placeText: report.placeText,
        occurredAt: report.occurredAt,
        occurredAtPrecision: report.occurredAtPrecision,
        phone: report.phone,
        name: report.name,
        consentToContact: report.consentToContact,
        withPin: true,
      });
      if (!submitted.pin) throw new Error("submitReport issued no PIN for a web report");
      return { ...submitted, pin: submitted.pin, consentToContact: report.consentToContact };
    },
  );
  return { kind: "sent", receiptId };
}

/** What the resident may see of their own report: never staff notes, never anything about others. */
export interface ResidentReportView {
  reference: string;
  status: ResidentStatus;
  text: string;
  receivedAt: Date;
  additions: { text: string; receivedAt: Date }[];
  /** Whether staff may contact the reporter: a yes or no, never the contact itself. */
  consentToContact: boolean;
}

export type FollowUpOutcome =
  | { kind: "missing"; problems: FormProblems<"reference" | "pin"> }
  | { kind: "no_match" | "locked" | "rate_limited" }
  | { kind: "found"; report: ResidentReportView; added?: boolean; problem?: FieldProblem };

export interface Receipt {
  reference: string;
  pin: string;
  clientAddress: string;
}

async function openReport(deps: Deps, receipt: Receipt) {
  const problems: FormProblems<"reference" | "pin"> = {};
  if (!receipt.reference.trim()) problems.reference = { key: "referenceMissing" };
  if (!receipt.pin.trim()) problems.pin = { key: "pinMissing" };
  if (Object.keys(problems).length > 0) return { kind: "missing" as const, problems };
  if (await overLimit(deps, "follow-up.web", receipt.clientAddress, FOLLOW_UPS_PER_CLIENT_PER_HOUR))
    return { kind: "rate_limited" as const };
  const checked = await checkReceipt(deps, receipt.reference, receipt.pin);
  return checked.ok ? { kind: "opened" as const, row: checked.report } : { kind: checked.reason };
}

type ReportRow = Extract<Awaited<ReturnType<typeof checkReceipt>>, { ok: true }>["report"];

async function viewOf(deps: Deps, row: ReportRow): Promise<ResidentReportView> {
  return {
    reference: row.reference,
    status: await caseAwareResidentStatus(deps, row),
    text: row.text,
    receivedAt: row.receivedAt,
    additions: await repo.additionsOf(deps.db, row.id),
    consentToContact: row.consentToContact,
  };
}

/** The /follow-up check: reference plus PIN, then the report as its reporter may see it. */
export async function followUpReport(deps: Deps, receipt: Receipt): Promise<FollowUpOutcome> {
  const opened = await openReport(deps, receipt);
  if (opened.kind !== "opened") return opened;
  return { kind: "found", report: await viewOf(deps, opened.row) };
}

/** Adds what the resident wrote at /follow-up, after checking the reference and PIN again. */
export async function addFollowUpInformation(
  deps: Deps,
  input: Receipt & { text: string },
): Promise<FollowUpOutcome> {
  const opened = await openReport(deps, input);
  if (opened.kind !== "opened") return opened;
  const text = normaliseLineBreaks(input.text).trim();
  let problem: FieldProblem | undefined;
  if (hasControlCharacters(input.text)) problem = { key: "controlCharacters" };
  else if (!text) problem = { key: "addEmpty" };
  else if (text.length > MAX_REPORT_TEXT_CHARS)
    problem = { key: "textTooLong", params: { count: text.length.toLocaleString("en") } };
  else await inTransaction(deps, (tx) => addToReport(tx, { id: opened.row.id }, { channel: "web", text }));
  const report = await viewOf(deps, opened.row);
  return problem ? { kind: "found", report, problem } : { kind: "found", report, added: true };
}
