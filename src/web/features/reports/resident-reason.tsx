// "What the resident is told" when staff reject a report: one of a fixed list of reasons, shown with
// the exact words the resident will get (the one catalogue of src/common/messages.ts). The staff
// reason typed next to it is for staff only and never reaches the resident.
import { useTranslation } from "react-i18next";
import {
  DEFAULT_NOT_FORWARD_REASON,
  isNotForwardReason,
  NOT_FORWARD_REASONS,
  type NotForwardReason,
} from "../../../common/contracts/report-workflow.ts";
import { statusMessage } from "../../../common/messages.ts";
import { RESIDENT_STATUS_OF_NOT_FORWARD } from "../../../common/resident-status.ts";
import type { Locale } from "../../../common/taxonomy.ts";
import { isLocale } from "../../i18n/setup.ts";
import { SelectField } from "../../ui/fields.tsx";

export { DEFAULT_NOT_FORWARD_REASON, type NotForwardReason };

export function ResidentReasonField({
  value,
  onChange,
  reference,
  locale,
  error,
}: {
  value: NotForwardReason;
  onChange: (reason: NotForwardReason) => void;
  /** The report's code, or an example code when several reports are rejected at once. */
  reference: string;
  /** The resident's language when known (one report), else the staff member's. */
  locale?: string | undefined;
  error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language: Locale = isLocale(locale)
    ? locale
    : isLocale(i18n.resolvedLanguage)
      ? i18n.resolvedLanguage
      : "en";
  const wording = statusMessage(language, reference, RESIDENT_STATUS_OF_NOT_FORWARD[value]);
  return (
    <SelectField
      label={t("inbox.residentReason.label")}
      value={value}
      onChange={(next) => {
        if (isNotForwardReason(next)) onChange(next);
      }}
      error={error}
      hint={t("inbox.residentReason.hint", { wording })}
      options={NOT_FORWARD_REASONS.map((reason) => ({
        value: reason,
        label: t(`inbox.residentReason.${reason}`),
      }))}
    />
  );
}
