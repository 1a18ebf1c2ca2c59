// Programme staff see what each contactable reporter is told, and approve, reword or drop the
// messages held back because the case is sensitive.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseDetailView, CaseFeedbackView } from "../../../common/contracts/cases.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { ErrorAlert } from "../../ui/notices.tsx";
import { TextAreaField } from "./case-bits.tsx";
import { useDecideFeedback } from "./case-queries.ts";

function HeldMessage({ caseId, feedback }: { caseId: string; feedback: CaseFeedbackView }) {
  const { t } = useTranslation();
  const decide = useDecideFeedback(caseId);
  const [body, setBody] = useState(feedback.body);
  return (
    <div>
      <TextAreaField
        label={t("cases.feedback.wording")}
        value={body}
        onChange={setBody}
        maxLength={306}
        error={fieldErrorsOf(decide.error).body}
      />
      <div className="case-action-buttons">
        <button
          type="button"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ feedbackId: feedback.id, send: true, body: body.trim() })}
        >
          {t("cases.feedback.send")}
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={decide.isPending}
          onClick={() => decide.mutate({ feedbackId: feedback.id, send: false })}
        >
          {t("cases.feedback.drop")}
        </button>
      </div>
      {decide.error ? <ErrorAlert>{formAlertText(t, decide.error, ["body"])}</ErrorAlert> : null}
    </div>
  );
}

export function CaseFeedback({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  if (!kase.canManage) return null;
  return (
    <section aria-labelledby="case-feedback" className="card">
      <h2 id="case-feedback">{t("cases.feedback.title")}</h2>
      <p className="muted">{t("cases.feedback.intro")}</p>
      {kase.feedback.length === 0 ? <p>{t("cases.feedback.none")}</p> : null}
      <ul className="case-feedback-list">
        {kase.feedback.map((f) => (
          <li key={f.id}>
            <p>
              <strong>{t("cases.report", { reference: f.reference })}</strong> · {t(`language.${f.locale}`)} ·{" "}
              {t(`cases.feedback.statuses.${f.status}`)}
            </p>
            {f.status === "pending_approval" ? (
              <HeldMessage caseId={kase.id} feedback={f} />
            ) : (
              <blockquote>{f.body}</blockquote>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
