import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const key = (fill: number) => Buffer.alloc(32, fill).toString("base64");

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("defaults to PGlite in ./data on port 3000 when nothing is set", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ kind: "pglite", dataDir: "./data" });
  });

  it("uses PostgreSQL when DATABASE_URL is set", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@h:5432/db" }).database).toEqual({
      kind: "postgres",
      url: "postgres://u@h:5432/db",
    });
  });

  it("believes no proxy unless told, and takes a hop count or proxy addresses", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BARAZA_TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({ BARAZA_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
    ]);
    expect(problemsOf({ BARAZA_TRUST_PROXY: "nginx" }).join("\n")).toMatch(/BARAZA_TRUST_PROXY: must be/);
  });

  it("reports every problem at once, naming each variable", () => {
    const problems = problemsOf({ PORT: "eighty", DATABASE_URL: "mysql://x", NODE_ENV: "staging" });
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).toMatch(/NODE_ENV/);
  });

  it("production refuses to start without secrets", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems.join("\n")).toMatch(/BARAZA_VAULT_KEYS: required/);
    expect(problems.join("\n")).toMatch(/BARAZA_HASH_KEY: required/);
    expect(problems.join("\n")).toMatch(/BARAZA_CHANNEL_TOKEN: required/);
  });

  it("an SMS driver without its credentials is refused, naming what is missing", () => {
    expect(problemsOf({ BARAZA_SMS_DRIVER: "africastalking" }).join()).toMatch(/AT_USERNAME and AT_API_KEY/);
    expect(problemsOf({ BARAZA_SMS_DRIVER: "twilio", TWILIO_ACCOUNT_SID: "AC1" }).join()).toMatch(
      /TWILIO_AUTH_TOKEN/,
    );
  });

  it("email by smtp needs SMTP_URL and BARAZA_EMAIL_FROM, and in production the public URL for links", () => {
    const problems = problemsOf({ NODE_ENV: "production", BARAZA_EMAIL_DRIVER: "smtp" }).join("\n");
    expect(problems).toMatch(/SMTP_URL: required when BARAZA_EMAIL_DRIVER=smtp/);
    expect(problems).toMatch(/BARAZA_EMAIL_FROM: required/);
    expect(problems).toMatch(/BARAZA_PUBLIC_URL: required in production/);
    expect(
      problemsOf({ SMTP_URL: "http://mail.example.org", BARAZA_EMAIL_FROM: "no address" }).join(),
    ).toMatch(/SMTP_URL: must look like smtp:\/\/.*BARAZA_EMAIL_FROM: must be an address/);
    const config = loadConfig({
      BARAZA_EMAIL_DRIVER: "smtp",
      SMTP_URL: "smtp://baraza:secret@mail.example.org:587",
      BARAZA_EMAIL_FROM: "Baraza <baraza@example.org>",
    });
    expect(config.email).toEqual({
      driver: "smtp",
      smtpUrl: "smtp://baraza:secret@mail.example.org:587",
      from: "Baraza <baraza@example.org>",
    });
    expect(loadConfig({}).email.driver).toBe("console");
  });

  it("production refuses the example secrets from .env.example", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      BARAZA_VAULT_KEYS: "k2026:change-me-generate-32-random-bytes-base64",
      BARAZA_HASH_KEY: key(3),
    });
    expect(problems.length).toBeGreaterThan(0);
  });

  it("production refuses the built-in development keys", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      BARAZA_VAULT_KEYS: `dev:${key(7)}`,
      BARAZA_HASH_KEY: key(9),
    });
    expect(problems.join("\n")).toMatch(/development keys/);
  });

  it("production starts with real keys, and the last key is active unless one is named", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      BARAZA_VAULT_KEYS: `old:${key(1)},new:${key(2)}`,
      BARAZA_HASH_KEY: key(3),
      BARAZA_CHANNEL_TOKEN: "a-real-callback-token-1234",
    });
    expect(config.vault.activeKeyId).toBe("new");
    expect(config.vault.keys.map((k) => k.id)).toEqual(["old", "new"]);
  });

  it("an active key id that is not among the keys is refused", () => {
    expect(problemsOf({ BARAZA_VAULT_KEYS: `a:${key(1)}`, BARAZA_VAULT_ACTIVE_KEY: "b" }).join()).toMatch(
      /BARAZA_VAULT_ACTIVE_KEY/,
    );
  });
});
