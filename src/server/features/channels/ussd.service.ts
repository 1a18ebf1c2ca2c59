// One USSD hop: replay the session with places from the database, and on the final "Send" store
// the report. The menu itself is pure (ussd-menu.ts) and its context is synchronous, so the
// places a session needs are loaded first: counties always, then the localities of whichever
// counties the replay visited (usually one), replaying again until nothing new is asked for.
import { sql } from "drizzle-orm";
import { statusMessage, t } from "../../../common/messages.ts";
import { CATEGORY_LABELS } from "../../../common/taxonomy.ts";
import { queryRows } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { statusForResident } from "../cases/feedback.service.ts";
import { PHONE_INDEX_PURPOSE } from "../messaging/outbox.service.ts";
import { places } from "../places/places.table.ts";
import { isReportingPhone } from "../reports/receipt.service.ts";
import { submitReport } from "../reports/reports.service.ts";
import { reports } from "../reports/reports.table.ts";
import type { AtUssdRequest } from "./africastalking.ts";
import { formatUssdResponse } from "./africastalking.ts";
import { INBOUND_PAYLOAD_PURPOSE, senderPhone } from "./inbound.service.ts";
import { inboundMessages } from "./inbound.table.ts";
import {
  type UssdContext,
  type UssdOutcome,
  type UssdPlace,
  type UssdSubmission,
  ussdStep,
} from "./ussd-menu.ts";

/** More counties than this in one session means someone is paging through all of them: stop loading. */
const MAX_COUNTY_LOADS = 4;

async function loadCounties(deps: Deps): Promise<UssdPlace[]> {
  return queryRows<UssdPlace>(
    deps.db,
    sql`select id, name from ${places} where kind = 'county' order by name, id`,
  );
}

/** Localities of the given counties, gazetteer and admin-added alike, by name. */
async function loadLocalities(deps: Deps, countyIds: string[]): Promise<Map<string, UssdPlace[]>> {
  const byCounty = new Map<string, UssdPlace[]>(countyIds.map((id) => [id, []]));
  if (countyIds.length === 0) return byCounty;
  const rows = await queryRows<UssdPlace & { county_id: string }>(
    deps.db,
    sql`select id, name, county_id from ${places}
        where kind = 'locality' and county_id in (${sql.join(
          countyIds.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by name, id`,
  );
  for (const row of rows) byCounty.get(row.county_id)?.push({ id: row.id, name: row.name });
  return byCounty;
}

async function replayWithPlaces(deps: Deps, request: AtUssdRequest): Promise<UssdOutcome> {
  const counties = await loadCounties(deps);
  const localities = new Map<string, UssdPlace[]>();
  for (let round = 0; ; round++) {
    const missing = new Set<string>();
    const ctx: UssdContext = {
      counties,
      localitiesOf(countyId) {
        const known = localities.get(countyId);
        if (!known) missing.add(countyId);
        return known ?? [];
      },
      now: deps.now(),
    };
    const outcome = ussdStep({ text: request.text, phoneNumber: request.phoneNumber }, ctx);
    if (missing.size === 0 || round >= MAX_COUNTY_LOADS) return outcome;
    for (const [id, list] of await loadLocalities(deps, [...missing])) localities.set(id, list);
  }
}

/** The body to answer the gateway with ("CON ..." or "END ..."). */
export async function answerUssd(deps: Deps, request: AtUssdRequest): Promise<string> {
  const outcome = await replayWithPlaces(deps, request);
  if (outcome.submission) {
    const { reference, pin } = await storeUssdReport(deps, request, outcome.submission);
    const screen = pin
      ? t(outcome.locale, "ussdConfirmed", { reference, pin })
      : t(outcome.locale, "ussdAlreadySent", { reference });
    return formatUssdResponse({ screen, end: true });
  }
  const query = outcome.statusQuery;
  if (query) {
    const phone = senderPhone(request.phoneNumber);
    // Before the PIN is asked: the phone that made the report is answered without one.
    if (query.pin === null && !(await isReportingPhone(deps, query.reference, phone)))
      return formatUssdResponse(outcome);
    const answer = await inTransaction(deps, (tx) =>
      statusForResident(tx, { reference: query.reference, pin: query.pin, phone }),
    );
    const screen = answer.ok
      ? statusMessage(outcome.locale, answer.reference, answer.status)
      : t(outcome.locale, answer.reason === "locked" ? "ussdStatusLocked" : "ussdStatusNoMatch");
    return formatUssdResponse({ screen, end: true });
  }
  return formatUssdResponse(outcome);
}

/**
 * Stores the inbound record and the report in one transaction and returns the reference. The
 * gateway may repeat the final request (same sessionId); the unique inbound id then leads back
 * to the report already made, so the resident is told the same reference and nothing doubles.
 */
async function storeUssdReport(
  deps: Deps,
  request: AtUssdRequest,
  submission: UssdSubmission,
): Promise<{ reference: string; pin: string | null }> {
  const externalId = `ussd:${request.sessionId}`;
  // Anonymous means anonymous: without consent the number is not kept anywhere, not even sealed.
  const phone = submission.contactPhone ? senderPhone(submission.contactPhone) : null;
  return inTransaction(deps, async (tx) => {
    const payload = {
      sessionId: request.sessionId,
      serviceCode: request.serviceCode,
      networkCode: request.networkCode,
      text: request.text,
      phone,
    };
    const now = tx.now();
    const [stored] = await tx.db
      .insert(inboundMessages)
      .values({
        gateway: "africastalking",
        kind: "ussd",
        externalId,
        payloadSealed: tx.vault.encrypt(INBOUND_PAYLOAD_PURPOSE, JSON.stringify(payload)),
        senderIndex: phone ? tx.vault.blindIndex(PHONE_INDEX_PURPOSE, phone) : null,
        receivedAt: now,
        processedAt: now,
        outcome: "report",
        attempts: 1,
      })
      .onConflictDoNothing({ target: [inboundMessages.gateway, inboundMessages.externalId] })
      .returning({ id: inboundMessages.id });
    if (!stored) return existingReference(tx, externalId);
    const report = await submitReport(tx, {
      channel: "ussd",
      // Without a description, the category the resident chose, in their words, is what they said.
      text: submission.description ?? CATEGORY_LABELS[submission.category][submission.locale],
      locale: submission.locale,
      category: submission.category,
      placeId: submission.placeId,
      placeText: submission.placeText,
      occurredAt: submission.occurredAt,
      occurredAtPrecision: submission.when,
      phone,
      consentToContact: phone !== null,
      inboundMessageId: stored.id,
      // A PIN, so that an anonymous reporter can follow up at all, and from any phone.
      withPin: true,
    });
    await tx.db
      .update(inboundMessages)
      .set({ reportId: report.id })
      .where(sql`${inboundMessages.id} = ${stored.id}`);
    return { reference: report.reference, pin: report.pin };
  });
}

/**
 * The gateway repeated the final hop: the same reference. The PIN was shown once and only its hash
 * is kept, so the repeat says to use the PIN from the first screen (or the reporting phone).
 */
async function existingReference(
  txDeps: Deps,
  externalId: string,
): Promise<{ reference: string; pin: null }> {
  const [row] = await queryRows<{ reference: string }>(
    txDeps.db,
    sql`select r.reference from ${inboundMessages} i join ${reports} r on r.id = i.report_id
        where i.gateway = 'africastalking' and i.external_id = ${externalId}`,
  );
  if (!row) throw new Error(`USSD session ${externalId} was stored without its report`);
  return { reference: row.reference, pin: null };
}
