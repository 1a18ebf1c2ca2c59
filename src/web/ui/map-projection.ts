// The arithmetic of the plain-SVG maps (ui/svg-map.tsx), kept apart so that it can be tested.

export interface Located {
  lat: number;
  lng: number;
}

export interface MapSize {
  width: number;
  height: number;
  margin: number;
}

/**
 * Equirectangular projection fitted to the points, with longitude scaled by the latitude's cosine,
 * centred in the drawing. A single point, or points very close together, are shown at a minimum
 * span (about 5 km) rather than blown up.
 */
export function projection(points: readonly Located[], size: MapSize) {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  const [minLng, maxLng] = [Math.min(...lngs), Math.max(...lngs)];
  const stretch = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * stretch, 0.05);
  const spanY = Math.max(maxLat - minLat, 0.05);
  const scale = Math.min((size.width - 2 * size.margin) / spanX, (size.height - 2 * size.margin) / spanY);
  const offsetX = (size.width - (maxLng - minLng) * stretch * scale) / 2;
  const offsetY = (size.height - (maxLat - minLat) * scale) / 2;
  return (p: Located) => ({
    x: offsetX + (p.lng - minLng) * stretch * scale,
    y: offsetY + (maxLat - p.lat) * scale,
  });
}

/** A marker's radius for a count: its area grows with the count, between `min` and `max`. */
export function markerRadius(count: number, largest: number, min = 5, max = 18): number {
  if (largest <= 0 || count <= 0) return min;
  return Math.round((min + (max - min) * Math.sqrt(Math.min(count, largest) / largest)) * 10) / 10;
}
