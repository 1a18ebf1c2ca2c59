// The one configuration object, read from the environment and validated with zod.
// Every problem is reported at once; production refuses missing or example secrets.
import { z } from "zod";

const EXAMPLE_SECRET_MARKER = "change-me";

const base64Key = (bytes: number) =>
  z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === bytes, `must be ${bytes} bytes, base64-encoded`);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine(
      (v) => v === undefined || /^postgres(ql)?:\/\//.test(v),
      "must start with postgres:// or postgresql://",
    ),
  BARAZA_DATA_DIR: z.string().min(1).default("./data"),
  BARAZA_PUBLIC_URL: z.url().optional(),
  BARAZA_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const value = v?.trim() ?? "";
      if (value === "" || value === "false") return false;
      if (/^\d+$/.test(value)) return Number(value);
      const addresses = value.split(",").map((a) => a.trim());
      // Addresses or CIDR ranges of the proxies in front of Baraza (IPv4 or IPv6).
      if (addresses.every((a) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(a))) return addresses;
      ctx.addIssue({
        code: "custom",
        message:
          'must be "false", a number of proxy hops (e.g. 1), or proxy addresses/ranges separated by commas',
      });
      return z.NEVER;
    }),
  BARAZA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BARAZA_VAULT_KEYS: z
    .string()
    .optional()
    .describe(
      "comma-separated keyId:base64(32 bytes) pairs for AES-256-GCM; the active key is BARAZA_VAULT_ACTIVE_KEY",
    ),
  BARAZA_VAULT_ACTIVE_KEY: z.string().optional(),
  BARAZA_HASH_KEY: base64Key(32).optional(),
  BARAZA_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(12 * 60),
  BARAZA_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90 * 24)
    .default(7 * 24),
  BARAZA_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  BARAZA_LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  BARAZA_CHANNEL_TOKEN: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .describe("secret carried as ?token= in the gateways' callback URLs"),
  BARAZA_SMS_DRIVER: z.enum(["console", "africastalking", "twilio"]).default("console"),
  AT_USERNAME: z.string().min(1).optional(),
  AT_API_KEY: z.string().min(1).optional(),
  AT_SENDER_ID: z.string().min(1).optional(),
  AT_API_URL: z.url().default("https://api.africastalking.com"),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  BARAZA_EMAIL_DRIVER: z.enum(["console", "smtp"]).default("console"),
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine(
      (v) => v === undefined || (/^smtps?:\/\/[^/]/.test(v) && URL.canParse(v)),
      "must look like smtp://user:pass@host:587 (or smtps://... for TLS from the start)",
    ),
  BARAZA_EMAIL_FROM: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine(
      (v) => v === undefined || /^([^<>]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(v.trim()),
      'must be an address, e.g. baraza@example.org or "Baraza <baraza@example.org>"',
    ),
  BARAZA_WORKER_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(250),
});

export interface VaultKey {
  id: string;
  key: Buffer;
}

export interface Config {
  env: "development" | "test" | "production";
  port: number;
  host: string;
  database: { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };
  dataDir: string;
  publicUrl: string | undefined;
  /**
   * Which proxies' X-Forwarded-For to believe, so that the per-connection limit on the public form
   * sees residents rather than the proxy. false: none (Baraza faces the internet directly).
   */
  trustProxy: false | number | string[];
  logLevel: string;
  vault: { keys: VaultKey[]; activeKeyId: string; hashKey: Buffer };
  session: { idleMinutes: number; maxHours: number };
  login: { maxFailures: number; windowMinutes: number };
  channels: {
    /** When set, every gateway callback must carry it as ?token=; required in production. */
    callbackToken: string | undefined;
    smsDriver: "console" | "africastalking" | "twilio";
    africastalking: { username?: string; apiKey?: string; senderId?: string; apiUrl: string };
    twilio: { accountSid?: string; authToken?: string; from?: string };
  };
  /** Staff email notices; `from` and `smtpUrl` are set whenever the driver is smtp. */
  email: { driver: "console" | "smtp"; smtpUrl: string | undefined; from: string | undefined };
  worker: { intervalMs: number };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
}

// Development-only keys: fixed so that a restarted dev server can still read what it wrote.
// Production refuses to start with them.
const DEVELOPMENT_VAULT_KEY = Buffer.alloc(32, 7).toString("base64");
const DEVELOPMENT_HASH_KEY = Buffer.alloc(32, 9).toString("base64");

