// My referrals: those I made and those made to me as counsellor, follow-ups due first.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ReferralSummary } from "../../../common/contracts/referrals.ts";
import { usePermissions } from "../../app/session.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { personLabel, typeLabel } from "./referral-bits.tsx";
import { useMyReferrals } from "./referral-queries.ts";
import "./referrals.css";

function ReferralItem({ referral }: { referral: ReferralSummary }) {
  const { t } = useTranslation();
  const role = {
    referrer: t("referrals.youReferred"),
    counsellor: t("referrals.referredToYou"),
    both: t("referrals.both"),
  }[referral.myRole];
  return (
    <li className={`card referral-item${referral.followUpDue ? " referral-due" : ""}`}>
      <p className="referral-item-head">
        <Link to={`/referrals/${referral.id}`}>{personLabel(t, referral.person)}</Link>
        <span className="referral-status">{t(`referrals.statuses.${referral.status}`)}</span>
      </p>
      <p>{typeLabel(t, referral)}</p>
      <p className="muted">
        {role} · {referral.placeName} · {t("referrals.referredOn", { date: referral.referredOn })}
      </p>
      <p>
        {referral.followUpDue ? <strong className="referral-due-badge">{t("referrals.due")}</strong> : null}{" "}
        {referral.nextFollowUpOn
          ? `${t("referrals.nextFollowUp")}: ${referral.nextFollowUpOn}`
          : t("referrals.noNextFollowUp")}
      </p>
    </li>
  );
}

export function ReferralsPage() {
  const { t } = useTranslation();
  const list = useMyReferrals();
  const canCreate = usePermissions().has("programmes.write");
  return (
    <>
      <div className="page-heading">
        <PageTitle>{t("referrals.title")}</PageTitle>
        {canCreate ? (
          <div className="heading-actions">
            <Link to="/referrals/new" className="button">
              {t("referrals.newReferral")}
            </Link>
          </div>
        ) : null}
      </div>
      <p className="lead">{t("referrals.intro")}</p>
      <section aria-labelledby="my-referrals">
        <h2 id="my-referrals">{t("referrals.mine")}</h2>
        <p className="hint">{t("referrals.dueFirst")}</p>
        {list.isPending ? <Loading /> : null}
        {list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : null}
        {list.data?.referrals.length === 0 ? <p className="muted">{t("referrals.none")}</p> : null}
        <ul className="plain-list referral-list">
          {list.data?.referrals.map((r) => (
            <ReferralItem key={r.id} referral={r} />
          ))}
        </ul>
      </section>
    </>
  );
}
