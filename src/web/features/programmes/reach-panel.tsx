// Reach of a project: unique people against attendances, repeat engagement, and a breakdown.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { BreakdownList, ReachPyramid } from "./charts.tsx";
import { useReach } from "./programme-queries.ts";

const PYRAMID = "gender,age_band";
const BREAKDOWNS = [PYRAMID, "role", "youth", "disability", "group", "activity_type", "county"] as const;

export function ReachPanel({ projectId }: { projectId: string }) {
  const { t, i18n } = useTranslation();
  const [by, setBy] = useState<string>(PYRAMID);
  const reach = useReach(projectId, by);
  const number = (n: number) => n.toLocaleString(i18n.resolvedLanguage);
  return (
    <section className="card" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t("programmes.reachTitle")}</h2>
      {reach.isPending ? <Loading /> : null}
      {reach.isError ? <LoadError error={reach.error} retry={() => void reach.refetch()} /> : null}
      {reach.data ? (
        <>
          <dl className="figures" aria-label={t("programmes.reachFigures")}>
            <div>
              <dt>{t("programmes.uniquePeople")}</dt>
              <dd>{number(reach.data.reach.uniqueParticipants)}</dd>
            </div>
            <div>
              <dt>{t("programmes.attendances")}</dt>
              <dd>{number(reach.data.reach.attendances)}</dd>
            </div>
            <div>
              <dt>{t("programmes.anonymousHeads")}</dt>
              <dd>{number(reach.data.reach.anonymousAttendances)}</dd>
            </div>
            <div>
              <dt>{t("programmes.repeatPeople", { count: reach.data.reach.minSessions })}</dt>
              <dd>{number(reach.data.reach.repeatParticipants)}</dd>
            </div>
            <div>
              <dt>{t("programmes.activitiesHeld")}</dt>
              <dd>{number(reach.data.reach.activities)}</dd>
            </div>
          </dl>
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
