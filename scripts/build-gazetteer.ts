// Regenerates data/places/{counties,sub-counties,wards}.json from the kenya-locations npm package (MIT)
// and the hand-compiled coordinate tables in data/places/sources/. localities.json is hand-curated and
// only validated here. The JSON files are the shipped artefact; this script is kept so the derivation
// can be repeated and audited.
//
//   node scripts/build-gazetteer.ts [path/to/kenya-locations/dist/index.js]
//
// Default source path: /tmp/k/package/dist/index.js (kenya-locations 0.1.8 unpacked).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface SourceCounty {
  code: string;
  name: string;
}
interface SourceConstituency {
  code: string;
  name: string;
  county: string;
}
interface SourceWard {
  code: string;
  name: string;
  constituency: string;
}
interface Point {
  lat: number;
  lng: number;
  basis: string;
}

const placesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "places");
const EXPECTED = { counties: 47, subCounties: 290, wards: 1450 };

/** kenya-locations 0.1.8 lacks these two IEBC wards; names from the IEBC 2012 ward list. */
const MISSING_WARDS: SourceWard[] = [
  { code: "0737", name: "Cherang'any/Chebororwa", constituency: "Marakwet West" },
  { code: "1344", name: "Kitutu Central", constituency: "Kitutu Chache South" },
];

/** Spelling fixes beyond letter case; the source spelling is kept as an alias so searches still find it. */
const WARD_NAME_FIXES: Record<string, string> = {
  "0031": "Gombato Bongwe",
  "0035": "Pongwe/Kikoneni",
  "0047": "Mackinnon Road",
  "0319": "Central",
  "1016": "Shinoyi-Shikomari-Esumeyia",
  "1188": "Manyatta B",
  "1189": "Nyalenda A",
  "1290": "Bukira Central/Ikerege",
  "1384": "South C",
  "1396": "Clay City",
};

/** Swahili connectives stay lower-case inside a name ("Mji wa Kale", "Shimo la Tewa"). */
const CONNECTIVES = new Set(["wa", "la", "ya", "na"]);

function titleCase(name: string): string {
  const words = name.trim().split(/\s+/);
  return words
    .map((word, index) => {
      if (index > 0 && CONNECTIVES.has(word.toLowerCase())) return word.toLowerCase();
      // "-ini" ("in") is a locative suffix, not a new word: "Mukurwe-ini", "Mugumo-ini".
      return word.replace(
        /(^|[/-])([a-z])(?!ni\b)/g,
        (_m, sep: string, letter: string) => sep + letter.toUpperCase(),
      );
    })
    .join(" ");
}

function readPoints(file: string): Map<string, Point> {
  const lines = readFileSync(join(placesDir, "sources", file), "utf8")
    .trim()
    .split("\n")
    .slice(1);
  const points = new Map<string, Point>();
  for (const line of lines) {
    const [code = "", lat = "", lng = "", basis = ""] = line.split(",");
    if (points.has(code)) throw new Error(`${file}: duplicate code ${code}`);
    points.set(code, { lat: Number(lat), lng: Number(lng), basis: basis.trim() || "approximate centroid" });
  }
  return points;
}

function requirePoint(points: Map<string, Point>, code: string, what: string): Point {
  const point = points.get(code);
  if (!point || !Number.isFinite(point.lat) || !Number.isFinite(point.lng)) {
    throw new Error(`no coordinates for ${what} ${code}`);
  }
  return point;
}

function assertUnique(codes: string[], what: string, expected: number): void {
  const unique = new Set(codes);
  if (unique.size !== codes.length) throw new Error(`${what}: duplicate codes`);
  if (codes.length !== expected) throw new Error(`${what}: expected ${expected}, got ${codes.length}`);
}

function buildCounties(source: SourceCounty[]) {
  const points = readPoints("county-points.csv");
  // ISO 3166-2:KE numbers the counties in alphabetical order of their names.
  const isoOrder = [...source].sort((a, b) => a.name.localeCompare(b.name, "en"));
  const counties = [...source]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((county) => {
      const point = requirePoint(points, county.code, "county");
      const iso = `KE-${String(isoOrder.indexOf(county) + 1).padStart(2, "0")}`;
      return {
        code: county.code,
        iso,
        name: county.name,
        lat: point.lat,
        lng: point.lng,
        coordinate: point.basis,
      };
    });
  assertUnique(
    counties.map((c) => c.code),
    "counties",
    EXPECTED.counties,
  );
  return counties;
}

