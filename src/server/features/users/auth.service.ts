// Sign-in, sessions, two-factor and password changes.
import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { isPoliceOrGovernment } from "../../../common/conflict-of-interest.ts";
import type { UserView } from "../../../common/contracts/users.ts";
import { permissionsOf } from "../../../common/roles.ts";
import { type Deps, inTransaction } from "../../deps.ts";
import { badRequest, tooManyRequests, unauthorised } from "../../lib/errors.ts";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../../lib/passwords.ts";
import * as rateLimit from "../../lib/rate-limit.ts";
import { NATIONWIDE_PLACE_ID, type Principal } from "../../lib/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import * as repo from "./sessions.repo.ts";
import * as usersRepo from "./users.repo.ts";

const TOTP_PURPOSE = "totp";

export interface SignedInSession {
  token: string;
  csrfToken: string;
  twoFactorPending: boolean;
  user: UserView;
}

export interface Authenticated {
  principal: Principal;
  session: repo.SessionRow;
  user: UserView;
  /** Password reset by an admin, or an admin without two-factor in production: only /api/auth routes are open. */
  restricted: "must_change_password" | "two_factor_setup_required" | null;
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");

function loginRateKey(deps: Deps, email: string): string {
  return `login:${deps.vault.blindIndex("login", email)}`;
}

export async function loadUserView(deps: Deps, userId: string) {
  const row = await usersRepo.findUserById(deps.db, userId);
  if (!row) return undefined;
  const grants = (await usersRepo.listGrants(deps.db, [userId])).get(userId) ?? {
    roles: [],
    organisations: [],
    places: [],
  };
  return { row, grants, view: usersRepo.toUserView(row, grants) };
}

/** `unitKinds`: the kinds of the user's responder units (usersRepo.unitKindsOf), for policeOrGovernment. */
export function principalOf(view: UserView, placePaths: string[], unitKinds: readonly string[]): Principal {
  return {
    userId: view.id,
    email: view.email,
    roles: view.roles,
    permissions: permissionsOf(view.roles),
    scope: {
      allPlaces: view.places.some((p) => p.id === NATIONWIDE_PLACE_ID),
      placePaths,
      organisationIds: view.organisations.map((o) => o.id),
    },
    canRevealIdentity: view.canRevealIdentity,
    policeOrGovernment: isPoliceOrGovernment({ roles: view.roles, unitKinds }),
  };
}

export async function login(deps: Deps, email: string, password: string): Promise<SignedInSession> {
  const now = deps.now();
  const windowMs = deps.config.login.windowMinutes * 60_000;
  const rateKey = loginRateKey(deps, email);
  if ((await rateLimit.peekRateLimit(deps.db, rateKey, now, windowMs)) >= deps.config.login.maxFailures)
    throw tooManyRequests(
      `Too many failed sign-ins for this account. Wait ${deps.config.login.windowMinutes} minutes, or ask an administrator to reset your password.`,
    );
  const user = await usersRepo.findUserByEmail(deps.db, email);
  const passwordOk = user
    ? await verifyPassword(user.passwordHash, password)
    : (await burnPasswordCheck(password), false);
  if (!user || !passwordOk || !user.active) {
    await inTransaction(deps, async (tx) => {
      await rateLimit.hitRateLimit(tx.db, rateKey, now, windowMs);
      if (user)
        await recordAudit(
          tx,
          { id: null, label: "anonymous" },
          {
            action: "session.login_failed",
            entityType: "user",
            entityId: user.id,
            after: { reason: !passwordOk ? "wrong_password" : "inactive" },
          },
        );
    });
    throw unauthorised("The email or password is wrong.");
  }
  const token = newToken();
  const csrfToken = newToken();
  const twoFactorPending = user.twoFactorEnabled;
  await inTransaction(deps, async (tx) => {
    await rateLimit.clearRateLimit(tx.db, rateKey);
    await repo.insertSession(tx.db, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken,
      twoFactorPending,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + deps.config.session.maxHours * 3_600_000),
    });
    await recordAudit(
      tx,
      { id: user.id, label: user.email },
      {
        action: twoFactorPending ? "session.password_verified" : "session.login",
        entityType: "user",
        entityId: user.id,
      },
    );
  });
  const loaded = await loadUserView(deps, user.id);
  if (!loaded) throw unauthorised();
  return { token, csrfToken, twoFactorPending, user: loaded.view };
}

