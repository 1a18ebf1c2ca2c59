// Choose one place by typing part of its name (the gazetteer is too long for a list).
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PlaceRef } from "../../api/types.ts";
import { TextField } from "../../ui/fields.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { MIN_SEARCH_LENGTH, usePlaceSearch } from "../places/place-queries.ts";

/** A place as shown once chosen; without its kind while only its id is known (from a link, say). */
export type ChosenPlace = Pick<PlaceRef, "id" | "name"> & { kind?: PlaceRef["kind"] };

interface PlaceFieldProps {
  label: string;
  value: ChosenPlace | null;
  onChange: (place: PlaceRef | null) => void;
  error?: string | undefined;
  hint?: string;
}

export function PlaceField({ label, value, onChange, error, hint }: PlaceFieldProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const settled = useDebouncedValue(query);
  const search = usePlaceSearch(settled);
  if (value)
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <p className="chosen-place">
          <strong>{value.name}</strong>{" "}
          {value.kind ? <span className="muted">({t(`placeKinds.${value.kind}`)}) </span> : null}
          <button type="button" className="button-small button-secondary" onClick={() => onChange(null)}>
            {t("programmes.changePlace")}
          </button>
        </p>
        {error ? <p className="field-error">{error}</p> : null}
      </div>
    );
  const places = settled.trim().length >= MIN_SEARCH_LENGTH ? (search.data?.places ?? []) : [];
  return (
    <div className="place-field">
      <TextField
        label={label}
        hint={hint ?? t("placePicker.hint")}
        type="search"
        value={query}
        onChange={setQuery}
        error={error}
        autoComplete="off"
      />
      {places.length > 0 ? (
        <ul className="search-results" aria-label={t("programmes.placeResults")}>
          {places.map((place) => (
            <li key={place.id}>
              <span>
                {place.name} <span className="muted">· {t(`placeKinds.${place.kind}`)}</span>
              </span>
              <button
                type="button"
                className="button-small"
                aria-label={t("programmes.choosePlace", {
                  name: place.name,
                  kind: t(`placeKinds.${place.kind}`),
                })}
                onClick={() => {
                  onChange({ id: place.id, name: place.name, kind: place.kind });
                  setQuery("");
                }}
              >
                {t("programmes.choose")}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
