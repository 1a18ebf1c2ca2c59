// The inbox filters: status, urgency, category, channel, place and the date received.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { REPORT_STATUSES } from "../../../common/contracts/report-workflow.ts";
import { CATEGORY_CODES, URGENCY_LEVELS } from "../../../common/taxonomy.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { MIN_SEARCH_LENGTH, usePlaceSearch } from "../places/place-queries.ts";
import { type InboxFilters, OPEN_STATUS_FILTER } from "./report-queries.ts";

const CHANNELS = ["web", "sms", "ussd"] as const;

/** Pick one place by typing part of its name; the chosen place shows as a chip that clears the filter. */
export function PlaceFilter({
  label,
  placeName,
  onChoose,
}: {
  label: string;
  placeName: string;
  onChoose: (place: { id: string; name: string } | null) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState("");
  const term = useDebouncedValue(query);
  const results = usePlaceSearch(term, 6);
  if (placeName) {
    return (
      <div className="field">
        <span className="field-label">{label}</span>
        <button type="button" className="chip" onClick={() => onChoose(null)}>
          {placeName} × <span className="visually-hidden">{t("inbox.filters.clearPlace")}</span>
        </button>
      </div>
    );
  }
  const places = term.trim().length >= MIN_SEARCH_LENGTH ? (results.data?.places ?? []) : [];
  return (
    <div className="field place-filter">
      <TextField
        label={label}
        hint={t("inbox.filters.placeHint")}
        type="search"
        value={query}
        onChange={setQuery}
      />
      {places.length > 0 ? (
        <ul className="plain-list place-filter-results">
          {places.map((place) => (
            <li key={place.id}>
              <button
                type="button"
                className="button-link"
                onClick={() => {
                  setQuery("");
                  onChoose(place);
                }}
              >
                {place.name} <span className="muted">({t(`placeKinds.${place.kind}`)})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function InboxFilterBar({
  filters,
  placeName,
  onChange,
}: {
  filters: InboxFilters;
  placeName: string;
  onChange: (filters: InboxFilters, placeName?: string) => void;
}) {
  const { t } = useTranslation();
  // Any change of filter starts again at the first page.
  const set = (patch: Partial<InboxFilters>, name?: string) =>
    onChange({ ...filters, ...patch, page: 1 }, name);
  return (
    <search className="filters inbox-filters" aria-label={t("inbox.filters.label")}>
      <SelectField
        label={t("inbox.filters.status")}
        value={filters.status}
        onChange={(status) => set({ status })}
        options={[
          { value: OPEN_STATUS_FILTER, label: t("inbox.filters.open") },
          { value: "", label: t("inbox.filters.all") },
          ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`inbox.statuses.${s}`) })),
        ]}
      />
      <SelectField
        label={t("inbox.filters.urgency")}
        value={filters.urgency}
        onChange={(urgency) => set({ urgency })}
        options={[
          { value: "", label: t("inbox.filters.anyUrgency") },
          ...URGENCY_LEVELS.map((u) => ({ value: u, label: t(`inbox.urgencies.${u}`) })),
        ]}
      />
      <SelectField
        label={t("inbox.filters.category")}
        value={filters.category}
        onChange={(category) => set({ category })}
        options={[
          { value: "", label: t("inbox.filters.anyCategory") },
          ...CATEGORY_CODES.map((c) => ({ value: c, label: t(`inbox.categories.${c}`) })),
        ]}
      />
      <SelectField
        label={t("inbox.filters.channel")}
        value={filters.channel}
        onChange={(channel) => set({ channel })}
        options={[
          { value: "", label: t("inbox.filters.anyChannel") },
          ...CHANNELS.map((c) => ({ value: c, label: t(`inbox.channels.${c}`) })),
        ]}
      />
      <PlaceFilter
        label={t("inbox.filters.place")}
        placeName={placeName}
        onChoose={(place) => set({ placeId: place?.id ?? "" }, place?.name ?? "")}
      />
      <DateField label={t("inbox.filters.from")} value={filters.from} onChange={(from) => set({ from })} />
      <DateField label={t("inbox.filters.to")} value={filters.to} onChange={(to) => set({ to })} />
    </search>
  );
}

function DateField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
