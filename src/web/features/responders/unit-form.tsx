// Create or edit a responder unit: name, kind and organisation (fixed once created), areas and categories.
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ResponderUnitKind, ResponderUnitView } from "../../../common/contracts/cases.ts";
import type { CategoryCode } from "../../../common/taxonomy.ts";
import { fieldErrorsOf } from "../../api/client.ts";
import type { PlaceRef } from "../../api/types.ts";
import { formAlertText } from "../../ui/error-text.ts";
import { CheckboxGroup, SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useOrganisations } from "../organisations/organisation-queries.ts";
import { PlacePicker } from "../places/place-picker.tsx";
import { placeRefOf, useOptions } from "./responder-bits.tsx";
import { useSaveUnit } from "./responder-queries.ts";

const FIELDS = ["name", "kind", "organisationId", "areaPlaceIds", "categories"];

export function UnitForm({ unit, onSaved }: { unit?: ResponderUnitView; onSaved?: () => void }) {
  const { t } = useTranslation();
  const options = useOptions();
  const organisations = useOrganisations();
  const save = useSaveUnit();
  const [name, setName] = useState(unit?.name ?? "");
  const [kind, setKind] = useState<ResponderUnitKind>(unit?.kind ?? "police_station");
  const [organisationId, setOrganisationId] = useState(unit?.organisationId ?? "");
  const [areas, setAreas] = useState<PlaceRef[]>(unit?.areas.map(placeRefOf) ?? []);
  const [categories, setCategories] = useState<string[]>(unit?.categories ?? []);
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: unit?.id,
        input: {
          name: name.trim(),
          kind,
          organisationId,
          areaPlaceIds: areas.map((a) => a.id),
          categories: categories as CategoryCode[],
        },
      },
      {
        onSuccess: () => {
          if (!unit) {
            setName("");
            setAreas([]);
            setCategories([]);
          }
          onSaved?.();
        },
      },
    );
  };
  const organisationOptions = [
    { value: "", label: t("responders.unitForm.chooseOrganisation") },
    ...(organisations.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <form onSubmit={submit} noValidate className="responder-form">
      <TextField label={t("responders.unitForm.name")} value={name} onChange={setName} error={errors.name} />
      {unit ? (
        <p className="muted">
          {t(`responders.kinds.${unit.kind}`)} · {t("responders.unitForm.kindFixed")}
        </p>
      ) : (
        <>
          <SelectField
            label={t("responders.unitForm.kind")}
            value={kind}
            onChange={(value) => setKind(value as ResponderUnitKind)}
            options={options.kinds}
            error={errors.kind}
          />
          <SelectField
            label={t("responders.unitForm.organisation")}
            value={organisationId}
            onChange={setOrganisationId}
            options={organisationOptions}
            error={errors.organisationId}
          />
        </>
      )}
      <PlacePicker
        legend={t("responders.unitForm.areas")}
        hint={t("responders.unitForm.areasHint")}
        selected={areas}
        onChange={setAreas}
        error={errors.areaPlaceIds}
      />
      <CheckboxGroup
        legend={t("responders.unitForm.categories")}
        hint={t("responders.unitForm.categoriesHint")}
        options={options.categories}
        selected={categories}
        onChange={setCategories}
        error={errors.categories}
      />
      {save.error ? <ErrorAlert>{formAlertText(t, save.error, FIELDS)}</ErrorAlert> : null}
      {save.isSuccess && !unit ? (
        <SuccessNotice>{t("responders.unitForm.created", { name: save.data.unit.name })}</SuccessNotice>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {save.isPending
          ? t("common.saving")
          : unit
            ? t("responders.unitForm.save")
            : t("responders.unitForm.create")}
      </button>
    </form>
  );
}