function parseVaultKeys(raw: string, problems: string[]): VaultKey[] {
  const keys: VaultKey[] = [];
  for (const part of raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(":");
    if (!id || !b64 || !/^[A-Za-z0-9_-]{1,32}$/.test(id)) {
      problems.push(`BARAZA_VAULT_KEYS: "${part.slice(0, 12)}…" is not keyId:base64key`);
      continue;
    }
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) problems.push(`BARAZA_VAULT_KEYS: key "${id}" must be 32 bytes, base64-encoded`);
    else keys.push({ id, key });
  }
  return keys;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";

  const vaultRaw = e.BARAZA_VAULT_KEYS ?? (production ? "" : `dev:${DEVELOPMENT_VAULT_KEY}`);
  const keys = parseVaultKeys(vaultRaw, problems);
  const activeKeyId = e.BARAZA_VAULT_ACTIVE_KEY ?? keys.at(-1)?.id ?? "";
  const hashKeyB64 = e.BARAZA_HASH_KEY ?? (production ? "" : DEVELOPMENT_HASH_KEY);

  if (production) {
    if (keys.length === 0) problems.push("BARAZA_VAULT_KEYS: required in production (see .env.example)");
    if (!e.BARAZA_HASH_KEY) problems.push("BARAZA_HASH_KEY: required in production (see .env.example)");
    const secrets = [e.BARAZA_VAULT_KEYS ?? "", e.BARAZA_HASH_KEY ?? ""];
    if (secrets.some((s) => s.includes(EXAMPLE_SECRET_MARKER)))
      problems.push("secrets still hold the example value from .env.example: generate real ones");
    if (
      keys.some((k) => k.key.toString("base64") === DEVELOPMENT_VAULT_KEY) ||
      hashKeyB64 === DEVELOPMENT_HASH_KEY
    )
      problems.push("the development keys cannot be used in production");
  }
  if (production && !e.BARAZA_CHANNEL_TOKEN)
    problems.push("BARAZA_CHANNEL_TOKEN: required in production, so that only the gateways can post reports");
  if (e.BARAZA_CHANNEL_TOKEN?.includes(EXAMPLE_SECRET_MARKER) && production)
    problems.push("BARAZA_CHANNEL_TOKEN still holds the example value from .env.example");
  if (e.BARAZA_SMS_DRIVER === "africastalking" && !(e.AT_USERNAME && e.AT_API_KEY))
    problems.push("AT_USERNAME and AT_API_KEY: required when BARAZA_SMS_DRIVER=africastalking");
  if (e.BARAZA_SMS_DRIVER === "twilio" && !(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM))
    problems.push(
      "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM: required when BARAZA_SMS_DRIVER=twilio",
    );
  if (e.BARAZA_EMAIL_DRIVER === "smtp") {
    if (!e.SMTP_URL) problems.push("SMTP_URL: required when BARAZA_EMAIL_DRIVER=smtp");
    if (!e.BARAZA_EMAIL_FROM) problems.push("BARAZA_EMAIL_FROM: required when BARAZA_EMAIL_DRIVER=smtp");
    if (production && !e.BARAZA_PUBLIC_URL)
      problems.push("BARAZA_PUBLIC_URL: required in production when emails are sent (their links use it)");
  }
  if (keys.length > 0 && !keys.some((k) => k.id === activeKeyId))
    problems.push(`BARAZA_VAULT_ACTIVE_KEY: "${activeKeyId}" is not one of the ids in BARAZA_VAULT_KEYS`);
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: "postgres", url: e.DATABASE_URL }
      : { kind: "pglite", dataDir: e.BARAZA_DATA_DIR },
    dataDir: e.BARAZA_DATA_DIR,
    publicUrl: e.BARAZA_PUBLIC_URL,
    trustProxy: e.BARAZA_TRUST_PROXY,
    logLevel: e.BARAZA_LOG_LEVEL,
    vault: { keys, activeKeyId, hashKey: Buffer.from(hashKeyB64, "base64") },
    session: { idleMinutes: e.BARAZA_SESSION_IDLE_MINUTES, maxHours: e.BARAZA_SESSION_MAX_HOURS },
    login: { maxFailures: e.BARAZA_LOGIN_MAX_FAILURES, windowMinutes: e.BARAZA_LOGIN_WINDOW_MINUTES },
    channels: {
      callbackToken: e.BARAZA_CHANNEL_TOKEN,
      smsDriver: e.BARAZA_SMS_DRIVER,
      africastalking: {
        username: e.AT_USERNAME,
        apiKey: e.AT_API_KEY,
        senderId: e.AT_SENDER_ID,
        apiUrl: e.AT_API_URL,
      },
      twilio: {
        accountSid: e.TWILIO_ACCOUNT_SID,
        authToken: e.TWILIO_AUTH_TOKEN,
        from: e.TWILIO_FROM,
      },
    },
    email: { driver: e.BARAZA_EMAIL_DRIVER, smtpUrl: e.SMTP_URL, from: e.BARAZA_EMAIL_FROM },
    worker: { intervalMs: e.BARAZA_WORKER_INTERVAL_MS },
  };
}
