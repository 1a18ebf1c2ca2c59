/** Where to go after signing in: back to the page that asked, but never off this site. */
export function redirectTarget(state: unknown): string {
  const from = typeof state === "object" && state !== null ? (state as { from?: unknown }).from : undefined;
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//")) return "/";
  if (from.startsWith("/login")) return "/";
  return from;
}
