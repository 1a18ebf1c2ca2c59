// Small pieces the case pages share: dates in the reader's language, the due line, a text area.
import { type TextareaHTMLAttributes, useId } from "react";
import { useTranslation } from "react-i18next";
import type { CaseSummaryView } from "../../../common/contracts/cases.ts";

export function useDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage, { dateStyle: "medium", timeStyle: "short" });
  return (iso) => format.format(new Date(iso));
}

/** What is owed next and by when; overdue is said in words, not by colour alone. */
export function DueLine({ kase }: { kase: CaseSummaryView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  if (!kase.due) return null;
  return (
    <p className={kase.due.overdue ? "case-due case-due-overdue" : "case-due"}>
      {kase.due.overdue ? <strong>{t("cases.due.overdue")}: </strong> : null}
      {t(`cases.due.${kase.due.kind}`, { time: when(kase.due.at) })}
      {kase.escalationLevel > 0 ? <> · {t("cases.escalated", { level: kase.escalationLevel })}</> : null}
    </p>
  );
}

interface TextAreaFieldProps
  extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "value" | "onChange"> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

export function TextAreaField({ label, value, onChange, error, ...native }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        {...native}
        id={id}
        value={value}
        rows={native.rows ?? 3}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