function buildSubCounties(source: SourceConstituency[], countyCodeByName: Map<string, string>) {
  const points = readPoints("sub-county-points.csv");
  const subCounties = [...source]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((constituency) => {
      // kenya-locations links parents by name, so resolve the name to a code and fail loudly if it does not exist.
      const countyCode = countyCodeByName.get(constituency.county);
      if (!countyCode)
        throw new Error(`constituency ${constituency.code}: unknown county ${constituency.county}`);
      const point = requirePoint(points, constituency.code, "sub-county");
      return {
        code: constituency.code,
        countyCode,
        name: constituency.name,
        lat: point.lat,
        lng: point.lng,
        coordinate: point.basis,
      };
    });
  assertUnique(
    subCounties.map((s) => s.code),
    "sub-counties",
    EXPECTED.subCounties,
  );
  return subCounties;
}

function buildWards(source: SourceWard[], subCountyCodeByName: Map<string, string>) {
  const wards = [...source, ...MISSING_WARDS]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((ward) => {
      const subCountyCode = subCountyCodeByName.get(ward.constituency);
      if (!subCountyCode) throw new Error(`ward ${ward.code}: unknown constituency ${ward.constituency}`);
      const fixed = WARD_NAME_FIXES[ward.code];
      const name = fixed ?? titleCase(ward.name);
      const aliases = fixed ? [ward.name.replace(/\s+/g, " ").trim()] : [];
      const added = MISSING_WARDS.includes(ward);
      return {
        code: ward.code,
        subCountyCode,
        name,
        ...(aliases.length > 0 ? { aliases } : {}),
        ...(added ? { note: "absent from kenya-locations 0.1.8; added from the IEBC ward list" } : {}),
      };
    });
  assertUnique(
    wards.map((w) => w.code),
    "wards",
    EXPECTED.wards,
  );
  return wards;
}

interface LocalityRow {
  slug: string;
  countyCode: string;
  subCountyCode: string;
  wardCode?: string;
}

function validateLocalities(
  subCounties: { code: string; countyCode: string }[],
  wards: { code: string; subCountyCode: string }[],
): number {
  const rows = JSON.parse(readFileSync(join(placesDir, "localities.json"), "utf8")) as LocalityRow[];
  const countyOfSubCounty = new Map(subCounties.map((s) => [s.code, s.countyCode]));
  const subCountyOfWard = new Map(wards.map((w) => [w.code, w.subCountyCode]));
  const slugs = new Set<string>();
  for (const row of rows) {
    if (slugs.has(row.slug)) throw new Error(`locality ${row.slug}: duplicate slug`);
    slugs.add(row.slug);
    if (countyOfSubCounty.get(row.subCountyCode) !== row.countyCode) {
      throw new Error(
        `locality ${row.slug}: sub-county ${row.subCountyCode} is not in county ${row.countyCode}`,
      );
    }
    if (row.wardCode && subCountyOfWard.get(row.wardCode) !== row.subCountyCode) {
      throw new Error(`locality ${row.slug}: ward ${row.wardCode} is not in sub-county ${row.subCountyCode}`);
    }
  }
  return rows.length;
}

function writeJsonLines(file: string, rows: object[]): void {
  // One object per line: diffs stay reviewable and the files stay greppable.
  const body = rows.map((row) => `  ${JSON.stringify(row)}`).join(",\n");
  writeFileSync(join(placesDir, file), `[\n${body}\n]\n`);
}

async function main(): Promise<void> {
  const sourcePath = process.argv[2] ?? "/tmp/k/package/dist/index.js";
  const source = await import(pathToFileURL(sourcePath).href);
  const counties = buildCounties(source.counties as SourceCounty[]);
  const countyCodeByName = new Map(counties.map((c) => [c.name, c.code]));
  const subCounties = buildSubCounties(source.constituencies as SourceConstituency[], countyCodeByName);
  const subCountyCodeByName = new Map(subCounties.map((s) => [s.name, s.code]));
  const wards = buildWards(source.wards as SourceWard[], subCountyCodeByName);
  const localityCount = validateLocalities(subCounties, wards);
  writeJsonLines("counties.json", counties);
  writeJsonLines("sub-counties.json", subCounties);
  writeJsonLines("wards.json", wards);
  console.log(
    `counties ${counties.length}, sub-counties ${subCounties.length}, wards ${wards.length}, localities ${localityCount} (validated)`,
  );
}

await main();
