// Where a programme's activities were held, on the shared plain-SVG map: a disc per place growing
// with its number of activities, and the same in a table (with the places that have no coordinates).
import { useTranslation } from "react-i18next";
import type { ActivityLocation } from "../../../common/contracts/programmes-views.ts";
import type { ActivityType } from "../../../common/contracts/programmes-vocabulary.ts";
import { markerRadius } from "../../ui/map-projection.ts";
import { type MapDot, SvgMap } from "../../ui/svg-map.tsx";

export function ActivityMap({
  locations,
  backdrop,
}: {
  locations: readonly ActivityLocation[];
  backdrop: readonly MapDot[];
}) {
  const { t } = useTranslation();
  if (locations.length === 0) return <p className="muted">{t("programmes.dashboard.noActivities")}</p>;
  const largest = Math.max(...locations.map((l) => l.total));
  const located = locations.filter(
    (l): l is ActivityLocation & { lat: number; lng: number } => l.lat !== null && l.lng !== null,
  );
  const byType = (location: ActivityLocation) =>
    Object.entries(location.counts)
      .map(([type, n]) => `${t(`programmes.activityTypes.${type as ActivityType}`)} ${n}`)
      .join(", ");
  return (
    <>
      <SvgMap
        className="activity-map"
        dots={backdrop}
        label={t("programmes.dashboard.mapLabel", { count: located.length })}
        note={t("programmes.dashboard.mapNote")}
        markers={located.map((location) => ({
          id: location.placeId,
          lat: location.lat,
          lng: location.lng,
          radius: markerRadius(location.total, largest),
          className: "activity-marker",
          title: t("programmes.dashboard.markerTitle", { place: location.placeName, count: location.total }),
        }))}
      />
      <div className="table-wrap">
        <table className="compact-table">
          <caption className="visually-hidden">{t("programmes.dashboard.mapTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("programmes.place")}</th>
              <th scope="col">{t("programmes.dashboard.legend")}</th>
              <th scope="col">{t("programmes.dashboard.total")}</th>
            </tr>
          </thead>
          <tbody>
            {locations.map((location) => (
              <tr key={location.placeId}>
                <th scope="row">
                  {location.placeName}
                  {location.locatedAt && location.locatedAt.id !== location.placeId ? (
                    <span className="muted">
                      {" "}
                      · {t("programmes.dashboard.drawnAt", { name: location.locatedAt.name })}
                    </span>
                  ) : null}
                  {location.locatedAt ? null : (
                    <span className="muted"> · {t("programmes.dashboard.notOnMap")}</span>
                  )}
                </th>
                <td>{byType(location)}</td>
                <td>{location.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
