import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { fieldErrorsOf } from "../../api/client.ts";
import type { Place } from "../../api/types.ts";
import { useApi } from "../../app/api-context.tsx";
import { formAlertText } from "../../ui/error-text.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { ErrorAlert, SuccessNotice } from "../../ui/notices.tsx";
import { useTextFields } from "../../ui/use-text-fields.ts";
import { LOCALITY_KINDS, parseAliases, parseCoordinate } from "./locality-input.ts";
import { placeKeys } from "./place-queries.ts";

const SHOWN_FIELDS = ["name", "localityKind", "aliases", "lat", "lng"];
const EMPTY = { name: "", localityKind: LOCALITY_KINDS[0] as string, aliases: "", lat: "", lng: "" };

function useAddLocality(parent: Place, onAdded: () => void) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: typeof EMPTY) =>
      api.post<{ place: Place }>("/api/places", {
        name: form.name.trim(),
        parentId: parent.id,
        localityKind: form.localityKind,
        aliases: parseAliases(form.aliases),
        lat: parseCoordinate(form.lat),
        lng: parseCoordinate(form.lng),
      }),
    onSuccess: () => {
      onAdded();
      void queryClient.invalidateQueries({ queryKey: placeKeys.all });
    },
  });
}

export function AddLocalityForm({ parent }: { parent: Place }) {
  const { t } = useTranslation();
  const { values, field, reset } = useTextFields(EMPTY);
  const add = useAddLocality(parent, reset);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(values);
  };
  const errors = fieldErrorsOf(add.error);
  const optional = (label: string) => `${label} (${t("common.optional")})`;

  return (
    <form onSubmit={submit} noValidate>
      <p>{t("places.addLocalityIntro", { name: parent.name })}</p>
      <TextField label={t("places.localityName")} {...field("name")} error={errors.name} />
      <SelectField
        label={t("places.localityKind")}
        {...field("localityKind")}
        options={LOCALITY_KINDS.map((k) => ({ value: k, label: t(`localityKinds.${k}`) }))}
        error={errors.localityKind}
      />
      <TextField label={t("places.aliasesInput")} {...field("aliases")} error={errors.aliases} />
      <div className="field-row">
        <TextField
          label={optional(t("places.lat"))}
          {...field("lat")}
          inputMode="decimal"
          error={errors.lat}
        />
        <TextField
          label={optional(t("places.lng"))}
          {...field("lng")}
          inputMode="decimal"
          error={errors.lng}
        />
      </div>
      {add.error ? <ErrorAlert>{formAlertText(t, add.error, SHOWN_FIELDS)}</ErrorAlert> : null}
      {add.isSuccess ? (
        <SuccessNotice>{t("places.addedLocality", { name: add.data.place.name })}</SuccessNotice>
      ) : null}
      <button type="submit" disabled={add.isPending}>
        {t("places.addLocality")}
      </button>
    </form>
  );
}