/** Resolves a session cookie to the signed-in user, or undefined when it is missing, expired or idle too long. */
export async function authenticate(
  deps: Deps,
  token: string | undefined,
): Promise<Authenticated | undefined> {
  if (!token || token.length > 200) return undefined;
  const tokenHash = hashToken(token);
  const session = await repo.findSession(deps.db, tokenHash);
  if (!session) return undefined;
  const now = deps.now();
  const idleLimit = session.lastSeenAt.getTime() + deps.config.session.idleMinutes * 60_000;
  if (session.expiresAt <= now || idleLimit <= now.getTime()) {
    await repo.deleteSession(deps.db, tokenHash);
    return undefined;
  }
  const loaded = await loadUserView(deps, session.userId);
  if (!loaded || !loaded.row.active) return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) await repo.touchSession(deps.db, tokenHash, now);
  const needsTwoFactor =
    deps.config.env === "production" && loaded.view.roles.includes("admin") && !loaded.view.twoFactorEnabled;
  return {
    principal: principalOf(
      loaded.view,
      loaded.grants.places.map((p) => p.path),
      await usersRepo.unitKindsOf(deps.db, loaded.row.id),
    ),
    session,
    user: loaded.view,
    restricted: loaded.row.mustChangePassword
      ? "must_change_password"
      : needsTwoFactor
        ? "two_factor_setup_required"
        : null,
  };
}

