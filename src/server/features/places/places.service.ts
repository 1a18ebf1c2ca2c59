// The gazetteer in the database: synced from the shipped data on boot; admins add localities.
// Places are public reference data (the public report form lists them), so any signed-in user may read them;
// adding a locality is limited to the user's own areas.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CreateLocalityInput, PlaceKind, PlaceView } from "../../../common/contracts/places.ts";
import { loadGazetteer, normalisePlaceName } from "../../../common/places/index.ts";
import { queryRows } from "../../db/client.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, forbidden, notFound } from "../../lib/errors.ts";
import { NATIONWIDE_PLACE_ID, type Principal, placeInScope } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import * as repo from "./places.repo.ts";

const KENYA: repo.NewPlaceRow = {
  id: NATIONWIDE_PLACE_ID,
  kind: "country",
  name: "Kenya",
  code: "KE",
  parentId: null,
  path: NATIONWIDE_PLACE_ID,
  countyId: null,
  lat: 0.0236,
  lng: 37.9062,
  aliases: [],
  attributes: { coordinate: "approximate centroid" },
};

function gazetteerRows(): repo.NewPlaceRow[] {
  return [
    KENYA,
    ...loadGazetteer().map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      code: p.code,
      parentId: p.parentId ?? NATIONWIDE_PLACE_ID,
      path: p.path,
      countyId: p.countyId,
      lat: p.lat,
      lng: p.lng,
      aliases: p.aliases,
      attributes: p.attributes,
    })),
  ];
}

/** Loads the shipped gazetteer into the database when it changed since the last sync. Idempotent. */
export async function syncGazetteer(deps: Deps): Promise<{ changed: boolean; places: number }> {
  const rows = gazetteerRows();
  const version = createHash("sha256").update(JSON.stringify(rows)).digest("hex").slice(0, 16);
  return inTransaction(deps, async (tx) => {
    await tx.db.execute(sql`create table if not exists gazetteer_version (version text not null)`);
    const current = await queryRows<{ version: string }>(tx.db, sql`select version from gazetteer_version`);
    if (current[0]?.version === version) return { changed: false, places: rows.length };
    await repo.upsertGazetteerRows(tx.db, rows);
    await tx.db.execute(sql`delete from gazetteer_version`);
    await tx.db.execute(sql`insert into gazetteer_version (version) values (${version})`);
    return { changed: true, places: rows.length };
  });
}

export async function searchPlaces(
  deps: Deps,
  filter: {
    q?: string | undefined;
    kind?: PlaceKind | undefined;
    parentId?: string | undefined;
    limit: number;
  },
): Promise<PlaceView[]> {
  return (await repo.searchPlaceRows(deps.db, filter)).map(repo.toPlaceView);
}

export async function getPlace(deps: Deps, id: string): Promise<{ place: PlaceView; children: PlaceView[] }> {
  const row = await repo.findPlace(deps.db, id);
  if (!row) throw notFound(`Place ${id}`);
  const children = await repo.listChildren(deps.db, id);
  return { place: repo.toPlaceView(row), children: children.map(repo.toPlaceView) };
}

/** A place's path ("c:032/s:170"), for scoping a record placed there; null when there is no such place. */
export async function placePathOf(deps: Deps, id: string): Promise<string | null> {
  return (await repo.findPlace(deps.db, id))?.path ?? null;
}

function slugify(name: string): string {
  return normalisePlaceName(name).replace(/\s+/g, "-").slice(0, 60) || "place";
}

export async function createLocality(
  deps: Deps,
  principal: Principal,
  input: CreateLocalityInput,
): Promise<PlaceView> {
  return inTransaction(deps, async (tx) => {
    const parent = await repo.findPlace(tx.db, input.parentId);
    if (!parent || parent.kind === "country" || parent.kind === "locality")
      throw badRequest("parentId: choose the sub-county or ward the locality lies in", [
        {
          path: "parentId",
          message: parent ? "must be a county, sub-county or ward" : "is not a known place",
        },
      ]);
    if (!placeInScope(principal.scope, parent.path))
      throw forbidden("You can only add localities within your own areas.");
    const base = `l:${slugify(input.name)}`;
    let id = base;
    for (let n = 2; await repo.findPlace(tx.db, id); n++) id = `${base}-${n}`;
    const row = await repo.insertPlace(tx.db, {
      id,
      kind: "locality",
      name: input.name,
      code: null,
      parentId: parent.id,
      path: `${parent.path}/${id}`,
      countyId: parent.countyId ?? parent.id,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      aliases: input.aliases,
      attributes: { localityKind: input.localityKind },
      source: "admin",
      createdBy: principal.userId || null,
    });
    const view = repo.toPlaceView(row);
    await recordAudit(tx, actorOf(principal), {
      action: "place.create",
      entityType: "place",
      entityId: id,
      placePath: row.path,
      after: view,
    });
    return view;
  });
}
