// One case on a phone: what happened and where (never who reported), what is due, what to do
// next, who is working on it and why, and the timeline.
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { CaseDetailView } from "../../../common/contracts/cases.ts";
import { AttachmentsPanel } from "../../ui/attachments.tsx";
import { HiddenIdentityNote, hasHiddenIdentity } from "../../ui/hidden-identity.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { CaseActions, RecordAction } from "./case-actions.tsx";
import { DueLine, useDateTime } from "./case-bits.tsx";
import { CaseFeedback } from "./case-feedback.tsx";
import { caseKeys, useCase } from "./case-queries.ts";
import "../../styles/cards.css";
import "./cases.css";

function Reports({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <section aria-labelledby="case-reported" className="card">
      <h2 id="case-reported">{t("cases.reported")}</h2>
      {kase.reports.map((report, index) => (
        // Reports carry no id for responders, so their order is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders while shown
        <article key={index} className="case-report">
          {report.reference ? (
            <p className="muted">{t("cases.report", { reference: report.reference })}</p>
          ) : null}
          <p className="case-report-text">{report.text}</p>
          {report.additions.map((addition, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: additions are append-only
            <p key={i} className="case-report-addition">
              <span className="muted">{t("cases.addedLater")}: </span>
              {addition}
            </p>
          ))}
          <p className="muted">
            {t("cases.received", {
              time: when(report.receivedAt),
              channel: t(`cases.channels.${report.channel}`),
            })}
          </p>
        </article>
      ))}
      <p className="muted">{t("cases.identityNote")}</p>
      {hasHiddenIdentity(...kase.reports.flatMap((r) => [r.text, ...r.additions])) ? (
        <HiddenIdentityNote />
      ) : null}
    </section>
  );
}

function Units({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="case-units" className="card">
      <h2 id="case-units">{t("cases.units")}</h2>
      <ul className="plain-list">
        {kase.assignments.map((unit) => (
          <li key={unit.unitId}>
            <strong>{unit.unitName}</strong>
            {unit.reasons.length === 0 ? <span className="muted"> · {t("cases.byHand")}</span> : null}
            {unit.reasons.map((reason) => (
              <p key={reason.ruleId} className="muted">
                {t("cases.why", {
                  rule: reason.ruleName,
                  matched: reason.matched.join(", "),
                  area: reason.unitAreaPath,
                  level: t(`cases.levels.${reason.unitPlaceLevel}`),
                })}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Timeline({ kase }: { kase: CaseDetailView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  const queryClient = useQueryClient();
  return (
    <section aria-labelledby="case-timeline" className="card">
      <h2 id="case-timeline">{t("cases.timeline")}</h2>
      <ol className="case-timeline">
        {kase.timeline.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{when(event.at)}</time> ·{" "}
            <strong>{t(`cases.events.${event.kind}`)}</strong> · <span className="muted">{event.actor}</span>
            {event.notes ? <p className="case-event-notes">{event.notes}</p> : null}
            {event.kind === "action" || event.attachments.length > 0 ? (
              <AttachmentsPanel
                path={`/api/case-events/${event.id}/attachments`}
                canChange={kase.canRecordAction && event.kind === "action"}
                initial={event.attachments}
                onChanged={() => void queryClient.invalidateQueries({ queryKey: caseKeys.detail(kase.id) })}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = "" } = useParams();
  const query = useCase(caseId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  const kase = query.data.case;
  return (
    <section aria-labelledby="page-title" className="case-page">
      <p>
        <Link to="/cases">← {t("cases.back")}</Link>
      </p>
      <PageTitle>{kase.number}</PageTitle>
      <p className="edge-card-top">
        <span className={`case-urgency case-urgency-${kase.urgency}`}>
          {t(`cases.urgencies.${kase.urgency}`)}
        </span>
        <span className="case-status">{t(`cases.statuses.${kase.status}`)}</span>
      </p>
      <p>
        {t(`cases.categories.${kase.category}`)} · {kase.place?.name ?? t("cases.unknownPlace")}
      </p>
      {kase.conflictOfInterest ? <p className="notice notice-warning">{t("cases.conflict")}</p> : null}
      <DueLine kase={kase} />
      {kase.closeReason ? (
        <p>
          <strong>{t("cases.closeReason")}:</strong> {kase.closeReason}
        </p>
      ) : null}
      <CaseActions kase={kase} />
      <RecordAction kase={kase} />
      <Reports kase={kase} />
      <Units kase={kase} />
      <CaseFeedback kase={kase} />
      <Timeline kase={kase} />
    </section>
  );
}
