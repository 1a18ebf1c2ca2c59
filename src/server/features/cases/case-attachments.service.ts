// Files on a case's timeline actions (a photo of the scene, the chief's written settlement, an
// OB number slip). Whoever may see the case may see its files; whoever may work on it may add or
// remove them. The conflict-of-interest rule comes with loadVisibleCase, so police never see the
// files of a misconduct case either.
import { eq } from "drizzle-orm";
import type { Deps } from "../../deps.ts";
import { forbidden, notFound } from "../../lib/errors.ts";
import { isUuid } from "../../lib/ids.ts";
import type { Principal } from "../../lib/scope.ts";
import { activeUnitIdsOf, caseAccessOf, loadVisibleCase, mayWorkOn } from "./cases.policy.ts";
import { caseEvents } from "./cases.table.ts";

export async function authoriseCaseEventFiles(
  deps: Deps,
  principal: Principal,
  eventId: string,
  mode: "read" | "write",
): Promise<{ principal: Principal; organisationId: null }> {
  if (!isUuid(eventId)) throw notFound("Case action");
  const [event] = await deps.db
    .select({ caseId: caseEvents.caseId })
    .from(caseEvents)
    .where(eq(caseEvents.id, eventId));
  if (!event) throw notFound("Case action");
  const access = await caseAccessOf(deps, principal);
  const row = await loadVisibleCase(deps.db, access, event.caseId);
  if (mode === "write" && !mayWorkOn(access, row, await activeUnitIdsOf(deps.db, row.id)))
    throw forbidden("Only the units assigned to this case and programme staff can add or remove its files.");
  return { principal, organisationId: null };
}
