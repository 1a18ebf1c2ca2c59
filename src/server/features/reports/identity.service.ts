// Revealing who reported: the one place a reporter's phone or name ever leaves the vault for staff.
// Only for staff holding `identity.reveal` who were personally trusted with it (canRevealIdentity)
// and are not police or government (by role or unit: src/common/conflict-of-interest.ts); always with
// a reason, always audited. The audit row keeps the reason and never the identity itself.
import type { RevealedIdentity } from "../../../common/contracts/reports.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, conflict, forbidden } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { PHONE_SEAL_PURPOSE } from "../messaging/outbox.service.ts";
import { actorOf } from "../users/users.service.ts";
import { originalTextsOf } from "./report-text.ts";
import { loadVisibleReport } from "./reports.policy.ts";
import { NAME_SEAL_PURPOSE } from "./reports.service.ts";

export function mayRevealIdentity(principal: Principal): boolean {
  return (
    principal.permissions.has("identity.reveal") &&
    principal.canRevealIdentity &&
    !principal.policeOrGovernment
  );
}

/** 403 unless the principal may see who reported; checked before anything else is looked at. */
export function requireIdentityReveal(principal: Principal): void {
  if (!mayRevealIdentity(principal))
    throw forbidden(
      "You are not allowed to see who reported. Only programme officers trusted with reporters' identities can, and never police or government (by role or by membership of a police station, chief's office or county inspectorate unit).",
    );
}

/** A reporter who did not agree to be contacted is revealed only when someone's safety is at risk. */
const SAFETY_REASON_MIN_CHARS = 30;

export async function revealIdentity(
  deps: Deps,
  principal: Principal,
  id: string,
  reason: string,
  safetyOverride = false,
): Promise<RevealedIdentity & { consentToContact: boolean }> {
  requireIdentityReveal(principal);
  return inTransaction(deps, async (tx) => {
    const report = await loadVisibleReport(tx.db, principal, id);
    if (!report.consentToContact) {
      if (!safetyOverride)
        throw conflict(
          "This reporter did not agree to be contacted. Reveal only if someone's life or safety is at risk: confirm that, and say what the risk is.",
        );
      if (reason.length < SAFETY_REASON_MIN_CHARS)
        throw badRequest("reason: say what the risk to life or safety is", [
          {
            path: "reason",
            message: `must describe the risk (at least ${SAFETY_REASON_MIN_CHARS} characters)`,
          },
        ]);
    }
    const phone = report.contactSealed ? tx.vault.decrypt(PHONE_SEAL_PURPOSE, report.contactSealed) : null;
    const name = report.contactNameSealed
      ? tx.vault.decrypt(NAME_SEAL_PURPOSE, report.contactNameSealed)
      : null;
    // What the resident typed about themselves into the text, hidden from staff until now.
    const texts = await originalTextsOf(tx, report);
    await recordAudit(tx, actorOf(principal), {
      // Its own action, so that reveals against the reporter's wish can be listed and reviewed.
      action: report.consentToContact ? "report.identity_reveal" : "report.identity_reveal_for_safety",
      entityType: "report",
      entityId: report.id,
      placePath: report.effectivePlacePath,
      after: {
        reason,
        revealedPhone: phone !== null,
        revealedName: name !== null,
        revealedText: texts.text !== null,
        revealedAdditions: texts.additions.length,
        consentToContact: report.consentToContact,
      },
    });
    return { phone, name, ...texts, consentToContact: report.consentToContact };
  });
}
