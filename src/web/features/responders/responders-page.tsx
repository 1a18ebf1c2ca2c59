// Admin → Responders: the directory of responder units, each with its areas, categories, members
// and supervisor; add a unit, edit one, change its members, stop or resume sending it cases.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResponderUnitView } from "../../../common/contracts/cases.ts";
import { errorText } from "../../ui/error-text.ts";
import { ErrorAlert, LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useResponderUnits, useSetUnitActive } from "./responder-queries.ts";
import { UnitForm } from "./unit-form.tsx";
import { UnitMembers } from "./unit-members.tsx";
import "./responders.css";

type Opened = { id: string; panel: "edit" | "members" } | null;

function UnitCard({
  unit,
  opened,
  onOpen,
}: {
  unit: ResponderUnitView;
  opened: "edit" | "members" | null;
  onOpen: (panel: "edit" | "members" | null) => void;
}) {
  const { t } = useTranslation();
  const setActive = useSetUnitActive();
  const supervisors = unit.members.filter((m) => m.supervisor);
  const headingId = `unit-${unit.id}`;
  return (
    <li className="card responder-card" aria-labelledby={headingId}>
      <div className="responder-card-top">
        <h2 id={headingId}>{unit.name}</h2>
        <span className={unit.active ? "badge badge-on" : "badge badge-off"}>
          {unit.active ? t("responders.directory.active") : t("responders.directory.inactive")}
        </span>
      </div>
      <p className="muted">{t(`responders.kinds.${unit.kind}`)}</p>
      <dl className="facts">
        <dt>{t("responders.directory.areas")}</dt>
        <dd>{unit.areas.map((a) => a.name).join(", ")}</dd>
        <dt>{t("responders.directory.categories")}</dt>
        <dd>
          {unit.categories.length === 0
            ? t("responders.directory.allCategories")
            : unit.categories.map((c) => t(`cases.categories.${c}`)).join(", ")}
        </dd>
        <dt>{t("responders.directory.supervisors")}</dt>
        <dd>
          {supervisors.length === 0
            ? t("responders.directory.noSupervisor")
            : supervisors.map((m) => m.name).join(", ")}
        </dd>
        <dt>{t("responders.directory.members")}</dt>
        <dd>
          {unit.members.length === 0
            ? t("responders.directory.noMembers")
            : unit.members
                .map((m) => (m.supervisor ? `${m.name} (${t("responders.directory.supervisor")})` : m.name))
                .join(", ")}
        </dd>
      </dl>
      <div className="responder-buttons">
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={opened === "edit"}
          onClick={() => onOpen(opened === "edit" ? null : "edit")}
        >
          {opened === "edit" ? t("responders.directory.close") : t("responders.directory.edit")}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          aria-expanded={opened === "members"}
          onClick={() => onOpen(opened === "members" ? null : "members")}
        >
          {opened === "members" ? t("responders.directory.close") : t("responders.directory.editMembers")}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={setActive.isPending}
          onClick={() => setActive.mutate({ id: unit.id, active: !unit.active })}
        >
          {unit.active ? t("responders.directory.deactivate") : t("responders.directory.activate")}
        </button>
      </div>
      {setActive.error ? <ErrorAlert>{errorText(t, setActive.error)}</ErrorAlert> : null}
      {opened === "edit" ? <UnitForm unit={unit} onSaved={() => onOpen(null)} /> : null}
      {opened === "members" ? <UnitMembers unit={unit} /> : null}
    </li>
  );
}

export function RespondersPage() {
  const { t } = useTranslation();
  const units = useResponderUnits();
  const [opened, setOpened] = useState<Opened>(null);
  const list = units.data?.units ?? [];
  return (
    <>
      <PageTitle>{t("admin.responders")}</PageTitle>
      <p>{t("responders.directory.intro")}</p>
      {units.isPending ? <Loading /> : null}
      {units.isError ? <LoadError error={units.error} retry={() => void units.refetch()} /> : null}
      {units.isSuccess ? (
        <p className="muted" aria-live="polite">
          {list.length === 0
            ? t("responders.directory.none")
            : t("responders.directory.count", { count: list.length })}
        </p>
      ) : null}
      <ul className="responder-list">
        {list.map((unit) => (
          <UnitCard
            key={unit.id}
            unit={unit}
            opened={opened?.id === unit.id ? opened.panel : null}
            onOpen={(panel) => setOpened(panel ? { id: unit.id, panel } : null)}
          />
        ))}
      </ul>
      <section className="card" aria-labelledby="add-unit">
        <h2 id="add-unit">{t("responders.directory.addTitle")}</h2>
        <UnitForm />
      </section>
    </>
  );
}
