// The project page's referral panel: counts only, small cells shown as "<5", never a person.
import { useTranslation } from "react-i18next";
import type { CountCell } from "../../../common/contracts/referrals.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { typeKeyLabel } from "./referral-bits.tsx";
import { useReferralCounts } from "./referral-queries.ts";
import "./referrals.css";

function CountTable({
  caption,
  cells,
  label,
}: {
  caption: string;
  cells: CountCell[];
  label: (key: string) => string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {cells.map((c) => (
          <tr key={c.key}>
            <th scope="row">{label(c.key)}</th>
            <td>{c.count === "hidden" ? "–" : c.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReferralCountsPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const counts = useReferralCounts(projectId);
  return (
    <section className="card" aria-labelledby="referral-counts-heading">
      <h2 id="referral-counts-heading">{t("referrals.countsTitle")}</h2>
      <p className="hint">{t("referrals.countsSuppressed")}</p>
      {counts.isPending ? <Loading /> : null}
      {counts.isError ? <LoadError error={counts.error} retry={() => void counts.refetch()} /> : null}
      {counts.data ? (
        <>
          <p>
            {t("referrals.countsTotal")}: <strong>{counts.data.counts.total}</strong>
          </p>
          {counts.data.counts.partialScope ? <p className="muted">{t("referrals.partialScope")}</p> : null}
          <div className="counts-grid">
            <CountTable
              caption={t("referrals.byType")}
              cells={counts.data.counts.byType}
              label={(k) => typeKeyLabel(t, k)}
            />
            <CountTable
              caption={t("referrals.byStatus")}
              cells={counts.data.counts.byStatus}
              label={(k) => t(`referrals.statuses.${k}`)}
            />
            <CountTable
              caption={t("referrals.byGender")}
              cells={counts.data.counts.byGender}
              label={(k) => t(`programmes.genders.${k}`)}
            />
            <CountTable
              caption={t("referrals.byAgeBand")}
              cells={counts.data.counts.byAgeBand}
              label={(k) => t(`programmes.ageBands.${k}`)}
            />
          </div>
        </>
      ) : null}
    </section>
  );
}
