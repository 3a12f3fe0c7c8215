import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { WINDOW_MS } from "./sign-in-backoff";

/**
 * A limit on using sign-in links, per client address: FERRY_SIGNIN_RATE_LIMIT attempts (the
 * sign-in limit's own setting, 10 by default) in five minutes, whatever their outcome. A
 * link's token is 256 random bits, so guessing is hopeless anyway; the limit keeps a script
 * from trying, and from spending the server's password hashing (every attempt hashes the new
 * password) at will. It shares the sign-in limiter's counter table under its own keys.
 */
const keyOf = (address: string) => `link:${address}`;

/**
 * Counts one attempt from `address`; false when it is over the limit. Refused attempts count
 * too, but the window still ends five minutes after it began, so nobody is shut out for longer.
 * One statement, so parallel attempts cannot all read a stale count.
 */
export async function reserveSignInLinkAttempt(address: string, now = Date.now(), max = env().FERRY_SIGNIN_RATE_LIMIT): Promise<boolean> {
  const expired = BigInt(now - WINDOW_MS);
  const rows = await db.$queryRaw<{ failures: number }[]>`
    INSERT INTO "SignInThrottle" AS t (key, failures, "windowStart", "lastAttempt")
    VALUES (${keyOf(address)}, 1, ${BigInt(now)}, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t."windowStart" <= ${expired} THEN 1 ELSE t.failures + 1 END,
      "windowStart" = CASE WHEN t."windowStart" <= ${expired} THEN ${BigInt(now)} ELSE t."windowStart" END,
      "lastAttempt" = ${BigInt(now)}
    RETURNING failures`;
  return (rows[0]?.failures ?? Infinity) <= max;
}
