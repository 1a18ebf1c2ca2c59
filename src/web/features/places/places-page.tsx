import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Place } from "../../api/types.ts";
import { TextField } from "../../ui/fields.tsx";
import { LoadError, Loading } from "../../ui/notices.tsx";
import { PageTitle } from "../../ui/page-title.tsx";
import { useDebouncedValue } from "../../ui/use-debounced-value.ts";
import { AddLocalityForm } from "./add-locality-form.tsx";
import { MIN_SEARCH_LENGTH, usePlace, usePlaceSearch, usePlacesOfKind } from "./place-queries.ts";

const browseLink = (id: string) => `/admin/places?at=${encodeURIComponent(id)}`;

function PlaceTable({ places, caption }: { places: Place[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("places.name")}</th>
            <th scope="col">{t("places.kind")}</th>
            <th scope="col">{t("places.code")}</th>
            <th scope="col">{t("places.aliases")}</th>
          </tr>
        </thead>
        <tbody>
          {places.map((place) => (
            <tr key={place.id}>
              <td>
                <Link to={browseLink(place.id)}>{place.name}</Link>
              </td>
              <td>{t(`placeKinds.${place.kind}`)}</td>
              <td>{place.code ?? ""}</td>
              <td>{place.aliases.join(", ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Counties() {
  const { t } = useTranslation();
  const counties = usePlacesOfKind("county");
  if (counties.isPending) return <Loading />;
  if (counties.isError) return <LoadError error={counties.error} retry={() => void counties.refetch()} />;
  return <PlaceTable places={counties.data.places} caption={t("places.allCounties")} />;
}

function PlaceDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = usePlace(id);
  const parentId =
    detail.data?.place.kind === "county" ? undefined : (detail.data?.place.parentId ?? undefined);
  const parent = usePlace(parentId);
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <LoadError error={detail.error} retry={() => void detail.refetch()} />;
  const { place, children } = detail.data;
  return (
    <>
      <p className="breadcrumbs">
        <Link to="/admin/places">{t("places.allCounties")}</Link>
        {parent.data ? (
          <>
            {" › "}
            <Link to={browseLink(parent.data.place.id)}>
              {t("places.upTo", { name: parent.data.place.name })}
            </Link>
          </>
        ) : null}
      </p>
      <h2>
        {place.name} <span className="muted">({t(`placeKinds.${place.kind}`)})</span>
      </h2>
      {place.aliases.length > 0 ? <p className="muted">{place.aliases.join(", ")}</p> : null}
      {children.length === 0 ? (
        <p className="muted">{t("places.nothingInside", { name: place.name })}</p>
      ) : (
        <PlaceTable places={children} caption={t("places.inside", { name: place.name })} />
      )}
      {place.kind === "locality" ? null : (
        <section className="card" aria-labelledby="add-locality">
          <h3 id="add-locality">{t("places.addLocality")}</h3>
          <AddLocalityForm parent={place} />
        </section>
      )}
    </>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useTranslation();
  const search = usePlaceSearch(q, 30);
  if (search.isPending) return <Loading />;
  if (search.isError) return <LoadError error={search.error} retry={() => void search.refetch()} />;
  if (search.data.places.length === 0) return <p role="status">{t("places.noMatches", { q: q.trim() })}</p>;
  return <PlaceTable places={search.data.places} caption={t("places.results")} />;
}

export function PlacesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const at = params.get("at") ?? undefined;
  const [q, setQ] = useState("");
  // Opening a place from the search results ends the search.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to `at` changing
  useEffect(() => setQ(""), [at]);
  const settledQ = useDebouncedValue(q);
  const searching = settledQ.trim().length >= MIN_SEARCH_LENGTH;
  return (
    <>
      <PageTitle>{t("admin.places")}</PageTitle>
      <search>
        <TextField label={t("places.search")} type="search" value={q} onChange={setQ} autoComplete="off" />
      </search>
      {searching ? <SearchResults q={settledQ} /> : null}
      {!searching && at ? <PlaceDetail id={at} /> : null}
      {!searching && !at ? (
        <>
          <p className="muted">{t("places.chooseParent")}</p>
          <Counties />
        </>
      ) : null}
    </>
  );
}
