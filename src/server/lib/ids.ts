// Record ids are UUIDs. An id from a URL is checked before it reaches a query: PostgreSQL rejects a
// malformed uuid with an error (a 500), where the caller should get the 404 any unknown id gets.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (id: string): boolean => UUID_PATTERN.test(id);
