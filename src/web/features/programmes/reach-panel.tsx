// Reach of a project: unique people against attendances, repeat engagement, and a breakdown.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReachView } from "../../../common/contracts/programmes-views.ts";
import { SelectField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { BreakdownList, ReachPyramid } from "./charts.tsx";
import { useReach } from "./programme-queries.ts";

/** The headline reach figures: unique people, attendances, heads counted without names, repeat engagement. */
export function ReachFigures({ reach }: { reach: ReachView }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.resolvedLanguage);
  return (
    <dl className="figures" aria-label={t("programmes.reachFigures")}>
      <div>
        <dt>{t("programmes.uniquePeople")}</dt>
        <dd>{number(reach.uniqueParticipants)}</dd>
      </div>
      <div>
        <dt>{t("programmes.attendances")}</dt>
        <dd>{number(reach.attendances)}</dd>
      </div>
      <div>
        <dt>{t("programmes.anonymousHeads")}</dt>
        <dd>{number(reach.anonymousAttendances)}</dd>
      </div>
      <div>
        <dt>{t("programmes.repeatPeople", { count: reach.minSessions })}</dt>
        <dd>{number(reach.repeatParticipants)}</dd>
      </div>
      <div>
        <dt>{t("programmes.activitiesHeld")}</dt>
        <dd>{number(reach.activities)}</dd>
      </div>
    </dl>
  );
}

const PYRAMID = "gender,age_band";
const BREAKDOWNS = [PYRAMID, "role", "youth", "disability", "group", "activity_type", "county"] as const;

export function ReachPanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const [by, setBy] = useState<string>(PYRAMID);
  const reach = useReach(projectId, by);
  return (
    <section className="card" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t("programmes.reachTitle")}</h2>
      {reach.isPending ? <Loading /> : null}
      {reach.isError ? <LoadError error={reach.error} retry={() => void reach.refetch()} /> : null}
      {reach.data ? (
        <>
          <ReachFigures reach={reach.data.reach} />
          <p className="hint">{t("programmes.reachExplained")}</p>
          <SelectField
            label={t("programmes.breakDownBy")}
            value={by}
            onChange={setBy}
            options={BREAKDOWNS.map((value) => ({
              value,
              label: value === PYRAMID ? t("programmes.genderAndAge") : t(`programmes.dimensions.${value}`),
            }))}
          />
          {by === PYRAMID ? (
            <ReachPyramid breakdown={reach.data.reach.breakdown} />
          ) : (
            <BreakdownList rows={reach.data.reach.breakdown} />
          )}
        </>
      ) : null}
    </section>
  );
}
