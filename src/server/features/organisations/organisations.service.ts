import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { type Deps, inTransaction } from "../../deps.ts";
import { conflict } from "../../lib/errors.ts";
import type { Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { actorOf } from "../users/users.service.ts";
import { userOrganisations } from "../users/users.table.ts";
import { organisations } from "./organisations.table.ts";

export const createOrganisationInput = z.strictObject({
  name: z.string().trim().min(2, "must be at least 2 characters").max(160, "must be at most 160 characters"),
  shortName: z.string().trim().min(1, "is required").max(24, "must be at most 24 characters"),
});

export type OrganisationView = { id: string; name: string; shortName: string; createdAt: string };
const toView = (o: typeof organisations.$inferSelect): OrganisationView => ({
  id: o.id,
  name: o.name,
  shortName: o.shortName,
  createdAt: o.createdAt.toISOString(),
});

export async function listOrganisations(deps: Deps, principal: Principal): Promise<OrganisationView[]> {
  if (principal.scope.organisationIds.length === 0) return [];
  const rows = await deps.db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, principal.scope.organisationIds))
    .orderBy(organisations.name);
  return rows.map(toView);
}

/** The creator joins the new organisation, so that they can grant it to others. */
export async function createOrganisation(
  deps: Deps,
  principal: Principal,
  input: z.infer<typeof createOrganisationInput>,
): Promise<OrganisationView> {
  return inTransaction(deps, async (tx) => {
    const [existing] = await tx.db.select().from(organisations).where(eq(organisations.name, input.name));
    if (existing) throw conflict(`An organisation named "${input.name}" already exists.`);
    const [row] = await tx.db.insert(organisations).values(input).returning();
    if (!row) throw new Error("insert into organisations returned nothing");
    if (principal.userId)
      await tx.db.insert(userOrganisations).values({ userId: principal.userId, organisationId: row.id });
    const view = toView(row);
    await recordAudit(tx, actorOf(principal), {
      action: "organisation.create",
      entityType: "organisation",
      entityId: row.id,
      organisationId: row.id,
      after: view,
    });
    return view;
  });
}
