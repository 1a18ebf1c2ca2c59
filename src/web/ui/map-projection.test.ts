import { describe, expect, it } from "vitest";
import { markerRadius, projection } from "./map-projection.ts";

const SIZE = { width: 360, height: 300, margin: 24 };

describe("map projection", () => {
  it("keeps every point inside the margins, north up and east right", () => {
    const points = [
      { lat: -0.3, lng: 36.07 }, // Nakuru
      { lat: -4.05, lng: 39.67 }, // Mombasa
      { lat: 3.12, lng: 35.6 }, // Lodwar
    ];
    const project = projection(points, SIZE);
    for (const p of points.map(project)) {
      expect(p.x).toBeGreaterThanOrEqual(SIZE.margin - 1e-9);
      expect(p.x).toBeLessThanOrEqual(SIZE.width - SIZE.margin + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(SIZE.margin - 1e-9);
      expect(p.y).toBeLessThanOrEqual(SIZE.height - SIZE.margin + 1e-9);
    }
    const [nakuru, mombasa, lodwar] = points.map(project);
    expect(mombasa?.x).toBeGreaterThan(nakuru?.x ?? 0);
    expect(lodwar?.y).toBeLessThan(nakuru?.y ?? 0);
  });

  it("puts a single place in the middle", () => {
    expect(projection([{ lat: -0.3, lng: 36.07 }], SIZE)({ lat: -0.3, lng: 36.07 })).toEqual({
      x: 180,
      y: 150,
    });
  });
});

describe("marker radius", () => {
  it("grows with the count, from the smallest to the largest", () => {
    expect(markerRadius(0, 10)).toBe(5);
    expect(markerRadius(10, 10)).toBe(18);
    expect(markerRadius(1, 100)).toBeLessThan(markerRadius(25, 100));
    expect(markerRadius(25, 100)).toBe(11.5);
  });
});
