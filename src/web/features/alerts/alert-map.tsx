// The map: plain SVG of the gazetteer's approximate centres (no tiles, no third-party requests), the
// caller's sub-counties as dots and the alerts as rings, newest open ones in red.
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AlertMapPoint, AlertView } from "../../../common/contracts/alerts.ts";
import { OPEN_ALERT_STATUSES } from "../../../common/contracts/alerts.ts";

const WIDTH = 360;
const HEIGHT = 300;
const MARGIN = 24;

interface Located {
  lat: number;
  lng: number;
}

/** Equirectangular projection fitted to the points, with longitude scaled by the latitude's cosine. */
function projection(points: readonly Located[]) {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const stretch = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * stretch, 0.05);
  const spanY = Math.max(maxLat - minLat, 0.05);
  const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
  const offsetX = (WIDTH - spanX * scale) / 2;
  const offsetY = (HEIGHT - spanY * scale) / 2;
  return (p: Located) => ({
    x: offsetX + (p.lng - minLng) * stretch * scale,
    y: offsetY + (maxLat - p.lat) * scale,
  });
}

export function AlertMap({ points, alerts }: { points: AlertMapPoint[]; alerts: AlertView[] }) {
  const { t } = useTranslation();
  const located = alerts.filter(
    (a): a is AlertView & { area: Located } => a.area.lat !== null && a.area.lng !== null,
  );
  const everything: Located[] = [...points, ...located.map((a) => a.area)];
  if (everything.length === 0) return null;
  const project = projection(everything);
  const places = new Set(located.map((a) => `${a.area.lat},${a.area.lng}`));
  return (
    <figure className="alert-map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t("alerts.map.label", { count: places.size })}
      >
        {points.map((point) => {
          const { x, y } = project(point);
          return (
            <circle key={point.id} cx={x} cy={y} r={3} className="alert-map-place">
              <title>{point.name}</title>
            </circle>
          );
        })}
        {located.map((alert) => {
          const { x, y } = project(alert.area);
          const open = OPEN_ALERT_STATUSES.includes(alert.status);
          const radius = alert.area.level === "ward" ? 7 : alert.area.level === "sub_county" ? 11 : 15;
          return (
            <Link key={alert.id} to={`/alerts/${alert.id}`}>
              <circle
                cx={x}
                cy={y}
                r={radius}
                className={open ? "alert-map-ring alert-map-ring-open" : "alert-map-ring"}
              >
                <title>{alert.area.label}</title>
              </circle>
            </Link>
          );
        })}
      </svg>
      <figcaption className="hint">{t("alerts.map.note")}</figcaption>
    </figure>
  );
}
