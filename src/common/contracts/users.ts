// API contracts for users and sign-in, shared by the server (validation) and the web app (types).
import { z } from "zod";
import { ROLES } from "../roles.ts";
import type { PlaceKind } from "./places.ts";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be an email address"));
export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(200, "must be at most 200 characters");
const nameSchema = z.string().trim().min(1, "is required").max(120, "must be at most 120 characters");
const placeIdSchema = z.string().min(1).max(80, "is not a place id");

export const localeSchema = z.enum(["en", "sw"]);
export const roleSchema = z.enum(ROLES);

export const loginInput = z.strictObject({
  email: emailSchema,
  password: z.string().min(1, "is required").max(200),
});
export const twoFactorInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "must be the 6-digit code"),
});
export const updateMeInput = z.strictObject({
  locale: localeSchema.optional(),
  name: nameSchema.optional(),
  emailNotices: z.boolean().optional(),
});
export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "is required").max(200),
  newPassword: passwordSchema,
});
export const disableTwoFactorInput = z.strictObject({ password: z.string().min(1, "is required").max(200) });

export const createUserInput = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  roles: z.array(roleSchema).min(1, "give the user at least one role").max(ROLES.length),
  organisationIds: z
    .array(z.uuid("is not an organisation id"))
    .min(1, "give the user at least one organisation")
    .max(50),
  placeIds: z.array(placeIdSchema).min(1, "give the user at least one area").max(200),
  locale: localeSchema.optional(),
  canRevealIdentity: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.strictObject({
  name: nameSchema.optional(),
  roles: createUserInput.shape.roles.optional(),
  organisationIds: createUserInput.shape.organisationIds.optional(),
  placeIds: createUserInput.shape.placeIds.optional(),
  active: z.boolean().optional(),
  canRevealIdentity: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.strictObject({ password: passwordSchema });

export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  organisationId: z.uuid("is not an organisation id").optional(),
});

export interface UserView {
  id: string;
  email: string;
  name: string;
  locale: "en" | "sw";
  roles: (typeof ROLES)[number][];
  organisations: { id: string; name: string }[];
  places: { id: string; name: string; kind: PlaceKind }[];
  twoFactorEnabled: boolean;
  /** Case notices also by email to the account address. */
  emailNotices: boolean;
  mustChangePassword: boolean;
  active: boolean;
  canRevealIdentity: boolean;
  createdAt: string;
}
