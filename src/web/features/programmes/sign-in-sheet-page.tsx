// A printable sign-in sheet for an activity: the people registered at a place, by code, with a box to
// tick and sign, and blank rows for newcomers. Back at the office it is entered with the attendance
// picker (tick the register, add the newcomers), so paper and screen follow the same order.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ParticipantView, ProjectView } from "../../../common/contracts/programmes-views.ts";
import type { PlaceRef } from "../../api/types.ts";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { PlaceField } from "./place-field.tsx";
import { useParticipants, useProject } from "./programme-queries.ts";
import "./programmes.css";

/** Rows for people who come for the first time, and what the sheet asks of each. */
const NEWCOMER_ROWS = Array.from({ length: 15 }, (_, i) => `newcomer-${i + 1}`);
const NEWCOMER_COLUMNS = ["name", "phone", "gender", "age", "role", "consent", "signature"] as const;

const byLabel = (a: ParticipantView, b: ParticipantView) =>
  (a.name ?? a.code).localeCompare(b.name ?? b.code);

function Sheet({ place, project }: { place: PlaceRef; project: ProjectView }) {
  const { t } = useTranslation();
  const register = useParticipants(project.organisationId, "", place.id, true);
  if (register.isPending) return <Loading />;
  if (register.isError) return <LoadError error={register.error} retry={() => void register.refetch()} />;
  const people = [...register.data.participants].sort(byLabel);
  return (
    <section className="sign-in-sheet" aria-label={t("programmes.signInSheet")}>
      <h2>
        {project.name} · {place.name}
      </h2>
      <p className="sheet-fields">
        {t("programmes.sheetActivity")} ____________________ {t("programmes.heldOn")} ____________{" "}
        {t("programmes.facilitators")} ____________________
      </p>
      <table className="sheet-table">
        <caption>{t("programmes.sheetRegistered", { count: people.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programmes.code")}</th>
            <th scope="col">{t("programmes.personName")}</th>
            <th scope="col">{t("programmes.sheetPresent")}</th>
            <th scope="col">{t("programmes.sheetSignature")}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td>{p.code}</td>
              <td>{p.name ?? ""}</td>
              <td className="sheet-box">☐</td>
              <td className="sheet-blank" />
            </tr>
          ))}
        </tbody>
      </table>
      <table className="sheet-table">
        <caption>{t("programmes.sheetNewcomers")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("programmes.personName")}</th>
            <th scope="col">{t("programmes.personPhone")}</th>
            <th scope="col">{t("programmes.gender")}</th>
            <th scope="col">{t("programmes.ageBand")}</th>
            <th scope="col">{t("programmes.participantRole")}</th>
            <th scope="col">{t("programmes.sheetConsent")}</th>
            <th scope="col">{t("programmes.sheetSignature")}</th>
          </tr>
        </thead>
        <tbody>
          {NEWCOMER_ROWS.map((row) => (
            <tr key={row}>
              {NEWCOMER_COLUMNS.map((column) => (
                <td key={column} className={column === "consent" ? "sheet-box" : "sheet-blank"}>
                  {column === "consent" ? "☐" : ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t("programmes.sheetFootnote")}</p>
    </section>
  );
}

export function SignInSheetPage() {
  const { t } = useTranslation();
  const { projectId = "" } = useParams();
  const project = useProject(projectId);
  const [place, setPlace] = useState<PlaceRef | null>(null);
  if (project.isPending) return <Loading />;
  if (project.isError) return <LoadError error={project.error} retry={() => void project.refetch()} />;
  return (
    <>
      <p className="no-print">
        <Link to={`/programmes/projects/${projectId}`}>← {project.data.project.name}</Link>
      </p>
      <div className="no-print">
        <PageTitle>{t("programmes.signInSheet")}</PageTitle>
        <p>{t("programmes.signInSheetIntro")}</p>
        <PlaceField label={t("programmes.activityPlace")} value={place} onChange={setPlace} />
        {place ? (
          <button type="button" onClick={() => window.print()}>
            {t("programmes.print")}
          </button>
        ) : null}
      </div>
      {place ? <Sheet place={place} project={project.data.project} /> : null}
    </>
  );
}
