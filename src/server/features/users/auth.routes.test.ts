import * as OTPAuth from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Fixture, PASSWORD, seedTwoCounties } from "../../test/fixtures.ts";
import { ApiClient, startTestServer, type TestServer } from "../../test/harness.ts";

let server: TestServer;
let fx: Fixture;
beforeAll(async () => {
  server = await startTestServer();
  fx = await seedTwoCounties(server.deps);
});
afterAll(() => server?.close());

const client = () => new ApiClient(server.url);

describe("signing in", () => {
  it("a correct password starts a session in an HttpOnly, SameSite cookie and returns the user", async () => {
    const api = client();
    const res = await api.login("admin.nakuru@test.ke", PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe("admin.nakuru@test.ke");
    expect(res.body.user.roles).toEqual(["admin"]);
    const cookie = res.headers.getSetCookie().join(";");
    expect(cookie).toMatch(/baraza_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await api.get("/api/auth/me")).body.user.places).toEqual([
      { id: "c:032", name: "Nakuru", kind: "county" },
    ]);
  });

  it("a wrong password is refused with a message and no session", async () => {
    const api = client();
    const res = await api.login("admin.mombasa@test.ke", "wrong password!");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/email or password is wrong/);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await api.get("/api/auth/me")).status).toBe(401);
  });

  it("an unknown email gets the same answer as a wrong password", async () => {
    const res = await client().login("nobody@test.ke", "whatever password");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/email or password is wrong/);
  });

  it("after five failures the account is rate limited, even with the right password, until the window passes", async () => {
    const api = client();
    for (let i = 0; i < 5; i++)
      expect((await api.login("ocs.nakuru@test.ke", `bad guess ${i}`)).status).toBe(401);
    const blocked = await api.login("ocs.nakuru@test.ke", PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.message).toMatch(/Too many failed sign-ins/);
    server.clock.advance(16 * 60_000);
    expect((await api.login("ocs.nakuru@test.ke", PASSWORD)).status).toBe(200);
  });

  it("a sign-in with unknown fields or a missing password is a 400 naming the field", async () => {
    const res = await client().post("/api/auth/login", { email: "a@b.ke", pasword: "x" });
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toContain("pasword");
    expect(paths).toContain("password");
  });
});

describe("sessions", () => {
  it("a write without the CSRF token is refused", async () => {
    const api = client();
    await api.login("national@test.ke", PASSWORD);
    api.csrfToken = "";
    const res = await api.patch("/api/auth/me", { locale: "sw" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf");
  });

  it("the language choice is saved on the user", async () => {
    const api = client();
    await api.login("national@test.ke", PASSWORD);
    expect((await api.patch("/api/auth/me", { locale: "sw" })).body.user.locale).toBe("sw");
    expect((await api.get("/api/auth/me")).body.user.locale).toBe("sw");
  });

  it("a session left idle longer than the idle limit ends", async () => {
    const api = client();
    await api.login("admin.mombasa@test.ke", PASSWORD);
    server.clock.advance(13 * 3600_000);
    expect((await api.get("/api/auth/me")).status).toBe(401);
  });

  it("signing out ends the session", async () => {
    const api = client();
    await api.login("admin.mombasa@test.ke", PASSWORD);
    expect((await api.post("/api/auth/logout")).status).toBe(204);
    expect((await api.get("/api/auth/me")).status).toBe(401);
  });
});

describe("two-factor sign-in", () => {
  it("once enabled, a session needs the current TOTP code before it grants anything, and a code works only once", async () => {
    const api = client();
    await api.login("officer.mombasa@test.ke", PASSWORD);
    const setup = await api.post("/api/auth/two-factor/setup");
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Baraza/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(setup.body.secret) });
    const code = () => totp.generate({ timestamp: server.clock.now().getTime() });
    expect((await api.post("/api/auth/two-factor/enable", { code: "000000" })).status).toBe(400);
    expect((await api.post("/api/auth/two-factor/enable", { code: code() })).body.user.twoFactorEnabled).toBe(
      true,
    );

    server.clock.advance(30_000); // the code that enabled it is spent; sign in with the next one
    const again = client();
    const first = await again.login("officer.mombasa@test.ke", PASSWORD);
    expect(first.body).toMatchObject({ twoFactorRequired: true });
    expect((await again.get("/api/organisations")).status).toBe(401);
    expect((await again.post("/api/auth/two-factor", { code: "123456" })).status).toBe(401);
    const done = await again.post("/api/auth/two-factor", { code: code() });
    expect(done.status).toBe(200);
    expect((await again.get("/api/organisations")).status).toBe(200);

    // A code seen over a shoulder cannot be replayed while it is still valid.
    const onlooker = client();
    await onlooker.login("officer.mombasa@test.ke", PASSWORD);
    const replayed = await onlooker.post("/api/auth/two-factor", { code: code() });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.message).toMatch(/already been used/);
    expect((await onlooker.get("/api/organisations")).status).toBe(401);
    server.clock.advance(30_000);
    expect((await onlooker.post("/api/auth/two-factor", { code: code() })).status).toBe(200);
  });

  it("in production an administrator without two-factor can reach only their account until they set it up", async () => {
    const prod = await startTestServer({
      NODE_ENV: "production",
      BARAZA_VAULT_KEYS: `k1:${Buffer.alloc(32, 1).toString("base64")}`,
      BARAZA_HASH_KEY: Buffer.alloc(32, 2).toString("base64"),
      BARAZA_CHANNEL_TOKEN: "a-production-callback-token",
    });
    try {
      await seedTwoCounties(prod.deps);
      const api = new ApiClient(prod.url);
      await api.login("national@test.ke", PASSWORD);
      const me = await api.get("/api/auth/me");
      expect(me.body.restricted).toBe("two_factor_setup_required");
      const users = await api.get("/api/users");
      expect(users.status).toBe(403);
      expect(users.body.error.message).toMatch(/two-factor/);
    } finally {
      await prod.close();
    }
  });
});

describe("password reset by an administrator", () => {
  it("ends the user's sessions and makes them choose a new password before anything else", async () => {
    const admin = client();
    await admin.login("national@test.ke", PASSWORD);
    const user = client();
    await user.login("admin.mombasa@test.ke", PASSWORD);
    const reset = await admin.post(`/api/users/${fx.users.mombasaAdmin?.id}/reset-password`, {
      password: "temporary-pass-123",
    });
    expect(reset.status).toBe(204);
    expect((await user.get("/api/auth/me")).status).toBe(401);

    const fresh = client();
    expect(
      (await fresh.login("admin.mombasa@test.ke", "temporary-pass-123")).body.user.mustChangePassword,
    ).toBe(true);
    const blocked = await fresh.get("/api/organisations");
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/Change your password/);
    const changed = await fresh.post("/api/auth/password", {
      currentPassword: "temporary-pass-123",
      newPassword: PASSWORD,
    });
    expect(changed.status).toBe(204);
    expect((await fresh.get("/api/organisations")).status).toBe(200);
  });
});
