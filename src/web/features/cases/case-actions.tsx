// Acknowledge, start, resolve, close and record actions: only what the server says this reader
// may do now is offered. Resolving asks what was done; closing asks why nothing will be.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaseAction, CaseDetailView } from "../../../common/contracts/cases.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { ErrorAlert } from "../../ui/notices.tsx";
import { TextAreaField } from "./case-bits.tsx";
import { useRecordAction, useTransition } from "./case-queries.ts";

/** The actions that need words first open a small form; the others go in one tap. */
const NEEDS_WORDS: Partial<Record<CaseAction, "notes" | "reason">> = { resolve: "notes", close: "reason" };

export function CaseActions({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  const transition = useTransition(kase.id);
  const [pending, setPending] = useState<CaseAction | null>(null);
  const [words, setWords] = useState("");
  if (kase.allowedActions.length === 0) return null;
  const errors = fieldErrorsOf(transition.error);
  const go = (action: CaseAction) => {
    const field = NEEDS_WORDS[action];
    if (field && pending !== action) {
      setPending(action);
      setWords("");
      transition.reset();
      return;
    }
    const text = words.trim();
    transition.mutate(
      field === "reason"
        ? { action, reason: text }
        : field === "notes"
          ? { action, notes: text }
          : { action },
      { onSuccess: () => setPending(null) },
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) go(pending);
  };
  return (
    <section aria-labelledby="case-next" className="card">
      <h2 id="case-next">{t("cases.actions.title")}</h2>
      <div className="case-action-buttons">
        {kase.allowedActions.map((action) => (
          <button
            key={action}
            type="button"
            className={action === "close" ? "button-secondary" : undefined}
            disabled={transition.isPending}
            aria-expanded={NEEDS_WORDS[action] ? pending === action : undefined}
            onClick={() => go(action)}
          >
            {t(`cases.actions.${action}`)}
          </button>
        ))}
      </div>
      {pending ? (
        <form onSubmit={submit} noValidate>
          <TextAreaField
            label={pending === "close" ? t("cases.actions.reason") : t("cases.actions.outcome")}
            value={words}
            onChange={setWords}
            error={errors.reason ?? errors.notes}
            maxLength={pending === "close" ? 500 : 2000}
          />
          <button type="submit" disabled={transition.isPending}>
            {pending === "close" ? t("cases.actions.confirmClose") : t("cases.actions.confirmResolve")}
          </button>
        </form>
      ) : null}
      {transition.error ? (
        <ErrorAlert>{formAlertText(t, transition.error, ["notes", "reason"])}</ErrorAlert>
      ) : null}
    </section>
  );
}

export function RecordAction({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  const record = useRecordAction(kase.id);
  const [notes, setNotes] = useState("");
  if (!kase.canRecordAction) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(notes.trim(), { onSuccess: () => setNotes("") });
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="case-record">
      <h2 id="case-record">{t("cases.actions.record")}</h2>
      <TextAreaField
        label={t("cases.actions.recordNotes")}
        value={notes}
        onChange={setNotes}
        error={fieldErrorsOf(record.error).notes}
        maxLength={2000}
      />
      <button type="submit" disabled={record.isPending}>
        {t("cases.actions.recordButton")}
      </button>
      {record.error ? <ErrorAlert>{formAlertText(t, record.error, ["notes"])}</ErrorAlert> : null}
      {record.isSuccess ? <p role="status">{t("cases.actions.saved")}</p> : null}
    </form>
  );
}
