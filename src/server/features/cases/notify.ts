// Telling staff about a case: an in-app notification, an email to their account address and an SMS
// when the person's phone is known (responder units keep their members' numbers, sealed), both through
// the outbox. Each notice has a dedupe key, so a deadline job that runs twice never notifies twice.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DueKind } from "../../../common/contracts/cases.ts";
import { type MessageKey, t } from "../../../common/messages.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import type { Db } from "../../db/client.ts";
import type { Deps } from "../../deps.ts";
import { enqueueEmail, enqueueSms } from "../messaging/outbox.service.ts";
import { places } from "../places/places.table.ts";
import { userPlaces, userRoles, users } from "../users/users.table.ts";
import { type CaseRow, sqlPoliceOrGovernment } from "./cases.policy.ts";
import { caseAssignments, caseNotifications } from "./cases.table.ts";
import { caseNoticeEmail } from "./notice-email.ts";
import { RESPONDER_PHONE_PURPOSE } from "./responders.service.ts";
import { responderMembers } from "./responders.table.ts";
import { CONFLICT_CATEGORY } from "./routing.ts";

export interface Recipient {
  userId: string;
  locale: Locale;
  /** The account address (users.email): notices also go there unless they turned email off. */
  email: string;
  emailNotices: boolean;
  phoneSealed: string | null;
}

export type NoticeKind = "assigned" | "reminder" | "escalated";

type CaseSmsKey = Extract<
  MessageKey,
  | "caseAssigned"
  | "caseReminderAcknowledge"
  | "caseReminderAct"
  | "caseEscalatedAcknowledge"
  | "caseEscalatedAct"
>;

const SMS_KEYS: Record<NoticeKind, Record<DueKind, CaseSmsKey>> = {
  assigned: { acknowledge: "caseAssigned", act: "caseAssigned" },
  reminder: { acknowledge: "caseReminderAcknowledge", act: "caseReminderAct" },
  escalated: { acknowledge: "caseEscalatedAcknowledge", act: "caseEscalatedAct" },
};

/** Users barred from police-conduct cases (police or government, cases.policy.ts) never receive notice of one either. */
function notBarredFrom(row: CaseRow) {
  if (row.category !== CONFLICT_CATEGORY) return undefined;
  return sql`not ${sqlPoliceOrGovernment(users.id)}`;
}

/** Members of the units assigned to the case (or of one of them); only supervisors when asked (the first rung up). */
export async function unitMembersOf(
  db: Db,
  row: CaseRow,
  opts: { supervisorsOnly?: boolean; unitId?: string } = {},
): Promise<Recipient[]> {
  const rows = await db
    .select({
      userId: users.id,
      locale: users.locale,
      email: users.email,
      emailNotices: users.emailNotices,
      phoneSealed: responderMembers.phoneSealed,
    })
    .from(caseAssignments)
    .innerJoin(responderMembers, eq(responderMembers.unitId, caseAssignments.unitId))
    .innerJoin(users, eq(users.id, responderMembers.userId))
    .where(
      and(
        eq(caseAssignments.caseId, row.id),
        eq(caseAssignments.active, true),
        eq(users.active, true),
        opts.supervisorsOnly ? eq(responderMembers.supervisor, true) : undefined,
        opts.unitId ? eq(caseAssignments.unitId, opts.unitId) : undefined,
        notBarredFrom(row),
      ),
    );
  return dedupe(rows.map((r) => ({ ...r, locale: r.locale as Locale })));
}

