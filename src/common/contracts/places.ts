import { z } from "zod";

export const PLACE_KINDS = ["country", "county", "sub_county", "ward", "locality"] as const;
export const LOCALITY_KINDS = [
  "informal_settlement",
  "market",
  "estate",
  "village",
  "town",
  "landmark",
] as const;

export const listPlacesQuery = z.strictObject({
  q: z.string().trim().max(100, "must be at most 100 characters").optional(),
  kind: z.enum(PLACE_KINDS).optional(),
  parentId: z.string().max(80).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const createLocalityInput = z.strictObject({
  name: z.string().trim().min(2, "must be at least 2 characters").max(100, "must be at most 100 characters"),
  parentId: z.string().min(1, "is required").max(80),
  localityKind: z.enum(LOCALITY_KINDS),
  aliases: z.array(z.string().trim().min(2).max(100)).max(30).default([]),
  lat: z.number().min(-4.9, "is outside Kenya").max(5.1, "is outside Kenya").optional(),
  lng: z.number().min(33.8, "is outside Kenya").max(42, "is outside Kenya").optional(),
});
export type CreateLocalityInput = z.infer<typeof createLocalityInput>;

export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface PlaceView {
  id: string;
  kind: PlaceKind;
  name: string;
  code: string | null;
  parentId: string | null;
  path: string;
  countyId: string | null;
  lat: number | null;
  lng: number | null;
  aliases: string[];
}
