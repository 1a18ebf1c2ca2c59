// submitReport: the one service every channel ends in (web form, SMS, USSD), and the resident-facing
// lookups that go with it (status by reference, follow-up with the receipt PIN, adding details).
// Callers run these inside a transaction (inTransaction) so that the report, its audit row, its
// triage job and any reply in the outbox commit together or not at all.
import { and, desc, eq, gte } from "drizzle-orm";
import type { CategoryCode, Locale, Urgency } from "../../../common/taxonomy.ts";
import type { Deps } from "../../deps.ts";
import { enqueueJob } from "../../jobs/queue.ts";
import { badRequest } from "../../lib/errors.ts";
import { type Actor, recordAudit } from "../audit/audit.service.ts";
import { PHONE_INDEX_PURPOSE, PHONE_SEAL_PURPOSE } from "../messaging/outbox.service.ts";
import { placePathOf } from "../places/places.service.ts";
import { hashPin, newReceiptPin, newReportReference } from "./reference.ts";
import { storedResidentText } from "./report-text.ts";
import { reportAdditions, reports } from "./reports.table.ts";

export const REPORT_CHANNELS = ["web", "sms", "ussd"] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];
export const OCCURRED_AT_PRECISIONS = [
  "exact",
  "today",
  "yesterday",
  "this_week",
  "earlier",
  "unknown",
] as const;
export type OccurredAtPrecision = (typeof OCCURRED_AT_PRECISIONS)[number];

export const MAX_REPORT_TEXT_CHARS = 5000;
export const NAME_SEAL_PURPOSE = "reporter.name";
export const TRIAGE_JOB = "report.triage";

export interface NewReport {
  channel: ReportChannel;
  text: string;
  locale: Locale;
  category?: CategoryCode | null;
  urgency?: Urgency | null;
  /** A gazetteer place id; checked to exist. */
  placeId?: string | null;
  placeText?: string | null;
  occurredAt?: Date | null;
  occurredAtPrecision?: OccurredAtPrecision;
  /** The reporter's phone, already normalised to E.164 (see normalisePhone). Sealed before storage. */
  phone?: string | null;
  name?: string | null;
  consentToContact?: boolean;
  inboundMessageId?: string | null;
  /** Issue a receipt PIN (web form): returned once, only its keyed hash is stored. */
  withPin?: boolean;
}

export interface SubmittedReport {
  id: string;
  reference: string;
  /** The receipt PIN in clear, only when `withPin` was asked; shown to the resident once. */
  pin: string | null;
  placePath: string | null;
}

const residentActor = (channel: ReportChannel): Actor => ({ id: null, label: `resident (${channel})` });

