// A map in plain SVG over the gazetteer's approximate centres: no tiles, no third-party requests.
// Background dots give the lie of the land; markers (rings or discs) sit on top, each with a title,
// and link somewhere when given `href`. Features say what the marks mean in `label` and `note`.
import { Link } from "react-router";
import { type Located, projection } from "./map-projection.ts";
import "./svg-map.css";

const SIZE = { width: 360, height: 300, margin: 24 } as const;

export interface MapDot extends Located {
  id: string;
  name: string;
}

export interface MapMarker extends Located {
  id: string;
  radius: number;
  className: string;
  /** Said by screen readers and shown on hover. */
  title: string;
  href?: string | undefined;
}

interface SvgMapProps {
  /** What the map shows, as one sentence (the image's accessible name). */
  label: string;
  note?: string | undefined;
  dots?: readonly MapDot[];
  markers: readonly MapMarker[];
  className?: string;
}

export function SvgMap({ label, note, dots = [], markers, className }: SvgMapProps) {
  const everything: Located[] = [...dots, ...markers];
  if (everything.length === 0) return null;
  const project = projection(everything, SIZE);
  return (
    <figure className={className ? `svg-map ${className}` : "svg-map"}>
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={label}>
        {dots.map((dot) => {
          const { x, y } = project(dot);
          return (
            <circle key={dot.id} cx={x} cy={y} r={3} className="svg-map-place">
              <title>{dot.name}</title>
            </circle>
          );
        })}
        {markers.map((marker) => {
          const { x, y } = project(marker);
          const circle = (
            <circle key={marker.id} cx={x} cy={y} r={marker.radius} className={marker.className}>
              <title>{marker.title}</title>
            </circle>
          );
          return marker.href ? (
            <Link key={marker.id} to={marker.href}>
              {circle}
            </Link>
          ) : (
            circle
          );
        })}
      </svg>
      {note ? <figcaption className="hint">{note}</figcaption> : null}
    </figure>
  );
}
