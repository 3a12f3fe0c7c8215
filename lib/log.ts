/**
 * Structured logs through pino: one JSON object per line on stdout, with `level`, `time`, `msg`
 * and, for anything a request causes, its `request_id` and the actor's id (from the request's
 * context, lib/http/request-context.ts, so callers need not pass them). `npm run dev` pipes the
 * lines through pino-pretty (scripts/start.ts); the server itself only ever writes JSON.
 *
 * Secrets never reach the output: fields named like one (authorization, cookie, password,
 * token, secret...) are replaced at any depth, and the finished line is scrubbed of the
 * configured secrets' values, bearer tokens, Ferry API tokens, session cookies and database
 * URL passwords, whatever field or message they hid in.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/lib/env";
import { currentRequest } from "@/lib/http/request-context";

type Fields = Record<string, unknown>;
export type Level = "debug" | "info" | "warn" | "error";

export const REDACTED = "[redacted]";

// Field names compared lower-cased with `-` and `_` removed: "Set-Cookie", "set_cookie" and
// "setCookie" are one name.
const SECRET_FIELDS = new Set([
  "authorization", "proxyauthorization", "cookie", "cookies", "setcookie", "password", "passwd", "newpassword", "currentpassword", "secret",
  "token", "apikey", "accesstoken", "refreshtoken", "idtoken", "sessiontoken", "clientsecret", "setupcode", "codeverifier",
  "databaseurl", "connectionstring", "betterauthsecret", "ferryadmintoken", "ferrymetricstoken", "ferrysetupcode", "ferryoidcclientsecret",
]);
const SECRET_SUFFIXES = ["password", "secret", "token"];

const normalise = (key: string) => key.toLowerCase().replace(/[-_]/g, "");

/** True for a field whose value is a secret by its name. */
export function isSecretField(key: string): boolean {
  const k = normalise(key);
  return SECRET_FIELDS.has(k) || SECRET_SUFFIXES.some((s) => k.endsWith(s));
}

/** An error as plain data: its type, message, code and stack, and its cause the same way. */
function errorFields(error: Error, depth: number): Fields {
  const out: Fields = { type: error.name, message: error.message };
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (error.stack) out.stack = error.stack;
  if (error.cause !== undefined && depth < 3) out.cause = error.cause instanceof Error ? errorFields(error.cause, depth + 1) : String(error.cause);
  return out;
}

/** The value with every secret-named field replaced, at any depth; errors reduced to plain data. */
export function redactFields(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) return redactFields(errorFields(value, 0), depth, seen);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (seen.has(value) || depth > 8) return "[elided]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => redactFields(v, depth + 1, seen));
  if (value instanceof Headers) return redactFields(Object.fromEntries(value), depth, seen);
  const out: Fields = {};
  for (const [k, v] of Object.entries(value)) out[k] = isSecretField(k) ? REDACTED : redactFields(v, depth + 1, seen);
  return out;
}

// What can be recognised by its shape wherever it appears in a line.
const SHAPES: [RegExp, string][] = [
  [/(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/ferry_[A-Za-z0-9_-]{16,}/g, `ferry_${REDACTED}`],
  [/(session_token=)[^;\s"\\]+/gi, `$1${REDACTED}`],
  [/(postgres(?:ql)?:\/\/[^:/\s"@]*:)[^@\s"]+@/gi, `$1${REDACTED}@`],
];

/** The configured secrets' values, as they would appear in a JSON line. */
function configuredSecrets(): string[] {
  let e: ReturnType<typeof env>;
  try {
    e = env();
  } catch {
    return [];
  }
  const values = [e.FERRY_ADMIN_TOKEN, e.BETTER_AUTH_SECRET, e.FERRY_METRICS_TOKEN, e.FERRY_OIDC_CLIENT_SECRET, e.FERRY_SETUP_CODE];
  if (e.DATABASE_URL && URL.canParse(e.DATABASE_URL)) values.push(decodeURIComponent(new URL(e.DATABASE_URL).password));
  // Short values would blank out ordinary words; the validated secrets are all 12+ characters.
  return values.filter((v): v is string => typeof v === "string" && v.length >= 8).flatMap((v) => [v, JSON.stringify(v).slice(1, -1)]);
}

/** A finished line with every secret value and secret-shaped string replaced. */
export function scrubLine(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) if (out.includes(s)) out = out.replaceAll(s, REDACTED);
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out;
}

function levelFromEnv(): pino.LevelWithSilent {
  try {
    return env().FERRY_LOG_LEVEL;
  } catch {
    return "info";
  }
}

/** A pino logger writing JSON lines to `destination` (stdout by default); tests give their own. */
export function createLogger(destination?: DestinationStream, secrets: readonly string[] = configuredSecrets()): Logger {
  return pino(
    {
      level: levelFromEnv(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // The request's id and actor on every line it causes; fields given explicitly win.
      mixin() {
        const request = currentRequest();
        if (!request) return {};
        return request.actorId === undefined ? { request_id: request.requestId } : { request_id: request.requestId, actor_id: request.actorId };
      },
      hooks: { streamWrite: (line) => scrubLine(line, secrets) },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

// On globalThis: one logger (one file descriptor writer) per process, whichever bundle asks.
const globalForLog = globalThis as unknown as { ferryLogger?: Logger };
const logger = () => (globalForLog.ferryLogger ??= createLogger());

/** Callers' fields as logged: `requestId` spelled as every line spells it, secrets removed. */
function fieldsOf(fields: Fields | undefined): Fields {
  if (!fields) return {};
  const { requestId, ...rest } = fields;
  const out = redactFields(rest) as Fields;
  if (typeof requestId === "string") out.request_id = requestId;
  return out;
}

function write(target: Logger, level: Level, message: string, fields?: Fields): void {
  if (!target.isLevelEnabled(level)) return;
  target[level](fieldsOf(fields), message);
}

/** The logging API over any pino logger: `log.info("message", { fields })`. */
export function logWith(target: () => Logger) {
  return {
    debug: (message: string, fields?: Fields) => write(target(), "debug", message, fields),
    info: (message: string, fields?: Fields) => write(target(), "info", message, fields),
    warn: (message: string, fields?: Fields) => write(target(), "warn", message, fields),
    error: (message: string, fields?: Fields) => write(target(), "error", message, fields),
    enabled: (level: Level) => target().isLevelEnabled(level),
  };
}

export const log = logWith(logger);
