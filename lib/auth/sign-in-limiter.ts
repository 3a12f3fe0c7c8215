import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

const WINDOW_MS = 5 * 60_000;
const MAX_ATTEMPTS = Number(process.env.FERRY_SIGNIN_RATE_LIMIT ?? 10);

/**
 * Counts a sign-in attempt under each key (the email, the client address) and says whether
 * all are still under the limit. One atomic upsert per key, so parallel attempts cannot slip
 * past the count.
 */
export async function allowSignInAttempt(keys: string[], now = Date.now()): Promise<boolean> {
  let allowed = true;
  for (const key of keys) {
    const rows = await db.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" (id, key, count, "lastRequest") VALUES (${randomUUID()}, ${`ferry-signin:${key}`}, 1, ${BigInt(now)})
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN "RateLimit"."lastRequest" < ${BigInt(now - WINDOW_MS)} THEN 1 ELSE "RateLimit".count + 1 END,
        "lastRequest" = CASE WHEN "RateLimit"."lastRequest" < ${BigInt(now - WINDOW_MS)} THEN ${BigInt(now)} ELSE "RateLimit"."lastRequest" END
      RETURNING count`;
    if (rows[0].count > MAX_ATTEMPTS) allowed = false;
  }
  return allowed;
}
