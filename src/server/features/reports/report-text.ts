// Resident free text as it is stored and shown: masked (lib/identity-in-text.ts) on the way in,
// the original sealed beside it only when masking changed something, and masked again on every read
// so that rows stored before masking existed never reach staff in clear. The original leaves the
// vault only through the audited identity reveal (identity.service.ts).

import type { Deps } from "../../deps.ts";
import { maskIdentities, PASSAGE_MARKER, residentTextForStaff } from "../../lib/identity-in-text.ts";
import type { Vault } from "../../lib/vault.ts";
import { listAdditions, type ReportRow } from "./inbox.repo.ts";

export { residentTextForStaff };

/** The vault purpose of a report's or an addition's original text. */
export const TEXT_ORIGINAL_SEAL_PURPOSE = "report.text_original";

/** What to store for a resident's text: the masked text, and the original sealed when it differs. */
export function storedResidentText(
  vault: Vault,
  typed: string,
): { text: string; textOriginalSealed: string | null } {
  const { text, masked } = maskIdentities(typed);
  return { text, textOriginalSealed: masked ? vault.encrypt(TEXT_ORIGINAL_SEAL_PURPOSE, typed) : null };
}

/** The resident's original text, when it was masked (else null: what staff see is what was typed). */
export function originalResidentText(
  vault: Vault,
  row: { text: string; textOriginalSealed: string | null },
): string | null {
  if (row.textOriginalSealed) return vault.decrypt(TEXT_ORIGINAL_SEAL_PURPOSE, row.textOriginalSealed);
  // Stored before masking on the way in: the row itself is the original, if a read would mask it.
  return residentTextForStaff(row.text) === row.text ? null : row.text;
}

/** The originals the identity reveal shows: the report's text and each addition's, where masked. */
export async function originalTextsOf(
  txDeps: Deps,
  report: ReportRow,
): Promise<{ text: string | null; additions: { id: string; text: string }[] }> {
  const additions = [];
  for (const addition of await listAdditions(txDeps.db, report.id)) {
    const text = originalResidentText(txDeps.vault, addition);
    if (text !== null) additions.push({ id: addition.id, text });
  }
  return { text: originalResidentText(txDeps.vault, report), additions };
}

export type PassageChoice = { passage: string } | { start: number; end: number };

/**
 * Where to hide a passage a person chose: every occurrence of `passage`, or the one range.
 * Returns the ranges or a reason a person can act on.
 */
export function passageRanges(
  text: string,
  choice: PassageChoice,
): { ranges: { start: number; end: number }[] } | { problem: string } {
  if ("passage" in choice) {
    const passage = choice.passage.trim();
    if (!passage) return { problem: "passage: say which words to hide; it is empty." };
    const ranges: { start: number; end: number }[] = [];
    for (let at = text.indexOf(passage); at >= 0; at = text.indexOf(passage, at + passage.length))
      ranges.push({ start: at, end: at + passage.length });
    if (ranges.length === 0)
      return {
        problem:
          "passage: these words are not in the text as it stands (copy them exactly, as shown on the report).",
      };
    return { ranges };
  }
  if (choice.end <= choice.start) return { problem: "end: must be after start; nothing would be hidden." };
  if (choice.end > text.length) return { problem: `end: the text is only ${text.length} characters long.` };
  return { ranges: [{ start: choice.start, end: choice.end }] };
}

/** `text` with each range replaced by the passage marker. */
export function hidePassages(text: string, ranges: readonly { start: number; end: number }[]): string {
  let out = "";
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at) continue;
    out += text.slice(at, range.start) + PASSAGE_MARKER;
    at = range.end;
  }
  return out + text.slice(at);
}
