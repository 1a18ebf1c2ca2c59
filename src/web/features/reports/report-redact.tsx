// "Hide a passage": triage staff hide words the automatic masking missed (a nickname, a house, a
// witness's name) before the report goes further. The server replaces them with "[passage hidden]",
// keeps the original sealed for the audited reveal, and records where and how much was hidden.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportDetail } from "../../../common/contracts/reports.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { errorText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useDateTime } from "./report-bits.tsx";
import { useRedactPassage } from "./report-queries.ts";

export function RedactPanel({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const redact = useRedactPassage(report.id);
  const [passage, setPassage] = useState("");
  const [part, setPart] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    redact.mutate(part ? { passage, additionId: part } : { passage }, { onSuccess: () => setPassage("") });
  };
  const errors = fieldErrorsOf(redact.error);
  return (
    <details className="redact-panel">
      <summary>{t("inbox.detail.redactTitle")}</summary>
      <form onSubmit={submit} className="stack" noValidate>
        <p className="muted">{t("inbox.detail.redactHint")}</p>
        <TextField
          label={t("inbox.detail.redactPassage")}
          value={passage}
          onChange={setPassage}
          error={errors.passage ?? errors.end}
        />
        {report.additions.length > 0 ? (
          <SelectField
            label={t("inbox.detail.redactIn")}
            value={part}
            onChange={setPart}
            options={[
              { value: "", label: t("inbox.detail.redactInText") },
              ...report.additions.map((a) => ({
                value: a.id,
                label: t("inbox.detail.redactInAddition", { time: dateTime(a.receivedAt) }),
              })),
            ]}
          />
        ) : null}
        {redact.error && !errors.passage && !errors.end ? (
          <ErrorAlert>{errorText(t, redact.error)}</ErrorAlert>
        ) : null}
        {redact.isSuccess ? <SuccessNotice>{t("inbox.detail.redacted")}</SuccessNotice> : null}
        <button type="submit" className="button-secondary" disabled={redact.isPending}>
          {t("inbox.detail.redactSubmit")}
        </button>
      </form>
    </details>
  );
}
