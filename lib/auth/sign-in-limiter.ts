import "server-only";
import { createHash } from "node:crypto";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestClientAddress, UNKNOWN_ADDRESS } from "@/lib/http/client-address";
import { log } from "@/lib/log";
import { decideAddress, decidePair, FORGET_MS, type Counter } from "./sign-in-backoff";

/**
 * The one limiter for password sign-in. It runs as a better-auth plugin hook on
 * `/sign-in/email`, so the page's server action (which calls `auth.api.signInEmail`) and
 * better-auth's own HTTP endpoint are decided by the same code and the same rows; the rules
 * are in sign-in-backoff.ts. It never reads the user table, so a refusal is the same answer,
 * in the same time, for an account that exists and one that does not.
 */

/** The refusal's message, for the action to show as it is. */
export const SIGN_IN_REFUSED_MESSAGE = "Too many sign-in attempts. Wait a few minutes and try again.";
export const SIGN_IN_REFUSED_CODE = "RATE_LIMITED";

export type SignInAttempt = { email: string; address: string };
export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const maxAttempts = () => env().FERRY_SIGNIN_RATE_LIMIT;

// better-auth finds accounts by the lower-cased email, so every spelling of one account is
// one key. Hashed: the table needs no email addresses, and a huge "email" makes no huge key.
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
const keysOf = (a: SignInAttempt) => ({ pair: `pair:${a.address}:${accountKey(a.email)}`, address: `address:${a.address}` });

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super("refused");
  }
}

type Row = { key: string; failures: number; windowStart: bigint; lastAttempt: bigint };

/**
 * Counts an attempt before the password is checked, so that parallel attempts cannot all pass
 * one stale read. Three round trips: the first statement creates missing rows and locks and
 * reads both (in key order, so two attempts cannot deadlock), the second writes both counters;
 * a refusal rolls the transaction back, changing nothing.
 */
export async function reserveSignInAttempt(attempt: SignInAttempt, now = Date.now()): Promise<Reservation> {
  const { pair, address } = keysOf(attempt);
  const max = maxAttempts();
  const [first, second] = [pair, address].sort();
  try {
    await db.$transaction(async (tx) => {
      // `DO UPDATE SET key = key` leaves an existing row as it was but locks it and returns it.
      const rows = await tx.$queryRaw<Row[]>`INSERT INTO "SignInThrottle" AS t (key, failures, "windowStart", "lastAttempt")
        VALUES (${first}, 0, ${BigInt(now)}, ${BigInt(now)}), (${second}, 0, ${BigInt(now)}, ${BigInt(now)})
        ON CONFLICT (key) DO UPDATE SET key = t.key
        RETURNING t.key, t.failures, t."windowStart", t."lastAttempt"`;
      const counter = (key: string): Counter | null => {
        const row = rows.find((r) => r.key === key);
        return row ? { failures: row.failures, windowStart: Number(row.windowStart), lastAttempt: Number(row.lastAttempt) } : null;
      };
      const decisions = [
        [pair, decidePair(counter(pair), now, max)],
        [address, decideAddress(counter(address), now, max)],
      ] as const;
      const refusals = decisions.flatMap(([, d]) => (d.allowed ? [] : [d.retryAfterMs]));
      if (refusals.length > 0) throw new Refused(Math.max(...refusals));
      const next = decisions.flatMap(([key, d]) => (d.allowed ? [{ key, ...d.next }] : []));
      const [p, q] = next;
      await tx.$executeRaw`UPDATE "SignInThrottle" AS t SET failures = v.failures::int, "windowStart" = v.ws::bigint, "lastAttempt" = v.la::bigint
        FROM (VALUES (${p.key}, ${p.failures}, ${BigInt(p.windowStart)}, ${BigInt(p.lastAttempt)}), (${q.key}, ${q.failures}, ${BigInt(q.windowStart)}, ${BigInt(q.lastAttempt)}))
          AS v(key, failures, ws, la)
        WHERE t.key = v.key`;
    });
  } catch (error) {
    if (error instanceof Refused) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.retryAfterMs / 1000)) };
    throw error;
  }
  // Rows untouched for a day mean nothing any more (decidePair starts afresh): drop them
  // now and then, rather than on every attempt.
  if (Math.random() < 0.01) await db.$executeRaw`DELETE FROM "SignInThrottle" WHERE "lastAttempt" < ${BigInt(now - FORGET_MS)}`;
  return { allowed: true };
}

/**
 * A successful sign-in: its attempt is given back, and the account's back-off from this
 * address ends. Nobody else's counters change, so a success on one's own account does not
 * buy attempts at another. One statement: both changes or neither.
 */
export async function releaseSignInAttempt(attempt: SignInAttempt): Promise<void> {
  const { pair, address } = keysOf(attempt);
  // If the address's window rolled over while this attempt ran, this gives the new window
  // one attempt back: at most one per window, and only after a success.
  await db.$executeRaw`WITH forgotten AS (DELETE FROM "SignInThrottle" WHERE key = ${pair})
    UPDATE "SignInThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${address}`;
}

/** The attempt a better-auth request makes, or null when it names no email (then no password is checked). */
function attemptOf(ctx: { body?: unknown; headers?: Headers }): SignInAttempt | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== "string") return null;
  const address = requestClientAddress(ctx.headers ?? new Headers(), env().FERRY_TRUSTED_PROXIES);
  if (address === UNKNOWN_ADDRESS && process.env.NODE_ENV === "production" && !warnedUnknown) {
    warnedUnknown = true;
    log.warn("Sign-in limiter: no client address (no server stamped the connection's address: lib/http/early-guard.ts); every client shares one per-address limit");
  }
  return { email, address };
}

let warnedUnknown = false;

const isPasswordSignIn = (ctx: { path?: string }) => ctx.path === "/sign-in/email";

/** The better-auth plugin that puts every password sign-in through the limiter. */
export const signInLimiter = () =>
  ({
    id: "ferry-sign-in-limiter",
    hooks: {
      before: [
        {
          matcher: isPasswordSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const attempt = attemptOf(ctx);
            if (!attempt) return;
            const reservation = await reserveSignInAttempt(attempt);
            if (!reservation.allowed) {
              throw new APIError("TOO_MANY_REQUESTS", { message: SIGN_IN_REFUSED_MESSAGE, code: SIGN_IN_REFUSED_CODE }, { "Retry-After": String(reservation.retryAfterSeconds) });
            }
          }),
        },
      ],
      after: [
        {
          matcher: isPasswordSignIn,
          handler: createAuthMiddleware(async (ctx) => {
            const attempt = attemptOf(ctx);
            if (attempt && ctx.context.newSession && !isAPIError(ctx.context.returned)) await releaseSignInAttempt(attempt);
          }),
        },
      ],
    },
  }) satisfies BetterAuthPlugin;
