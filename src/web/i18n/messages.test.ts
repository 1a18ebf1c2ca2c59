import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "../../common/roles.ts";
import { ADMIN_SECTION_KEYS, AREA_KEYS } from "../app/navigation.ts";
import { LOCALITY_KINDS } from "../features/places/locality-input.ts";
import { en } from "./en.ts";
import { sw } from "./sw.ts";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const english = leaves(en);
const kiswahili = leaves(sw);
const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

/** A key exists if it is a string or, for counted text, has plural forms. */
const hasKey = (key: string) => english.has(key) || english.has(`${key}_other`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("interface text", () => {
  it("Kiswahili has exactly the English keys", () => {
    expect([...kiswahili.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("no text is empty in either language", () => {
    for (const [key, text] of [...english, ...kiswahili]) expect(text.trim(), key).not.toBe("");
  });

  it("each translation keeps the same {{placeholders}} as the English", () => {
    for (const [key, text] of english)
      expect(placeholders(kiswahili.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("Kiswahili is translated, not English copied over (names and codes aside)", () => {
    const sameOnPurpose = new Set(["common.productName", "language.en", "language.sw"]);
    const copied = [...english].filter(
      ([key, text]) => kiswahili.get(key) === text && !sameOnPurpose.has(key),
    );
    expect(copied.map(([key]) => key)).toEqual([]);
  });

  it("every key the app asks for by name exists", () => {
    const root = join(import.meta.dirname, "..");
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/\bt\(\s*"([\w.]+)"/g)) {
        const key = match[1] ?? "";
        if (!hasKey(key)) missing.push(`${relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every key the app builds from data exists: areas, roles, place and locality kinds, admin sections", () => {
    const built = [
      ...AREA_KEYS.flatMap((area) => [`areas.${area}.title`, `areas.${area}.upcoming`]),
      ...ROLES.map((role) => `roles.${role}`),
      ...["country", "county", "sub_county", "ward", "locality"].map((kind) => `placeKinds.${kind}`),
      ...LOCALITY_KINDS.map((kind) => `localityKinds.${kind}`),
      ...ADMIN_SECTION_KEYS.map((section) => `admin.${section}`),
      "language.en",
      "language.sw",
    ];
    expect(built.filter((key) => !hasKey(key))).toEqual([]);
  });
});
