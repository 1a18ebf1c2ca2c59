import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { organisations } from "../organisations/organisations.table.ts";
import { places } from "../places/places.table.ts";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale").notNull().default("en"),
  /** TOTP secret sealed by the vault; null until two-factor setup starts. */
  totpSecretSealed: text("totp_secret_sealed"),
  twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
  /** Case notices by email (assigned, reminders, escalations); in-app notices always come. */
  emailNotices: boolean("email_notices").notNull().default(true),
  /** The 30-second TOTP step of the last accepted code: a code is good once, never replayed. */
  totpLastStep: bigint("totp_last_step", { mode: "number" }),
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  active: boolean("active").notNull().default(true),
  /** An explicit, audited grant: the only way to see a reporter's contact details. */
  canRevealIdentity: boolean("can_reveal_identity").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check(
      "user_roles_role_check",
      sql`${t.role} in ('admin','programme_officer','me_officer','facilitator','monitor','responder','oversight','counsellor','viewer')`,
    ),
  ],
);

export const userOrganisations = pgTable(
  "user_organisations",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index("user_orgs_org_idx").on(t.organisationId),
  ],
);

export const userPlaces = pgTable(
  "user_places",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    placeId: text("place_id")
      .notNull()
      .references(() => places.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.placeId] })],
);
