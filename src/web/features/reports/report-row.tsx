// One report in the inbox: urgency, category, place, age, the text with its evidence marked, and
// the two everyday actions. The reject form opens in place, so the reason is typed without leaving.
import { type FormEvent, forwardRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReportListItem } from "../../../common/contracts/reports.ts";
import {
  HighlightedText,
  percent,
  StatusBadge,
  UrgencyBadge,
  useCategoryName,
  useDateTime,
} from "./report-bits.tsx";

interface ReportRowProps {
  report: ReportListItem;
  current: boolean;
  selected: boolean;
  canDecide: boolean;
  rejecting: boolean;
  busy: boolean;
  onFocusRow: () => void;
  onToggleSelect: () => void;
  onVerify: () => void;
  onStartReject: () => void;
  onReject: (reason: string) => void;
  onCancelReject: () => void;
}

function RejectForm({
  reference,
  busy,
  onReject,
  onCancel,
}: {
  reference: string;
  busy: boolean;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onReject(reason.trim());
  };
  return (
    <form className="inline-form" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onCancel()}>
      <label>
        {t("inbox.rejectReason", { reference })}
        {/* biome-ignore lint/a11y/noAutofocus: the r key opened this form to type the reason at once */}
        <input value={reason} onChange={(e) => setReason(e.target.value)} autoFocus required minLength={3} />
      </label>
      <button
        type="submit"
        className="button-danger button-small"
        disabled={busy || reason.trim().length < 3}
      >
        {t("inbox.confirmReject")}
      </button>
      <button type="button" className="button-secondary button-small" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </form>
  );
}

export const ReportRow = forwardRef<HTMLLIElement, ReportRowProps>(function ReportRow(props, ref) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const dateTime = useDateTime();
  const { report } = props;
  const decidable = props.canDecide && report.status === "triaged";
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the whole inbox is keyboard-driven (j/k); clicking only moves the cursor
    <li
      ref={ref}
      tabIndex={-1}
      className={`report-row${props.current ? " current" : ""}${report.urgency === "emergency" ? " is-emergency" : ""}`}
      aria-current={props.current ? "true" : undefined}
      data-reference={report.reference}
      onClick={props.onFocusRow}
    >
      <input
        type="checkbox"
        checked={props.selected}
        onChange={props.onToggleSelect}
        aria-label={t("inbox.select", { reference: report.reference })}
      />
      <div className="report-row-main">
        <div className="report-row-head">
          <UrgencyBadge urgency={report.urgency} />
          <strong className="report-category">{categoryName(report.category)}</strong>
          <span>{report.place?.name ?? t("inbox.noPlace")}</span>
          <Link to={`/reports/${report.id}`} aria-label={t("inbox.open", { reference: report.reference })}>
            {report.reference}
          </Link>
          <span className="muted">
            {t("inbox.received", { time: dateTime(report.receivedAt) })} ·{" "}
            {t(`inbox.channels.${report.channel}`)}
          </span>
          <StatusBadge status={report.status} />
        </div>
        <p className="report-excerpt">
          <HighlightedText text={report.excerpt} evidence={report.guess?.evidence ?? []} />
          {report.textLength > report.excerpt.length ? "…" : ""}
        </p>
        <p className="muted report-row-meta">
          {report.guess
            ? t("inbox.guess", {
                category: categoryName(report.guess.category),
                confidence: percent(report.guess.categoryConfidence),
              })
            : null}
          {report.decidedAt ? ` · ${t("inbox.decided")}` : ""}
          {report.additionsCount > 0 ? ` · ${t("inbox.additions", { count: report.additionsCount })}` : ""}
          {report.hasContact ? ` · ${t("inbox.contactLeft")}` : ""}
        </p>
        {props.rejecting ? (
          <RejectForm
            reference={report.reference}
            busy={props.busy}
            onReject={props.onReject}
            onCancel={props.onCancelReject}
          />
        ) : null}
      </div>
      {decidable ? (
        <div className="report-row-actions">
          <button type="button" className="button-small" disabled={props.busy} onClick={props.onVerify}>
            {t("inbox.verify")}
          </button>
          <button type="button" className="button-secondary button-small" onClick={props.onStartReject}>
            {t("inbox.reject")}
          </button>
        </div>
      ) : null}
    </li>
  );
});
