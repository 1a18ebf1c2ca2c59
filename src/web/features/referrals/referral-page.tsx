// One referral, for its referrer or its counsellor: the person, why, the status, follow-ups and the
// next date. Anyone else gets "not found" from the server.
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { ReferralView } from "../../../common/contracts/referrals.ts";
import { LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { FollowUpForm, Reassign, StatusActions } from "./referral-actions.tsx";
import { personLabel, typeLabel } from "./referral-bits.tsx";
import { useReferral } from "./referral-queries.ts";
import "./referrals.css";

function Facts({ referral }: { referral: ReferralView }) {
  const { t } = useTranslation();
  const { person } = referral;
  return (
    <dl className="facts">
      <div>
        <dt>{t("referrals.type")}</dt>
        <dd>{typeLabel(t, referral)}</dd>
      </div>
      <div>
        <dt>{t("referrals.person")}</dt>
        <dd>
          {personLabel(t, person)}
          {person.phone ? ` · ${person.phone}` : ""} · {t(`programmes.genders.${person.gender}`)} ·{" "}
          {t(`programmes.ageBands.${person.ageBand}`)} · {referral.placeName}
        </dd>
      </div>
      <div>
        <dt>{t("referrals.reason")}</dt>
        <dd className="preserve-lines">{referral.reason}</dd>
      </div>
      {referral.notes ? (
        <div>
          <dt>{t("referrals.notes")}</dt>
          <dd className="preserve-lines">{referral.notes}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t("referrals.referrer")}</dt>
        <dd>
          {referral.referrer.name} · {t("referrals.referredOn", { date: referral.referredOn })}
        </dd>
      </div>
      <div>
        <dt>{t("referrals.counsellor")}</dt>
        <dd>{referral.counsellor.name}</dd>
      </div>
      <div>
        <dt>{t("referrals.project")}</dt>
        <dd>{referral.projectName}</dd>
      </div>
    </dl>
  );
}

export function ReferralPage() {
  const { t } = useTranslation();
  const { referralId = "" } = useParams();
  const query = useReferral(referralId);
  const made = (useLocation().state as { made?: boolean } | null)?.made;
  if (query.isPending) return <Loading />;
  if (query.isError) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  const r = query.data.referral;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <nav aria-label={t("programmes.breadcrumbs")} className="breadcrumbs">
        <Link to="/referrals">{t("referrals.back")}</Link>
      </nav>
      <PageTitle>{personLabel(t, r.person)}</PageTitle>
      {made ? <SuccessNotice>{t("referrals.made")}</SuccessNotice> : null}
      <section aria-labelledby="referral-status" className="card">
        <h2 id="referral-status">
          {t("referrals.status")}: {t(`referrals.statuses.${r.status}`)}
        </h2>
        {r.statusReason ? (
          <p>
            {t("referrals.statusReason")}: {r.statusReason}
          </p>
        ) : null}
        <p>
          {r.followUpDue ? <strong className="referral-due-badge">{t("referrals.due")} · </strong> : null}
          {r.nextFollowUpOn
            ? `${t("referrals.nextFollowUp")}: ${r.nextFollowUpOn}`
            : t("referrals.noNextFollowUp")}
        </p>
        <StatusActions referral={r} />
      </section>
      <section aria-labelledby="referral-facts" className="card">
        <h2 id="referral-facts">{t("referrals.person")}</h2>
        <Facts referral={r} />
      </section>
      <section aria-labelledby="referral-follow-ups" className="card">
        <h2 id="referral-follow-ups">{t("referrals.followUps")}</h2>
        {r.followUps.length === 0 ? <p className="muted">{t("referrals.noFollowUps")}</p> : null}
        <ul className="plain-list">
          {r.followUps.map((f) => (
            <li key={f.id}>
              <strong>{f.heldOn}</strong> <span className="preserve-lines">{f.note}</span>{" "}
              <span className="muted">· {t("referrals.recordedBy", { name: f.recordedBy.name })}</span>
            </li>
          ))}
        </ul>
        <FollowUpForm referral={r} today={today} />
      </section>
      <Reassign referral={r} projectId={r.projectId} />
    </>
  );
}