export async function submitReport(txDeps: Deps, input: NewReport): Promise<SubmittedReport> {
  const text = input.text.trim();
  if (text.length === 0) throw badRequest("Say what happened: the report text is empty.");
  if (text.length > MAX_REPORT_TEXT_CHARS)
    throw badRequest(`The report is too long: at most ${MAX_REPORT_TEXT_CHARS} characters.`);
  let placePath: string | null = null;
  if (input.placeId) {
    placePath = await placePathOf(txDeps, input.placeId);
    if (!placePath) throw badRequest(`There is no place with id "${input.placeId}".`);
  }
  const now = txDeps.now();
  const { vault } = txDeps;
  const phone = input.phone ?? null;
  const name = input.name?.trim() || null;
  // Names, numbers and e-mails typed into the text are hidden from staff; the original is sealed.
  const stored = storedResidentText(vault, text);
  const base = {
    channel: input.channel,
    ...stored,
    locale: input.locale,
    category: input.category ?? null,
    urgency: input.urgency ?? null,
    placeId: input.placeId ?? null,
    placePath,
    placeText: input.placeText?.trim() || null,
    occurredAt: input.occurredAt ?? null,
    occurredAtPrecision: input.occurredAt ? (input.occurredAtPrecision ?? "exact") : "unknown",
    receivedAt: now,
    updatedAt: now,
    consentToContact: Boolean(input.consentToContact && (phone || name)),
    contactSealed: phone ? vault.encrypt(PHONE_SEAL_PURPOSE, phone) : null,
    contactNameSealed: name ? vault.encrypt(NAME_SEAL_PURPOSE, name) : null,
    reporterIndex: phone ? vault.blindIndex(PHONE_INDEX_PURPOSE, phone) : null,
    inboundMessageId: input.inboundMessageId ?? null,
  };
  // A reference collision (1 in 33 million per existing report) just draws again.
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = newReportReference();
    const pin = input.withPin ? newReceiptPin() : null;
    const [row] = await txDeps.db
      .insert(reports)
      .values({
        ...base,
        reference,
        pinHash: pin ? hashPin(txDeps.config.vault.hashKey, reference, pin) : null,
      })
      .onConflictDoNothing({ target: reports.reference })
      .returning({ id: reports.id });
    if (!row) continue;
    await recordAudit(txDeps, residentActor(input.channel), {
      action: "report.submit",
      entityType: "report",
      entityId: row.id,
      placePath,
      // Never the contact itself: only whether there is one.
      after: {
        reference,
        channel: input.channel,
        category: base.category,
        urgency: base.urgency,
        placeId: base.placeId,
        hasContact: phone !== null || name !== null,
        consentToContact: base.consentToContact,
        textMasked: stored.textOriginalSealed !== null,
      },
    });
    await enqueueJob(txDeps, TRIAGE_JOB, { reportId: row.id }, { dedupeKey: `triage:${row.id}` });
    return { id: row.id, reference, pin, placePath };
  }
  throw new Error("Could not draw a free report reference after 10 attempts");
}

/** The newest report from this phone within `windowMs`, to which a follow-up SMS may be attached. */
export async function findRecentReportFrom(
  deps: Deps,
  phone: string,
  windowMs: number,
): Promise<{ id: string; reference: string; text: string } | null> {
  const since = new Date(deps.now().getTime() - windowMs);
  const [row] = await deps.db
    .select({ id: reports.id, reference: reports.reference, text: reports.text })
    .from(reports)
    .where(
      and(
        eq(reports.reporterIndex, deps.vault.blindIndex(PHONE_INDEX_PURPOSE, phone)),
        gte(reports.receivedAt, since),
      ),
    )
    .orderBy(desc(reports.receivedAt))
    .limit(1);
  return row ?? null;
}

export async function addToReport(
  txDeps: Deps,
  report: { id: string },
  addition: { channel: ReportChannel; text: string; inboundMessageId?: string | null },
): Promise<void> {
  const text = addition.text.trim();
  if (text.length === 0) throw badRequest("The added information is empty.");
  if (text.length > MAX_REPORT_TEXT_CHARS)
    throw badRequest(`The added information is too long: at most ${MAX_REPORT_TEXT_CHARS} characters.`);
  const now = txDeps.now();
  const stored = storedResidentText(txDeps.vault, text);
  const [added] = await txDeps.db
    .insert(reportAdditions)
    .values({
      reportId: report.id,
      channel: addition.channel,
      ...stored,
      inboundMessageId: addition.inboundMessageId ?? null,
      receivedAt: now,
    })
    .returning({ id: reportAdditions.id });
  const [updated] = await txDeps.db
    .update(reports)
    .set({ updatedAt: now })
    .where(eq(reports.id, report.id))
    .returning({ placePath: reports.placePath });
  await recordAudit(txDeps, residentActor(addition.channel), {
    action: "report.add_information",
    entityType: "report",
    entityId: report.id,
    placePath: updated?.placePath ?? null,
    after: {
      additionId: added?.id,
      channel: addition.channel,
      characters: text.length,
      textMasked: stored.textOriginalSealed !== null,
    },
  });
  // New words may change the triage guess.
  await enqueueJob(txDeps, TRIAGE_JOB, { reportId: report.id }, { dedupeKey: `triage:${report.id}` });
}
