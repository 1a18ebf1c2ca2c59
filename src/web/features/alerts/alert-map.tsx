// The alerts map (ui/svg-map.tsx): the caller's sub-counties as dots and the alerts as rings,
// newest open ones in red.
import { useTranslation } from "react-i18next";
import type { AlertMapPoint, AlertView } from "../../../common/contracts/alerts.ts";
import { OPEN_ALERT_STATUSES } from "../../../common/contracts/alerts.ts";
import type { Located } from "../../ui/map-projection.ts";
import { SvgMap } from "../../ui/svg-map.tsx";

export function AlertMap({ points, alerts }: { points: AlertMapPoint[]; alerts: AlertView[] }) {
  const { t } = useTranslation();
  const located = alerts.filter(
    (a): a is AlertView & { area: Located } => a.area.lat !== null && a.area.lng !== null,
  );
  const places = new Set(located.map((a) => `${a.area.lat},${a.area.lng}`));
  return (
    <SvgMap
      className="alert-map"
      label={t("alerts.map.label", { count: places.size })}
      note={t("alerts.map.note")}
      dots={points}
      markers={located.map((alert) => ({
        id: alert.id,
        lat: alert.area.lat,
        lng: alert.area.lng,
        radius: alert.area.level === "ward" ? 7 : alert.area.level === "sub_county" ? 11 : 15,
        className: OPEN_ALERT_STATUSES.includes(alert.status)
          ? "alert-map-ring alert-map-ring-open"
          : "alert-map-ring",
        title: alert.area.label,
        href: `/alerts/${alert.id}`,
      }))}
    />
  );
}
