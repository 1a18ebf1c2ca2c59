// The next step on an alert. Only the moves the lifecycle allows are offered; the server refuses the
// rest with a message (someone else may have moved the alert meanwhile).
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AlertView } from "../../../common/contracts/alerts.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { errorText } from "../../ui/error-text.ts";
import { TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useMoveAlert } from "./alert-queries.ts";

export function AlertActions({ alert }: { alert: AlertView }) {
  const { t } = useTranslation();
  const move = useMoveAlert(alert.id);
  const [note, setNote] = useState("");
  const [reason, setReason] = useState("");
  const fields = fieldErrorsOf(move.error);
  if (alert.status !== "new" && alert.status !== "acknowledged")
    return move.isSuccess ? <SuccessNotice>{t("alerts.actions.done")}</SuccessNotice> : null;

  const dismiss = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ action: "dismiss", reason });
  };
  const action = (event: FormEvent) => {
    event.preventDefault();
    move.mutate({ action: "action", note });
  };
  return (
    <section className="card alert-actions" aria-labelledby="alert-actions-title">
      <h2 id="alert-actions-title" className="subheading">
        {t("alerts.actions.title")}
      </h2>
      {move.error && Object.keys(fields).length === 0 ? (
        <ErrorAlert>{errorText(t, move.error)}</ErrorAlert>
      ) : null}
      {move.isSuccess ? <SuccessNotice>{t("alerts.actions.done")}</SuccessNotice> : null}
      {alert.status === "new" ? (
        <div className="field">
          <button
            type="button"
            disabled={move.isPending}
            onClick={() => move.mutate({ action: "acknowledge" })}
          >
            {move.isPending ? t("alerts.actions.saving") : t("alerts.actions.acknowledge")}
          </button>
          <p className="hint">{t("alerts.actions.acknowledgeHint")}</p>
        </div>
      ) : (
        <form onSubmit={action} noValidate>
          <TextField
            label={t("alerts.actions.actionNote")}
            hint={t("alerts.actions.actionNoteHint")}
            value={note}
            onChange={setNote}
            error={fields.note}
            maxLength={1000}
          />
          <button type="submit" disabled={move.isPending}>
            {t("alerts.actions.action")}
          </button>
        </form>
      )}
      <form onSubmit={dismiss} noValidate>
        <TextField
          label={t("alerts.actions.dismissReason")}
          hint={t("alerts.actions.dismissHint")}
          value={reason}
          onChange={setReason}
          error={fields.reason}
          maxLength={1000}
        />
        <button type="submit" className="button-secondary" disabled={move.isPending}>
          {t("alerts.actions.dismiss")}
        </button>
      </form>
    </section>
  );
}
