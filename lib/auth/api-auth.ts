import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { bearerToken, hashToken, secretsEqual } from "./tokens";

// lastUsedAt is informative: refreshing it at most once a minute keeps a busy pipeline's
// requests from each writing a row.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a token's lookup is reused in memory. A pipeline ticking hundreds of items a second
 * would otherwise read the same token row for each (ADR 25 has the measurement). The bound: a
 * revocation made through this process (revokeApiToken) applies at once; one made by another
 * replica (or in SQL), and a user disabled or renamed, apply within this many milliseconds.
 */
export const TOKEN_CACHE_TTL_MS = 5_000;
const TOKEN_CACHE_MAX = 1_000;

type TokenRow = { id: string; expiresAt: Date | null; lastUsedAt: Date | null; programmeId: string | null; user: { id: string; name: string; isAdmin: boolean } };

// On globalThis so every route bundle of the server shares one cache (and one invalidation).
// Per process, so per replica: replicas share nothing but the database.
const globalForTokens = globalThis as unknown as { ferryTokenCache?: LRUCache<string, TokenRow> };
const tokenCache = (globalForTokens.ferryTokenCache ??= new LRUCache<string, TokenRow>({ max: TOKEN_CACHE_MAX, ttl: TOKEN_CACHE_TTL_MS }));

/** Drops every cached token lookup of this process: called when a token is revoked. */
export function forgetCachedTokens(): void {
  tokenCache.clear();
}

/** The actor behind a REST request's bearer token, or UNAUTHENTICATED. */
export async function authenticateBearer(authorization: string | null, requestId: string): Promise<Actor> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("UNAUTHENTICATED", "Send a token in the Authorization header: Bearer <token>.");

  const adminToken = env().FERRY_ADMIN_TOKEN;
  if (adminToken && secretsEqual(token, adminToken)) {
    return { userId: null, name: "admin token", isAdmin: true, requestId };
  }

  const hash = hashToken(token);
  const now = new Date();
  const row = await activeToken(hash);
  // Expiry is checked on every request, cached or not.
  if (!row || (row.expiresAt && row.expiresAt <= now)) {
    throw new AppError("UNAUTHENTICATED", "The token is unknown, revoked or expired.");
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    row.lastUsedAt = now;
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  // A scoped token sees one programme and is never an administrator, whoever owns it.
  if (row.programmeId) return { userId: row.user.id, name: row.user.name, isAdmin: false, programmeScope: row.programmeId, requestId };
  return { userId: row.user.id, name: row.user.name, isAdmin: row.user.isAdmin, requestId };
}

/** The token row when it is neither revoked nor its user disabled, from the cache when fresh. */
async function activeToken(hash: string): Promise<TokenRow | null> {
  const cached = tokenCache.get(hash);
  if (cached) return cached;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, programmeId: true, user: { select: { id: true, name: true, isAdmin: true, disabledAt: true } } },
  });
  // Only good tokens are cached: a revoked or unknown one is read again each time (and rare).
  if (!found || found.revokedAt || found.user.disabledAt) {
    tokenCache.delete(hash);
    return null;
  }
  const row: TokenRow = { id: found.id, expiresAt: found.expiresAt, lastUsedAt: found.lastUsedAt, programmeId: found.programmeId, user: { id: found.user.id, name: found.user.name, isAdmin: found.user.isAdmin } };
  tokenCache.set(hash, row);
  return row;
}
