// One report: what the resident wrote (evidence marked), the triage guess, possible duplicates,
// the decision history, the decisions staff may take, and, for the few trusted with it, the reporter.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { POLICE_OR_GOVERNMENT_ROLES } from "../../../common/conflict-of-interest.ts";
import type { EvidenceView, ReportDetail } from "../../../common/contracts/reports.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import { useCurrentUser, usePermissions } from "../../app/session.ts";
import { errorText } from "../../ui/error-text.ts";
import { CheckboxField, TextField } from "../../ui/fields.tsx";
import { HiddenIdentityNote } from "../../ui/hidden-identity.tsx";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import "./inbox.css";
import {
  HighlightedText,
  percent,
  StatusBadge,
  UrgencyBadge,
  useCategoryName,
  useDateTime,
} from "./report-bits.tsx";
import { DecidePanel, DuplicateProposals } from "./report-decide.tsx";
import { useReport, useRevealIdentity } from "./report-queries.ts";
import { RedactPanel } from "./report-redact.tsx";

function Summary({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const dateTime = useDateTime();
  return (
    <dl className="report-summary">
      <dt>{t("inbox.detail.status")}</dt>
      <dd>
        <StatusBadge status={report.status} />
        {report.duplicateOf ? (
          <>
            {" "}
            {t("inbox.detail.duplicateOf")}{" "}
            <Link to={`/reports/${report.duplicateOf.id}`}>{report.duplicateOf.reference}</Link>
          </>
        ) : null}
      </dd>
      <dt>{t("inbox.detail.urgency")}</dt>
      <dd>
        <UrgencyBadge urgency={report.urgency} />
      </dd>
      <dt>{t("inbox.detail.category")}</dt>
      <dd>{categoryName(report.category)}</dd>
      <dt>{t("inbox.detail.place")}</dt>
      <dd>{report.place?.name ?? t("inbox.noPlace")}</dd>
      <dt>{t("inbox.detail.channel")}</dt>
      <dd>{t(`inbox.channels.${report.channel}`)}</dd>
      <dt>{t("inbox.detail.received")}</dt>
      <dd>{dateTime(report.receivedAt)}</dd>
      <dt>{t("inbox.detail.occurred")}</dt>
      <dd>{report.occurredAt ? dateTime(report.occurredAt) : t("inbox.detail.unknown")}</dd>
    </dl>
  );
}

function ResidentText({ report, canDecide }: { report: ReportDetail; canDecide: boolean }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const categoryName = useCategoryName();
  const evidence = report.guess?.evidence ?? [];
  const { resident } = report;
  return (
    <section aria-labelledby="text-heading" className="card">
      <h2 id="text-heading">{t("inbox.detail.text")}</h2>
      {report.textMasked ? <HiddenIdentityNote /> : null}
      <p className="report-full-text">
        <HighlightedText text={report.text} evidence={evidence} />
      </p>
      {report.additions.length > 0 ? (
        <h3 className="subheading">
          {t("inbox.detail.additionsHeading", { count: report.additions.length })}
        </h3>
      ) : null}
      {report.additions.map((addition) => (
        <div key={addition.id} className="report-addition">
          <p className="muted">
            {t("inbox.detail.added", {
              time: dateTime(addition.receivedAt),
              channel: t(`inbox.channels.${addition.channel}`),
            })}
          </p>
          <p className="report-full-text">
            <HighlightedText text={addition.text} evidence={evidence} source={addition.id} />
          </p>
        </div>
      ))}
      {resident.category || resident.urgency || resident.place || resident.placeText ? (
        <>
          <h3 className="subheading">{t("inbox.detail.resident")}</h3>
          <p>
            {[
              resident.category ? categoryName(resident.category) : null,
              resident.urgency ? t(`inbox.urgencies.${resident.urgency}`) : null,
              resident.place?.name,
              resident.placeText ? `${t("inbox.detail.residentPlaceText")}: “${resident.placeText}”` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </>
      ) : null}
      {canDecide ? <RedactPanel report={report} /> : null}
    </section>
  );
}

/** The same word can back several labels; each is listed once. */
function distinctEvidence(evidence: readonly EvidenceView[]): EvidenceView[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.kind}|${e.label}|${e.term.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function Guess({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const dateTime = useDateTime();
  const { guess } = report;
  return (
    <section aria-labelledby="guess-heading" className="card">
      <h2 id="guess-heading">{t("inbox.detail.guess")}</h2>
      {guess ? (
        <>
          <p>
            <strong>{categoryName(guess.category)}</strong> (
            {t("inbox.detail.confidence", { value: percent(guess.categoryConfidence) })}) ·{" "}
            <UrgencyBadge urgency={guess.urgency} /> · {guess.place?.name ?? t("inbox.noPlace")}
          </p>
          <h3 className="subheading">{t("inbox.detail.evidence")}</h3>
          {guess.evidence.length === 0 ? <p className="muted">{t("inbox.detail.noEvidence")}</p> : null}
          <ul className="chips">
            {distinctEvidence(guess.evidence).map((e) => (
              <li key={`${e.kind}|${e.label}|${e.term}`} className={`chip evidence-${e.kind}`}>
                “{e.term}” <span className="muted">{t(`inbox.evidenceKinds.${e.kind}`)}</span>
              </li>
            ))}
          </ul>
          <p className="muted">
            {t("inbox.detail.engine", { version: guess.engineVersion, time: dateTime(guess.createdAt) })}
          </p>
          {report.guessHistory.length > 0 ? (
            <details>
              <summary>{t("inbox.detail.earlierGuesses")}</summary>
              <ul className="plain-list">
                {report.guessHistory.map((old) => (
                  <li key={old.createdAt + old.category}>
                    {dateTime(old.createdAt)}: {categoryName(old.category)} ·{" "}
                    {t(`inbox.urgencies.${old.urgency}`)} · {old.place?.name ?? t("inbox.noPlace")}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : (
        <p className="muted">{t("inbox.detail.noGuess")}</p>
      )}
    </section>
  );
}

function History({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const categoryName = useCategoryName();
  const dateTime = useDateTime();
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">{t("inbox.detail.history")}</h2>
      {report.decisions.length === 0 ? (
        <p className="muted">{t("inbox.detail.noHistory")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("inbox.detail.when")}</th>
                <th scope="col">{t("inbox.detail.who")}</th>
                <th scope="col">{t("inbox.detail.action")}</th>
                <th scope="col">{t("inbox.detail.details")}</th>
              </tr>
            </thead>
            <tbody>
              {report.decisions.map((d) => (
                <tr key={d.id}>
                  <td>{dateTime(d.decidedAt)}</td>
                  <td>{d.decidedBy}</td>
                  <td>{t(`inbox.detail.actions.${d.action}`)}</td>
                  <td>
                    {[
                      d.category ? categoryName(d.category) : null,
                      d.urgency ? t(`inbox.urgencies.${d.urgency}`) : null,
                      d.place?.name,
                      d.duplicateOf ? `${t("inbox.detail.duplicateOf")} ${d.duplicateOf.reference}` : null,
                      d.reason ? `${t("inbox.detail.reason")}: ${d.reason}` : null,
                      d.notes ? `${t("inbox.detail.notes")}: ${d.notes}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Reporter({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const permissions = usePermissions();
  const reveal = useRevealIdentity(report.id);
  const [reason, setReason] = useState("");
  const [safetyOverride, setSafetyOverride] = useState(false);
  const mayReveal =
    permissions.has("identity.reveal") &&
    user.canRevealIdentity &&
    !user.roles.some((role) => POLICE_OR_GOVERNMENT_ROLES.includes(role));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reveal.mutate({ reason: reason.trim(), safetyOverride: !report.consentToContact && safetyOverride });
  };
  const identity = reveal.data?.identity;
  return (
    <section aria-labelledby="reporter-heading" className="card">
      <h2 id="reporter-heading">{t("inbox.detail.reporter")}</h2>
      <p>{report.hasContact ? t("inbox.detail.contactSealed") : t("inbox.detail.noContact")}</p>
      {report.hasContact ? (
        <p>{report.consentToContact ? t("inbox.detail.consentYes") : t("inbox.detail.consentNo")}</p>
      ) : null}
      {(report.hasContact || report.textMasked) && mayReveal && !identity ? (
        <form onSubmit={submit} className="stack" noValidate>
          <h3 className="subheading">{t("inbox.detail.revealTitle")}</h3>
          <TextField
            label={t("inbox.detail.revealReason")}
            hint={t("inbox.detail.revealHint")}
            value={reason}
            onChange={setReason}
            error={fieldErrorsOf(reveal.error).reason}
          />
          {report.consentToContact ? null : (
            <CheckboxField
              label={t("inbox.detail.safetyOverride")}
              hint={t("inbox.detail.safetyHint")}
              checked={safetyOverride}
              onChange={setSafetyOverride}
            />
          )}
          {reveal.error && !fieldErrorsOf(reveal.error).reason ? (
            <ErrorAlert>{errorText(t, reveal.error)}</ErrorAlert>
          ) : null}
          <button type="submit" className="button-secondary" disabled={reveal.isPending}>
            {t("inbox.detail.reveal")}
          </button>
        </form>
      ) : null}
      {identity ? (
        <dl className="report-summary">
          <dt>{t("inbox.detail.phone")}</dt>
          <dd>{identity.phone ?? t("inbox.detail.notGiven")}</dd>
          <dt>{t("inbox.detail.name")}</dt>
          <dd>{identity.name ?? t("inbox.detail.notGiven")}</dd>
          {identity.text ? (
            <>
              <dt>{t("inbox.detail.originalText")}</dt>
              <dd className="report-full-text">{identity.text}</dd>
            </>
          ) : null}
          {identity.additions.map((addition) => (
            <div key={addition.id}>
              <dt>{t("inbox.detail.originalAddition")}</dt>
              <dd className="report-full-text">{addition.text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </section>
  );
}

export function ReportDetailPage() {
  const { t } = useTranslation();
  const { reportId = "" } = useParams();
  const query = useReport(reportId);
  const canDecide = usePermissions().has("reports.triage");
  const report = query.data?.report;
  return (
    <>
      <p>
        <Link to="/reports">{t("inbox.detail.back")}</Link>
      </p>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <LoadError error={query.error} retry={() => void query.refetch()} /> : null}
      {report ? (
        <article className="report-detail">
          <PageTitle>{t("inbox.detail.title", { reference: report.reference })}</PageTitle>
          <Summary report={report} />
          <ResidentText report={report} canDecide={canDecide} />
          <Guess report={report} />
          {canDecide ? <DecidePanel report={report} /> : null}
          <DuplicateProposals report={report} canDecide={canDecide} />
          <History report={report} />
          <Reporter report={report} />
        </article>
      ) : null}
    </>
  );
}
