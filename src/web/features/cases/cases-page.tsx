// The responder's list: their cases with what is due, most pressing first, and what is new for
// them. Built for a phone: one column of cards, large touch targets.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CaseSummaryView } from "../../../common/contracts/cases.ts";
import { usePermissions } from "../../app/session.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { DueLine, useDateTime } from "./case-bits.tsx";
import {
  type CaseListView,
  useCaseList,
  useMarkNotificationsRead,
  useNotifications,
} from "./case-queries.ts";
import "../../styles/cards.css";
import "./cases.css";

function CaseCard({ kase }: { kase: CaseSummaryView }) {
  const { t } = useTranslation();
  const when = useDateTime();
  return (
    <li>
      <Link to={`/cases/${kase.id}`} className={`edge-card case-card case-card-${kase.urgency}`}>
        <span className="edge-card-top">
          <strong>{kase.number}</strong>
          <span className={`case-urgency case-urgency-${kase.urgency}`}>
            {t(`cases.urgencies.${kase.urgency}`)}
          </span>
        </span>
        <span>
          {t(`cases.categories.${kase.category}`)} · {kase.place?.name ?? t("cases.unknownPlace")}
        </span>
        <span className="case-status">{t(`cases.statuses.${kase.status}`)}</span>
        <DueLine kase={kase} />
        <span className="case-excerpt">{kase.excerpt}</span>
        <span className="muted">{t("cases.opened", { time: when(kase.openedAt) })}</span>
      </Link>
    </li>
  );
}

function NewForYou() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const items = notifications.data?.notifications ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="new-for-you" className="card case-notices">
      <h2 id="new-for-you">{t("cases.notifications.title")}</h2>
      <ul className="plain-list">
        {items.map((n) => (
          <li key={n.id}>
            <Link to={`/cases/${n.caseId}`}>{n.caseNumber}</Link>: {t(`cases.notifications.kinds.${n.kind}`)}
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button-secondary button-small"
        disabled={markRead.isPending}
        onClick={() => markRead.mutate(items.map((n) => n.id))}
      >
        {t("cases.notifications.markRead")}
      </button>
    </section>
  );
}

export function CasesPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  // Responders start with their unit's cases; programme staff with everything open in their areas.
  const [view, setView] = useState<CaseListView>(permissions.has("cases.manage") ? "active" : "mine");
  const list = useCaseList(view);
  const cases = list.data?.cases ?? [];
  return (
    <section aria-labelledby="page-title" className="cases-page">
      <PageTitle>{t("cases.title")}</PageTitle>
      {permissions.has("cases.manage") ? (
        <p>
          <Link to="/cases/metrics">{t("cases.metricsLink")}</Link>
        </p>
      ) : null}
      <NewForYou />
      <fieldset className="case-views">
        <legend>{t("cases.viewsLabel")}</legend>
        {(["mine", "active", "finished"] as const).map((key) => (
          <label key={key} className={view === key ? "case-view case-view-current" : "case-view"}>
            <input
              type="radio"
              name="case-view"
              value={key}
              checked={view === key}
              onChange={() => setView(key)}
            />
            {t(`cases.views.${key}`)}
          </label>
        ))}
      </fieldset>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
      {list.isSuccess ? (
        <p className="muted" aria-live="polite">
          {cases.length === 0 ? t("cases.none") : t("cases.count", { count: cases.length })}
        </p>
      ) : null}
      <ul className="edge-card-list case-list">
        {cases.map((kase) => (
          <CaseCard key={kase.id} kase={kase} />
        ))}
      </ul>
    </section>
  );
}
