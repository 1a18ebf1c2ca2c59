import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ATTACHMENT_OWNER_KINDS } from "../../../common/contracts/attachments.ts";
import { organisations } from "../organisations/organisations.table.ts";
import { users } from "../users/users.table.ts";

/** bytea: node-postgres hands back a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/**
 * Files attached to a record (a case's timeline action, an activity, an impact story, a manual
 * indicator figure). The content and the file name are sealed by the vault: evidence photos and
 * statements are as sensitive as a reporter's name. Which records may be read is decided by the
 * owner's feature; this table only knows the owner's kind and id.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The owner's organisation, for scoping and audit; null for owners that have none (cases). */
    organisationId: uuid("organisation_id").references(() => organisations.id),
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    filenameSealed: text("filename_sealed").notNull(),
    mediaType: text("media_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Of the plain content: lets an audit row prove which file was added or removed. */
    sha256: text("sha256").notNull(),
    contentSealed: bytea("content_sealed").notNull(),
    uploadedBy: uuid("uploaded_by").references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("attachments_owner_idx").on(t.ownerKind, t.ownerId),
    check(
      "attachments_owner_kind_check",
      sql`${t.ownerKind} in (${sql.raw(ATTACHMENT_OWNER_KINDS.map((k) => `'${k}'`).join(","))})`,
    ),
  ],
);