/** The top rung: programme officers whose areas contain the case's place, and the case's owner. */
export async function programmeOfficersFor(db: Db, row: CaseRow): Promise<Recipient[]> {
  const covers = sql`(p.path = 'ke' or ${row.placePath ?? null}::text = p.path or ${row.placePath ?? null}::text like p.path || '/%')`;
  const rows = await db
    .select({ userId: users.id, locale: users.locale, email: users.email, emailNotices: users.emailNotices })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`(${users.id} = ${row.ownerId ?? null}::uuid or (
          exists (select 1 from ${userRoles} r where r.user_id = ${users.id} and r.role = 'programme_officer')
          and exists (select 1 from ${userPlaces} up join ${places} p on p.id = up.place_id
            where up.user_id = ${users.id} and ${covers})))`,
        notBarredFrom(row),
      ),
    );
  if (rows.length === 0) return [];
  // A programme officer who also belongs to a unit has a phone on record there.
  const phones = await db
    .select({ userId: responderMembers.userId, phoneSealed: responderMembers.phoneSealed })
    .from(responderMembers)
    .where(
      inArray(
        responderMembers.userId,
        rows.map((r) => r.userId),
      ),
    );
  return dedupe(
    rows.map((r) => ({
      userId: r.userId,
      locale: r.locale as Locale,
      email: r.email,
      emailNotices: r.emailNotices,
      phoneSealed: phones.find((p) => p.userId === r.userId && p.phoneSealed)?.phoneSealed ?? null,
    })),
  );
}

function dedupe(recipients: Recipient[]): Recipient[] {
  const byUser = new Map<string, Recipient>();
  for (const r of recipients) {
    const known = byUser.get(r.userId);
    if (!known || (!known.phoneSealed && r.phoneSealed)) byUser.set(r.userId, r);
  }
  return [...byUser.values()];
}

async function placeNameOf(db: Db, row: CaseRow): Promise<string | null> {
  if (!row.placeId) return null;
  const [place] = await db.select({ name: places.name }).from(places).where(eq(places.id, row.placeId));
  return place?.name ?? null;
}

/** The staff app's address for links: the public URL, or this server itself in development. */
const appUrlOf = (config: Deps["config"]) => config.publicUrl ?? `http://${config.host}:${config.port}`;

/**
 * Writes the notices, with an email each and an SMS where a phone is known; returns how many people
 * were newly told. The email and SMS keys derive from the notice's, so they are deduplicated alike.
 */
export async function notify(
  txDeps: Deps,
  row: CaseRow,
  recipients: Recipient[],
  notice: { kind: NoticeKind; due: DueKind; dedupeKey: string },
): Promise<number> {
  let told = 0;
  let placeName: string | null | undefined;
  for (const recipient of recipients) {
    const key = `${notice.dedupeKey}:${recipient.userId}`;
    const inserted = await txDeps.db
      .insert(caseNotifications)
      .values({
        userId: recipient.userId,
        caseId: row.id,
        kind: notice.kind,
        due: notice.due,
        dueAt: notice.due === "acknowledge" ? row.acknowledgeDueAt : row.actionDueAt,
        createdAt: txDeps.now(),
        dedupeKey: key,
      })
      .onConflictDoNothing()
      .returning({ id: caseNotifications.id });
    if (inserted.length === 0) continue;
    told++;
    if (placeName === undefined) placeName = await placeNameOf(txDeps.db, row);
    if (recipient.emailNotices) {
      const email = caseNoticeEmail(recipient.locale, notice, {
        caseId: row.id,
        number: row.number,
        category: row.category,
        urgency: row.urgency,
        placeName,
        dueAt: notice.due === "acknowledge" ? row.acknowledgeDueAt : row.actionDueAt,
        baseUrl: appUrlOf(txDeps.config),
      });
      await enqueueEmail(txDeps, {
        to: recipient.email,
        ...email,
        purpose: `case.${notice.kind}`,
        dedupeKey: `email:${key}`,
      });
    }
    if (recipient.phoneSealed) {
      const body = t(recipient.locale, SMS_KEYS[notice.kind][notice.due], { reference: row.number });
      await enqueueSms(txDeps, {
        to: txDeps.vault.decrypt(RESPONDER_PHONE_PURPOSE, recipient.phoneSealed),
        body,
        purpose: `case.${notice.kind}`,
        dedupeKey: `sms:${key}`,
      });
    }
  }
  return told;
}
