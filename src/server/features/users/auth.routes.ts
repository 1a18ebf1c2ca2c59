import type { FastifyInstance } from "fastify";
import {
  changePasswordInput,
  disableTwoFactorInput,
  loginInput,
  twoFactorInput,
  updateMeInput,
} from "../../../common/contracts/users.ts";
import type { Deps } from "../../deps.ts";
import { parseInput } from "../../lib/errors.ts";
import { clearSessionCookie, requireAuth, setSessionCookie } from "../../lib/http.ts";
import * as auth from "./auth.service.ts";

export function authRoutes(app: FastifyInstance, deps: Deps): void {
  app.get("/api/auth/me", async (request) => {
    const a = requireAuth(request, { allowRestricted: true });
    return { user: a.user, csrfToken: a.session.csrfToken, restricted: a.restricted };
  });

  app.post("/api/auth/login", async (request, reply) => {
    const input = parseInput(loginInput, request.body);
    const session = await auth.login(deps, input.email, input.password);
    setSessionCookie(reply, deps, session.token);
    return session.twoFactorPending
      ? { twoFactorRequired: true, csrfToken: session.csrfToken }
      : { user: session.user, csrfToken: session.csrfToken };
  });

  app.post("/api/auth/two-factor", async (request) => {
    const a = requireAuth(request, { allowRestricted: true, allowPending: true });
    const { code } = parseInput(twoFactorInput, request.body);
    return { user: await auth.completeTwoFactor(deps, a, code), csrfToken: a.session.csrfToken };
  });

  app.post("/api/auth/logout", async (request, reply) => {
    const a = requireAuth(request, { allowRestricted: true, allowPending: true });
    await auth.logout(deps, a);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.patch("/api/auth/me", async (request) => {
    const a = requireAuth(request, { allowRestricted: true });
    return { user: await auth.updateMe(deps, a, parseInput(updateMeInput, request.body)) };
  });

  app.post("/api/auth/password", async (request, reply) => {
    const a = requireAuth(request, { allowRestricted: true });
    const input = parseInput(changePasswordInput, request.body);
    await auth.changePassword(deps, a, input.currentPassword, input.newPassword);
    return reply.status(204).send();
  });

  app.post("/api/auth/two-factor/setup", async (request) =>
    auth.startTwoFactorSetup(deps, requireAuth(request, { allowRestricted: true })),
  );

  app.post("/api/auth/two-factor/enable", async (request) => {
    const a = requireAuth(request, { allowRestricted: true });
    return { user: await auth.enableTwoFactor(deps, a, parseInput(twoFactorInput, request.body).code) };
  });

  app.post("/api/auth/two-factor/disable", async (request) => {
    const a = requireAuth(request, { allowRestricted: true });
    return {
      user: await auth.disableTwoFactor(deps, a, parseInput(disableTwoFactorInput, request.body).password),
    };
  });
}
