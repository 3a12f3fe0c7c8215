/**
 * Environment configuration, validated once. A missing or malformed variable stops the
 * process with one line that names it. Every module reads its settings through env(), whose
 * defaults are the schema's: no module reads process.env.X with a default of its own. The
 * exceptions are NODE_ENV and NEXT_RUNTIME, which Next inlines at build time and which say
 * how the code runs rather than how Ferry is configured, and test and tooling code.
 */
import { z } from "zod";
import { parseTrustedProxies } from "./http/client-address";

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be a postgresql:// URL");

export const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().min(1).default("0.0.0.0"),
  FERRY_DATA_DIR: z.string().min(1).default(".data"),
  FERRY_ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  FERRY_SEED_DEMO: z.enum(["true", "false"]).default("true"),
  FERRY_DB_POOL: z.coerce.number().int().min(1).max(100).default(10),
  // Read by Next's standalone server itself (milliseconds); checked here so a typo stops the start.
  KEEP_ALIVE_TIMEOUT: z.coerce.number().int().min(1).optional(),
  FERRY_BASE_URL: z.url({ message: "must be the URL people reach Ferry at, like https://ferry.example.com" }).optional(),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  FERRY_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  // Proxies whose X-Forwarded-For is believed (comma-separated addresses or CIDR ranges);
  // none by default, so a client cannot choose the address it is rate-limited under.
  FERRY_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const parsed = parseTrustedProxies(v);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: `has "${parsed.entry}", which is not an IP address or CIDR range` });
    }),
  // The one-time code the setup page asks for; unset: made at start and printed to the log.
  FERRY_SETUP_CODE: z.string().min(12, "must be at least 12 characters").optional(),
  // /api/metrics gives anyone totals; per-programme series only with "Authorization: Bearer <this>".
  FERRY_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  FERRY_OIDC_ISSUER: z.url({ message: "must be the issuer URL of your OpenID provider" }).optional(),
  FERRY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  FERRY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  FERRY_OIDC_ALLOWED_DOMAINS: z.string().optional(),
  FERRY_OIDC_NAME: z.string().optional(),
  // Operations: how much the JSON log says, and how a replica stops on SIGTERM.
  FERRY_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // After SIGTERM: readiness answers 503 while requests are still served for this long, so the
  // load balancer stops sending before the listener closes.
  FERRY_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  // Then requests in flight get this long to finish before the process exits anyway.
  FERRY_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(20_000),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the environment or returns the one-line message that names the bad variable. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: Env } | { ok: false; message: string } {
  // An empty variable means "unset": shells and .env files leave them around.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return { ok: true, env: result.data };
  const issue = result.error.issues[0];
  return { ok: false, message: `Configuration error: ${String(issue.path[0] ?? "environment")} ${issue.message}.` };
}

let current: Env | undefined;

/**
 * The process's configuration: process.env parsed on first use and kept. A bad variable
 * throws the one-line message (scripts/start.ts refuses to start on it before this).
 */
export function env(): Env {
  if (!current) {
    const parsed = parseEnv(process.env);
    if (!parsed.ok) throw new Error(parsed.message);
    current = parsed.env;
  }
  return current;
}

/** Parses process.env again on the next env(): for tests that change it between cases. */
export function reloadEnv(): void {
  current = undefined;
}
