// Choose areas by typing part of a name: there are thousands of wards and localities, too many to list.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Place, PlaceRef } from "../../api/types.ts";
import { TextField } from "../../ui/fields.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { MIN_SEARCH_LENGTH, usePlaceSearch } from "./place-queries.ts";

interface PlacePickerProps {
  legend: string;
  hint?: string;
  selected: readonly PlaceRef[];
  onChange: (places: PlaceRef[]) => void;
  error?: string | undefined;
}

function ChosenPlaces({
  selected,
  onRemove,
}: {
  selected: readonly PlaceRef[];
  onRemove: (id: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <>
      <h3 id={headingId} className="subheading">
        {t("placePicker.chosen")}
      </h3>
      {selected.length === 0 ? <p className="muted">{t("placePicker.noneChosen")}</p> : null}
      <ul aria-labelledby={headingId} className="chips" hidden={selected.length === 0}>
        {selected.map((place) => (
          <li key={place.id} className="chip">
            <span>
              {place.name} <span className="muted">({t(`placeKinds.${place.kind}`)})</span>
            </span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t("placePicker.removeNamed", { name: place.name })}
              onClick={() => onRemove(place.id)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

interface SearchResultsProps {
  query: string;
  chosenIds: ReadonlySet<string>;
  onAdd: (place: Place) => void;
}

function SearchResults({ query, chosenIds, onAdd }: SearchResultsProps) {
  const { t } = useTranslation();
  const search = usePlaceSearch(query);
  if (query.trim().length < MIN_SEARCH_LENGTH || !search.data) return null;
  if (search.data.places.length === 0) {
    return (
      <p role="status" className="muted">
        {t("placePicker.noMatches", { q: query.trim() })}
      </p>
    );
  }
  return (
    <ul className="search-results" aria-label={t("placePicker.search")}>
      {search.data.places.map((place) => (
        <li key={place.id}>
          <span>
            {place.name} <span className="muted">· {t(`placeKinds.${place.kind}`)}</span>
          </span>
          <button
            type="button"
            className="button-small"
            disabled={chosenIds.has(place.id)}
            aria-label={t("placePicker.addNamed", { name: place.name })}
            onClick={() => onAdd(place)}
          >
            {t("placePicker.add")}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function PlacePicker({ legend, hint, selected, onChange, error }: PlacePickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const settledQuery = useDebouncedValue(query);
  const add = (place: Place) => onChange([...selected, { id: place.id, name: place.name, kind: place.kind }]);
  return (
    <fieldset className="field place-picker">
      <legend>{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <ChosenPlaces selected={selected} onRemove={(id) => onChange(selected.filter((p) => p.id !== id))} />
      <TextField
        label={t("placePicker.search")}
        hint={t("placePicker.hint")}
        type="search"
        value={query}
        onChange={setQuery}
        error={error}
        autoComplete="off"
      />
      <SearchResults query={settledQuery} chosenIds={new Set(selected.map((p) => p.id))} onAdd={add} />
    </fieldset>
  );
}
