// Turning what an admin typed into a create-locality request.

/**
 * Mirrors LOCALITY_KINDS in common/contracts/places.ts (a unit test keeps them equal): importing that
 * module would pull zod into the bundle (+25 KB gzipped) for one list.
 */
export const LOCALITY_KINDS = [
  "informal_settlement",
  "market",
  "estate",
  "village",
  "town",
  "landmark",
] as const;

/** "Gikomba, Gikomba market ,," → ["Gikomba", "Gikomba market"] */
export function parseAliases(text: string): string[] {
  const names = text
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** An empty box is "not given"; anything else is sent as typed so the server can say what is wrong. */
export function parseCoordinate(text: string): number | undefined {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? undefined : Number(trimmed);
}
