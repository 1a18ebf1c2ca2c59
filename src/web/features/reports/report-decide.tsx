// Deciding on one report: verify (correcting the guess where it was wrong), reject with a reason,
// mark as a duplicate of a proposed report, or reopen a decision. Only what the status allows is offered.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { canApply } from "../../../common/contracts/report-workflow.ts";
import type { ReportDetail } from "../../../common/contracts/reports.ts";
import { CATEGORY_CODES, URGENCY_LEVELS } from "../../../common/taxonomy.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { errorText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { PlaceFilter } from "./inbox-filters.tsx";
import { percent, StatusBadge } from "./report-bits.tsx";
import { type ReportAction, useReportAction } from "./report-queries.ts";
import {
  DEFAULT_NOT_FORWARD_REASON,
  type NotForwardReason,
  ResidentReasonField,
} from "./resident-reason.tsx";

function useDecision(report: ReportDetail) {
  const action = useReportAction();
  const send = (kind: ReportAction, body: Record<string, unknown>, after?: () => void) =>
    action.mutate({ id: report.id, action: kind, body }, { onSuccess: () => after?.() });
  return { action, send, errors: fieldErrorsOf(action.error) };
}

function VerifyForm({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const { action, send, errors } = useDecision(report);
  const [category, setCategory] = useState(report.category ?? "other");
  const [urgency, setUrgency] = useState(report.urgency ?? "routine");
  const [place, setPlace] = useState<{ id: string; name: string } | null>(null);
  const [notes, setNotes] = useState("");
  // Only what differs from what staff see now is sent: the rest is confirmed as it is.
  const changes = () => ({
    ...(category !== report.category && { category }),
    ...(urgency !== report.urgency && { urgency }),
    ...(place && { placeId: place.id }),
    ...(notes.trim() && { notes: notes.trim() }),
  });
  const verify = (event: FormEvent) => {
    event.preventDefault();
    send("verify", changes());
  };
  const canVerify = canApply("verify", report.status);
  return (
    <form onSubmit={verify} className="stack" noValidate>
      {canVerify ? <p>{t("inbox.detail.verifyIntro")}</p> : null}
      <SelectField
        label={t("inbox.detail.category")}
        value={category}
        onChange={setCategory}
        error={errors.category}
        options={CATEGORY_CODES.map((c, i) => ({
          value: c,
          label: `${i + 1}. ${t(`inbox.categories.${c}`)}`,
        }))}
      />
      <SelectField
        label={t("inbox.detail.urgency")}
        value={urgency}
        onChange={setUrgency}
        error={errors.urgency}
        options={URGENCY_LEVELS.map((u) => ({ value: u, label: t(`inbox.urgencies.${u}`) }))}
      />
      <PlaceFilter
        label={`${t("inbox.detail.place")}: ${report.place?.name ?? t("inbox.noPlace")}`}
        placeName={place?.name ?? ""}
        onChoose={setPlace}
      />
      <TextField label={t("inbox.detail.notes")} value={notes} onChange={setNotes} error={errors.notes} />
      {action.error ? <ErrorAlert>{errorText(t, action.error)}</ErrorAlert> : null}
      {action.isSuccess ? <SuccessNotice>{t("inbox.detail.saved")}</SuccessNotice> : null}
      <div className="button-row">
        {canVerify ? (
          <button type="submit" disabled={action.isPending}>
            {t("inbox.detail.verify")}
          </button>
        ) : null}
        <button
          type="button"
          className="button-secondary"
          disabled={action.isPending || Object.keys(changes()).filter((k) => k !== "notes").length === 0}
          onClick={() => send("correct", changes())}
        >
          {t("inbox.detail.saveCorrection")}
        </button>
      </div>
    </form>
  );
}

function ReasonForm({
  report,
  kind,
  title,
  intro,
  submitLabel,
}: {
  report: ReportDetail;
  kind: "reject" | "reopen";
  title: string;
  intro?: string;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { action, send, errors } = useDecision(report);
  const [reason, setReason] = useState("");
  const [residentReason, setResidentReason] = useState<NotForwardReason>(DEFAULT_NOT_FORWARD_REASON);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(kind, { reason: reason.trim(), ...(kind === "reject" && { residentReason }) }, () => setReason(""));
  };
  return (
    <form onSubmit={submit} className="stack" noValidate>
      <h3 className="subheading">{title}</h3>
      {intro ? <p>{intro}</p> : null}
      <TextField label={t("inbox.detail.reason")} value={reason} onChange={setReason} error={errors.reason} />
      {kind === "reject" ? (
        <ResidentReasonField
          value={residentReason}
          onChange={setResidentReason}
          reference={report.reference}
          locale={report.locale}
          error={errors.residentReason}
        />
      ) : null}
      {action.error && !errors.reason && !errors.residentReason ? (
        <ErrorAlert>{errorText(t, action.error)}</ErrorAlert>
      ) : null}
      <button
        type="submit"
        className={kind === "reject" ? "button-danger" : "button-secondary"}
        disabled={action.isPending}
      >
        {submitLabel}
      </button>
    </form>
  );
}

/** Proposed duplicates: never merged by the system, a person confirms each one. */
export function DuplicateProposals({ report, canDecide }: { report: ReportDetail; canDecide: boolean }) {
  const { t } = useTranslation();
  const { action, send } = useDecision(report);
  const offer = canDecide && canApply("duplicate", report.status);
  return (
    <section aria-labelledby="duplicates-heading" className="card">
      <h2 id="duplicates-heading">{t("inbox.detail.duplicates")}</h2>
      {report.duplicateCandidates.length === 0 ? (
        <p className="muted">{t("inbox.detail.noDuplicates")}</p>
      ) : (
        <ul className="plain-list duplicate-list">
          {report.duplicateCandidates.map((candidate) => (
            <li key={candidate.id}>
              <p>
                <Link to={`/reports/${candidate.id}`}>{candidate.reference}</Link>{" "}
                <StatusBadge status={candidate.status} />{" "}
                <span className="muted">
                  {t("inbox.detail.similarity", { value: percent(candidate.similarity) })} ·{" "}
                  {candidate.place?.name ?? t("inbox.noPlace")}
                </span>
              </p>
              <p className="report-excerpt">{candidate.excerpt}</p>
              {offer ? (
                <button
                  type="button"
                  className="button-secondary button-small"
                  disabled={action.isPending}
                  onClick={() => send("duplicate", { duplicateOfId: candidate.id })}
                >
                  {t("inbox.detail.markDuplicate", { reference: candidate.reference })}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {action.error ? <ErrorAlert>{errorText(t, action.error)}</ErrorAlert> : null}
    </section>
  );
}

export function DecidePanel({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  if (report.status === "new") return null;
  return (
    <section aria-labelledby="decide-heading" className="card">
      <h2 id="decide-heading">{t("inbox.detail.decide")}</h2>
      {canApply("correct", report.status) ? (
        <VerifyForm key={report.decisions.length} report={report} />
      ) : null}
      {canApply("reject", report.status) ? (
        <ReasonForm
          report={report}
          kind="reject"
          title={t("inbox.detail.rejectTitle")}
          submitLabel={t("inbox.confirmReject")}
        />
      ) : null}
      {canApply("reopen", report.status) ? (
        <ReasonForm
          report={report}
          kind="reopen"
          title={t("inbox.detail.reopenTitle")}
          intro={t("inbox.detail.reopenIntro")}
          submitLabel={t("inbox.detail.reopen")}
        />
      ) : null}
    </section>
  );
}