function totpFor(secretBase32: string, email: string) {
  return new OTPAuth.TOTP({
    issuer: "Baraza",
    label: email,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

const TOTP_PERIOD_MS = 30_000;

/** The TOTP step the code belongs to (one step of clock drift either way), or null when wrong. */
function totpStepOf(deps: Deps, sealed: string | null, email: string, code: string): number | null {
  if (!sealed) return null;
  const totp = totpFor(deps.vault.decrypt(TOTP_PURPOSE, sealed), email);
  const now = deps.now().getTime();
  const delta = totp.validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / TOTP_PERIOD_MS) + delta;
}

export async function completeTwoFactor(deps: Deps, auth: Authenticated, code: string): Promise<UserView> {
  const row = await usersRepo.findUserById(deps.db, auth.user.id);
  if (!row || !auth.session.twoFactorPending)
    throw badRequest("This session is not waiting for a two-factor code.");
  const rateKey = `totp:${row.id}`;
  const now = deps.now();
  if ((await rateLimit.peekRateLimit(deps.db, rateKey, now, 15 * 60_000)) >= deps.config.login.maxFailures)
    throw tooManyRequests("Too many wrong codes. Wait 15 minutes and sign in again.");
  const step = totpStepOf(deps, row.totpSecretSealed, row.email, code);
  if (step === null) {
    await rateLimit.hitRateLimit(deps.db, rateKey, now, 15 * 60_000);
    throw unauthorised(
      "That code is not right. Check your authenticator app's clock and try the current code.",
    );
  }
  await inTransaction(deps, async (tx) => {
    if (!(await usersRepo.claimTotpStep(tx.db, row.id, step)))
      throw unauthorised(
        "That code has already been used. Wait for the next code in your authenticator app.",
      );
    await rateLimit.clearRateLimit(tx.db, rateKey);
    await repo.markSessionVerified(tx.db, auth.session.tokenHash);
    await recordAudit(
      tx,
      { id: row.id, label: row.email },
      { action: "session.login", entityType: "user", entityId: row.id },
    );
  });
  return auth.user;
}

export async function logout(deps: Deps, auth: Authenticated): Promise<void> {
  await inTransaction(deps, async (tx) => {
    await repo.deleteSession(tx.db, auth.session.tokenHash);
    await recordAudit(
      tx,
      { id: auth.user.id, label: auth.user.email },
      {
        action: "session.logout",
        entityType: "user",
        entityId: auth.user.id,
      },
    );
  });
}

async function updateOwnAccount(
  deps: Deps,
  auth: Authenticated,
  action: string,
  values: Parameters<typeof usersRepo.updateUserRow>[2],
  audit: { before?: unknown; after?: unknown } = {},
): Promise<UserView> {
  await inTransaction(deps, async (tx) => {
    await usersRepo.updateUserRow(tx.db, auth.user.id, values);
    await recordAudit(
      tx,
      { id: auth.user.id, label: auth.user.email },
      {
        action,
        entityType: "user",
        entityId: auth.user.id,
        ...audit,
      },
    );
  });
  const loaded = await loadUserView(deps, auth.user.id);
  if (!loaded) throw unauthorised();
  return loaded.view;
}

export function updateMe(
  deps: Deps,
  auth: Authenticated,
  input: { locale?: "en" | "sw" | undefined; name?: string | undefined; emailNotices?: boolean | undefined },
) {
  const values = {
    ...(input.locale && { locale: input.locale }),
    ...(input.name && { name: input.name }),
    ...(input.emailNotices !== undefined && { emailNotices: input.emailNotices }),
  };
  const { locale, name, emailNotices } = auth.user;
  return updateOwnAccount(deps, auth, "user.update_self", values, {
    before: { locale, name, emailNotices },
    after: {
      locale: input.locale ?? locale,
      name: input.name ?? name,
      emailNotices: input.emailNotices ?? emailNotices,
    },
  });
}

export async function changePassword(
  deps: Deps,
  auth: Authenticated,
  current: string,
  next: string,
): Promise<void> {
  const row = await usersRepo.findUserById(deps.db, auth.user.id);
  if (!row || !(await verifyPassword(row.passwordHash, current)))
    throw badRequest("currentPassword: this is not your current password", [
      { path: "currentPassword", message: "is not your current password" },
    ]);
  if (current === next)
    throw badRequest("newPassword: choose a password different from the current one", [
      { path: "newPassword", message: "must differ from the current password" },
    ]);
  await updateOwnAccount(deps, auth, "user.change_password", {
    passwordHash: await hashPassword(next),
    mustChangePassword: false,
  });
  // Other sessions (perhaps an attacker's) end when the password changes.
  await repo.deleteSessionsOfUser(deps.db, auth.user.id, auth.session.tokenHash);
}

export async function startTwoFactorSetup(
  deps: Deps,
  auth: Authenticated,
): Promise<{ secret: string; otpauthUrl: string }> {
  if (auth.user.twoFactorEnabled)
    throw badRequest("Two-factor sign-in is already on. Turn it off first to set up a new device.");
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await updateOwnAccount(deps, auth, "user.two_factor_setup", {
    totpSecretSealed: deps.vault.encrypt(TOTP_PURPOSE, secret),
  });
  return { secret, otpauthUrl: totpFor(secret, auth.user.email).toString() };
}

export async function enableTwoFactor(deps: Deps, auth: Authenticated, code: string): Promise<UserView> {
  const row = await usersRepo.findUserById(deps.db, auth.user.id);
  if (!row?.totpSecretSealed) throw badRequest("Start two-factor setup first.");
  const step = totpStepOf(deps, row.totpSecretSealed, row.email, code);
  if (step === null)
    throw badRequest("code: that code is not right; enter the current code from your authenticator app", [
      { path: "code", message: "is not the current code" },
    ]);
  return updateOwnAccount(
    deps,
    auth,
    "user.two_factor_enable",
    { twoFactorEnabled: true, totpLastStep: step },
    {
      before: { twoFactorEnabled: false },
      after: { twoFactorEnabled: true },
    },
  );
}

export async function disableTwoFactor(deps: Deps, auth: Authenticated, password: string): Promise<UserView> {
  const row = await usersRepo.findUserById(deps.db, auth.user.id);
  if (!row || !(await verifyPassword(row.passwordHash, password)))
    throw badRequest("password: this is not your current password", [
      { path: "password", message: "is not your current password" },
    ]);
  if (deps.config.env === "production" && auth.user.roles.includes("admin"))
    throw badRequest("Administrators must keep two-factor sign-in on in production.");
  return updateOwnAccount(
    deps,
    auth,
    "user.two_factor_disable",
    { twoFactorEnabled: false, totpSecretSealed: null, totpLastStep: null },
    {
      before: { twoFactorEnabled: true },
      after: { twoFactorEnabled: false },
    },
  );
}
