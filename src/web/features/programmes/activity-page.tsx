// One activity: what happened, who came (by code, and by name for those who record attendance),
// and the action points agreed, whose status is kept up to date here.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router";
import type { ActionPointView, ActivityView } from "../../../common/contracts/programmes-views.ts";
import { ACTION_POINT_STATUSES } from "../../../common/contracts/programmes-vocabulary.ts";
import { useApi } from "../../app/api-context.tsx";
import { usePermissions } from "../../app/session.ts";
import { AttachmentsPanel } from "../../ui/attachments.tsx";
import { errorText } from "../../ui/error-text.ts";
import { SelectField } from "../../ui/fields.tsx";
import { ErrorAlert, LoadError, Loading, SuccessNotice } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { programmeKeys, useActivity } from "./programme-queries.ts";
import "./programmes.css";

function ActionPoint({ point, canWrite }: { point: ActionPointView; canWrite: boolean }) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (status: string) => api.patch(`/api/action-points/${point.id}`, { status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: programmeKeys.all }),
  });
  return (
    <li>
      <p>
        {point.text}
        {point.owner ? <span className="muted"> · {point.owner}</span> : null}
        {point.dueOn ? <span className="muted"> · {point.dueOn}</span> : null}
      </p>
      {canWrite ? (
        <SelectField
          label={t("programmes.actionPointStatus")}
          value={point.status}
          onChange={(status) => update.mutate(status)}
          options={ACTION_POINT_STATUSES.map((s) => ({
            value: s,
            label: t(`programmes.actionPointStatuses.${s}`),
          }))}
        />
      ) : (
        <p className="badge">{t(`programmes.actionPointStatuses.${point.status}`)}</p>
      )}
      {update.error ? <ErrorAlert>{errorText(t, update.error)}</ErrorAlert> : null}
    </li>
  );
}

function Dialogue({ activity, canWrite }: { activity: ActivityView; canWrite: boolean }) {
  const { t } = useTranslation();
  const d = activity.dialogue;
  if (!d) return null;
  const unarmed =
    d.officersUnarmed === null
      ? t("programmes.notRecorded")
      : d.officersUnarmed
        ? t("common.yes")
        : t("common.no");
  return (
    <section className="card" aria-labelledby="dialogue-heading">
      <h2 id="dialogue-heading">{t("programmes.dialogueDetails")}</h2>
      <dl className="details">
        <dt>{t("programmes.dialogueGroup")}</dt>
        <dd>{t(`programmes.groups.${d.group}`)}</dd>
        <dt>{t("programmes.facilitators")}</dt>
        <dd>{d.facilitators.join(", ") || "—"}</dd>
        <dt>{t("programmes.officialsPresent")}</dt>
        <dd>{d.officialsPresent.join(", ") || "—"}</dd>
        <dt>{t("programmes.officersUnarmed")}</dt>
        <dd>{unarmed}</dd>
        <dt>{t("programmes.topics")}</dt>
        <dd>{d.topics.join(", ") || "—"}</dd>
      </dl>
      <h3>{t("programmes.issuesRaised")}</h3>
      <ul>
        {d.issuesRaised.map((issue) => (
          <li key={issue}>{issue}</li>
        ))}
      </ul>
      <h3>{t("programmes.actionPoints")}</h3>
      {d.actionPoints.length === 0 ? <p className="muted">{t("programmes.noActionPoints")}</p> : null}
      <ul className="plain-list action-points">
        {d.actionPoints.map((point) => (
          <ActionPoint key={point.id} point={point} canWrite={canWrite} />
        ))}
      </ul>
    </section>
  );
}

export function ActivityPage() {
  const { t } = useTranslation();
  const { activityId = "" } = useParams();
  const activity = useActivity(activityId);
  const queryClient = useQueryClient();
  const canWrite = usePermissions().has("programmes.write");
  const edited = (useLocation().state as { edited?: boolean } | null)?.edited;
  if (activity.isPending) return <Loading />;
  if (activity.isError) return <LoadError error={activity.error} retry={() => void activity.refetch()} />;
  const a = activity.data.activity;
  return (
    <>
      <p>
        <Link to={`/programmes/projects/${a.projectId}`}>← {a.projectName}</Link>
      </p>
      <div className="page-heading">
        <PageTitle>{a.title ?? t(`programmes.activityTypes.${a.type}`)}</PageTitle>
        {canWrite ? (
          <div className="heading-actions">
            <Link to={`/programmes/activities/${a.id}/edit`} className="button">
              {t("programmes.editActivity")}
            </Link>
          </div>
        ) : null}
      </div>
      {edited ? <SuccessNotice>{t("programmes.activityEdited")}</SuccessNotice> : null}
      <p className="lead">
        {t(`programmes.activityTypes.${a.type}`)}
        {a.peaceActionKind ? ` (${t(`programmes.peaceActionKinds.${a.peaceActionKind}`)})` : ""} · {a.heldOn}{" "}
        · {a.placeName}
      </p>
      {a.notes ? <p>{a.notes}</p> : null}
      <Dialogue activity={a} canWrite={canWrite} />
      <section className="card" aria-labelledby="files-heading">
        <h2 id="files-heading">{t("programmes.activityFiles")}</h2>
        <AttachmentsPanel
          path={`/api/activities/${a.id}/attachments`}
          canChange={canWrite}
          initial={a.attachments}
          onChanged={() => void queryClient.invalidateQueries({ queryKey: programmeKeys.activity(a.id) })}
        />
      </section>
      <section aria-labelledby="attendees-heading">
        <h2 id="attendees-heading">
          {t("programmes.attendanceCounts", { named: a.namedAttendances, anonymous: a.anonymousAttendances })}
        </h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("programmes.attendance")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("programmes.code")}</th>
                <th scope="col">{t("programmes.personName")}</th>
                <th scope="col">{t("programmes.gender")}</th>
                <th scope="col">{t("programmes.ageBand")}</th>
                <th scope="col">{t("programmes.participantRole")}</th>
              </tr>
            </thead>
            <tbody>
              {a.attendees.map((p) => (
                <tr key={p.id}>
                  <td>{p.code}</td>
                  <td>{p.name ?? "—"}</td>
                  <td>{t(`programmes.genders.${p.gender}`)}</td>
                  <td>{t(`programmes.ageBands.${p.ageBand}`)}</td>
                  <td>{t(`programmes.participantRoles.${p.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {a.anonymous.length > 0 ? (
          <ul className="plain-list">
            {a.anonymous.map((n) => (
              <li key={`${n.gender}-${n.ageBand}-${n.role}-${n.disability}`}>
                {t("programmes.anonymousRow", {
                  count: n.count,
                  gender: t(`programmes.genders.${n.gender}`),
                  ageBand: t(`programmes.ageBands.${n.ageBand}`),
                })}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
