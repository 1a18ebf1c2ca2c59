// Exporting staff decisions as labelled examples, in the JSON-lines shape of data/triage/*.jsonl, so
// that the triage model can be retrained on real reports. Only the newest label of each report is
// exported (a correction followed by a verification is one example), and phone numbers typed into
// the text are masked: the export leaves the server, the reporter must not go with it.
import type { Writable } from "node:stream";
import { desc, gte, inArray } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
import { residentTextForStaff } from "../../lib/identity-in-text.ts";
import { places } from "../places/places.table.ts";
import { triageLabels } from "./verification.table.ts";

export interface LabelledExample {
  id: string;
  text: string;
  lang: string;
  category: string;
  urgency: string;
  county: string | null;
  place: string | null;
  guessed: { category: string; urgency: string; county: string | null; place: string | null };
  corrected: boolean;
  engineVersion: string;
  labelledAt: string;
}

type PlaceNames = { county: string | null; place: string | null };

/** Place and county names as the gazetteer spells them (the batch CLI's format), admin-added places included. */
async function placeNamer(
  deps: Deps,
  ids: readonly (string | null)[],
): Promise<(id: string | null) => PlaceNames> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const rows = wanted.length
    ? await deps.db
        .select({ id: places.id, name: places.name, kind: places.kind, countyId: places.countyId })
        .from(places)
        .where(inArray(places.id, wanted))
    : [];
  const countyIds = rows.map((row) => row.countyId ?? row.id);
  const counties = countyIds.length
    ? await deps.db
        .select({ id: places.id, name: places.name })
        .from(places)
        .where(inArray(places.id, countyIds))
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const countyName = new Map(counties.map((row) => [row.id, row.name]));
  return (id) => {
    const place = id ? byId.get(id) : undefined;
    if (!place) return { county: null, place: null };
    return {
      county: countyName.get(place.countyId ?? place.id) ?? null,
      place: place.kind === "county" ? null : place.name,
    };
  };
}

export async function listLabelledExamples(
  deps: Deps,
  opts: { includeConfirmed?: boolean; since?: Date } = {},
): Promise<LabelledExample[]> {
  const rows = await deps.db
    .selectDistinctOn([triageLabels.reportId])
    .from(triageLabels)
    .where(opts.since ? gte(triageLabels.createdAt, opts.since) : undefined)
    .orderBy(triageLabels.reportId, desc(triageLabels.seq));
  const kept = rows.filter((row) => opts.includeConfirmed || row.corrected);
  const placeNames = await placeNamer(
    deps,
    kept.flatMap((row) => [row.placeId, row.guessedPlaceId]),
  );
  return kept
    .sort((a, b) => a.seq - b.seq)
    .map((row) => {
      const guessed = placeNames(row.guessedPlaceId);
      return {
        id: `label-${row.id}`,
        text: residentTextForStaff(row.text),
        lang: row.locale,
        category: row.category,
        urgency: row.urgency,
        ...placeNames(row.placeId),
        guessed: { category: row.guessedCategory, urgency: row.guessedUrgency, ...guessed },
        corrected: row.corrected,
        engineVersion: row.engineVersion,
        labelledAt: row.createdAt.toISOString(),
      };
    });
}

/** Writes one JSON line per example; returns how many were written. */
export async function exportLabelledExamples(
  deps: Deps,
  out: Writable,
  opts: { includeConfirmed?: boolean; since?: Date } = {},
): Promise<number> {
  const examples = await listLabelledExamples(deps, opts);
  for (const example of examples) {
    if (!out.write(`${JSON.stringify(example)}\n`)) await new Promise((done) => out.once("drain", done));
  }
  return examples.length;
}
