// One report per sent form, and the receipt page it redirects to (Post/Redirect/Get).
//
// GET /report puts a random 128-bit one-time token in the form. Issuing it stores nothing (a page
// anyone may load must not write to the database); the token is spent when a report is filed with
// it, in the same transaction, and only then recorded (as a hash). So "unused" means "not spent".
// A second post of the same form (double click, refresh, back and send again) finds the spent
// token and is sent to the same receipt; nothing is filed twice. The receipt page shows the PIN
// for RECEIPT_MINUTES only, sealed by the vault meanwhile, and is forgotten after that.
import { createHash, randomBytes } from "node:crypto";
import type { Locale } from "../../../common/taxonomy.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import type { ReportFormValues } from "./report-form.ts";
import * as repo from "./web-receipt.repo.ts";

/** How long the receipt page shows the reference and PIN after sending. */
export const RECEIPT_MINUTES = 30;
/** How long a spent token is remembered, so that an old form sent again is not filed twice. */
export const SPENT_TOKENS_KEPT_DAYS = 7;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const RECEIPT_ID_PATTERN = /^[0-9a-f]{64}$/;
const RECEIPT_SEAL = "web.receipt";
const DAY_MS = 86_400_000;

export const newFormToken = (): string => randomBytes(16).toString("base64url");

/** The receipt's address: a keyed hash of the token, so the token itself never appears in a URL or log. */
const receiptIdOf = (deps: Deps, token: string) => deps.vault.blindIndex("web.receipt_id", token);
const sha256 = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
const contentHashOf = (deps: Deps, values: ReportFormValues) =>
  deps.vault.blindIndex("web.form_content", JSON.stringify(values));

async function spentRow(deps: Deps, token: string) {
  const receiptId = receiptIdOf(deps, token);
  return { receiptId, row: await repo.receiptByHash(deps.db, sha256(receiptId)) };
}

/** The token a re-shown form carries on: the posted one while it is unspent, else a fresh one. */
export async function formTokenFor(deps: Deps, posted: string | undefined): Promise<string> {
  if (!posted || !TOKEN_PATTERN.test(posted)) return newFormToken();
  return (await spentRow(deps, posted)).row ? newFormToken() : posted;
}

/**
 * The receipt of this form when it was already sent with these very words; null when its report is
 * still to be filed. A spent token with different words is an old form reused for a new report
 * (the browser kept the page): that report is filed too, under a fresh token, never dropped.
 */
export async function earlierReceipt(
  deps: Deps,
  posted: string | undefined,
  values: ReportFormValues,
): Promise<string | null> {
  if (!posted || !TOKEN_PATTERN.test(posted)) return null;
  const { receiptId, row } = await spentRow(deps, posted);
  return row && row.contentHash === contentHashOf(deps, values) ? receiptId : null;
}

export interface FiledReport {
  id: string;
  reference: string;
  pin: string;
  consentToContact: boolean;
}

/**
 * Files the report with `file` and spends the token in one transaction; returns the receipt id.
 * A post without a valid token (a form from before tokens, a stripped field, a tampered value) is
 * still filed under a fresh token: the resident typed it and must not lose it, and a token is not
 * a credential (the per-connection rate limit is what bounds abuse). It just has no protection
 * against being sent twice.
 */
export async function fileOnce(
  deps: Deps,
  input: { token: string | undefined; values: ReportFormValues; locale: Locale },
  file: (txDeps: Deps) => Promise<FiledReport>,
): Promise<string> {
  let token = input.token && TOKEN_PATTERN.test(input.token) ? input.token : newFormToken();
  const contentHash = contentHashOf(deps, input.values);
  // Two rounds at most: the second only when a concurrent post spent the token with other words.
  for (let round = 0; round < 2; round++) {
    const receiptId = receiptIdOf(deps, token);
    const receiptHash = sha256(receiptId);
    const now = deps.now();
    const filed = await inTransaction(deps, async (tx) => {
      const claim = {
        receiptHash,
        contentHash,
        locale: input.locale,
        receiptExpiresAt: new Date(now.getTime() + RECEIPT_MINUTES * 60_000),
        createdAt: now,
      };
      if (!(await repo.claimToken(tx.db, claim))) return false;
      const report = await file(tx);
      const receiptSealed = deps.vault.encrypt(
        RECEIPT_SEAL,
        JSON.stringify({ reference: report.reference, pin: report.pin, consent: report.consentToContact }),
      );
      await repo.recordReceipt(tx.db, receiptHash, { reportId: report.id, receiptSealed });
      return true;
    });
    if (filed) return receiptId;
    const { row } = await spentRow(deps, token);
    if (row?.contentHash === contentHash) return receiptId;
    token = newFormToken();
  }
  throw new Error("A fresh form token was already spent");
}

export type ReceiptView =
  | { kind: "shown"; locale: Locale; reference: string; pin: string; consentToContact: boolean }
  | { kind: "expired"; locale: Locale | null };

/** What the receipt page may show now: the receipt inside its window, else only that it expired. */
export async function showReceipt(deps: Deps, receiptId: string): Promise<ReceiptView> {
  if (!RECEIPT_ID_PATTERN.test(receiptId)) return { kind: "expired", locale: null };
  const row = await repo.receiptByHash(deps.db, sha256(receiptId));
  if (!row) return { kind: "expired", locale: null };
  const locale = row.locale === "en" ? "en" : "sw";
  if (!row.receiptSealed || row.receiptExpiresAt <= deps.now()) {
    // Forgotten on the first look after the window, whatever the daily clean-up does.
    if (row.receiptSealed) await repo.forgetExpiredReceipts(deps.db, deps.now());
    return { kind: "expired", locale };
  }
  const sealed = JSON.parse(deps.vault.decrypt(RECEIPT_SEAL, row.receiptSealed)) as {
    reference: string;
    pin: string;
    consent: boolean;
  };
  return {
    kind: "shown",
    locale,
    reference: sealed.reference,
    pin: sealed.pin,
    consentToContact: sealed.consent,
  };
}

/** Part of the daily clean-up; safe to run any number of times. */
export async function cleanUpWebReceipts(deps: Deps): Promise<{ forgotten: number; deleted: number }> {
  const now = deps.now();
  const forgotten = await repo.forgetExpiredReceipts(deps.db, now);
  const deleted = await repo.deleteReceiptsBefore(
    deps.db,
    new Date(now.getTime() - SPENT_TOKENS_KEPT_DAYS * DAY_MS),
  );
  return { forgotten, deleted };
}
