// Small shared pieces of the referral pages: how a person and a type are named.
import type { TFunction } from "i18next";
import type { ReferralSummary } from "../../../common/contracts/referrals.ts";

/** A registered participant by code only; someone not registered by the name the referrer gave. */
export function personLabel(t: TFunction, person: ReferralSummary["person"]): string {
  if (person.participantCode) return t("referrals.registered", { code: person.participantCode });
  return person.name ?? "—";
}

export function typeLabel(t: TFunction, r: Pick<ReferralSummary, "type" | "subtype">): string {
  const type = t(`referrals.types.${r.type}`);
  return r.subtype ? `${type}: ${t(`referrals.subtypes.${r.subtype}`)}` : type;
}

/** A count key from the server ("reintegration_support.returnee") as its label key. */
export function typeKeyLabel(t: TFunction, key: string): string {
  return t(`referrals.typeKeys.${key.replace("reintegration_support.", "reintegration_")}`);
}
