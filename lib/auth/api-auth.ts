import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { bearerToken, hashToken, secretsEqual } from "./tokens";
import { collect, provide } from "@/lib/workers/worker";

// lastUsedAt is informative: refreshing it at most once a minute keeps a busy pipeline's
// requests from each writing a row.
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * How long a token's lookup is reused in memory. A pipeline ticking hundreds of items a second
 * would otherwise read the same token row for each. The bound: a revocation made through this
 * process (revokeApiToken) applies at once; one made elsewhere (another instance, SQL) and a
 * user disabled or renamed apply within this many milliseconds.
 */
export const TOKEN_CACHE_TTL_MS = 5_000;
const TOKEN_CACHE_MAX = 1_000;

type TokenRow = { id: string; expiresAt: Date | null; lastUsedAt: Date | null; programmeId: string | null; user: { id: string; name: string; isAdmin: boolean } };
type CachedToken = { row: TokenRow; until: number };

// On globalThis so every route bundle of the server shares one cache (and one invalidation).
const globalForTokens = globalThis as unknown as { ferryTokenCache?: Map<string, CachedToken> };
const tokenCache = (globalForTokens.ferryTokenCache ??= new Map());

provide("forget-api-tokens", () => {
  tokenCache.clear();
  return true;
});

/**
 * Drops every cached token lookup in every web server process, and resolves once they all
 * have (ADR 16): called when a token is revoked, so that no process serves it again.
 */
export async function forgetCachedTokens(): Promise<void> {
  await collect("forget-api-tokens");
}

/** The actor behind a REST request's bearer token, or UNAUTHENTICATED. */
export async function authenticateBearer(authorization: string | null, requestId: string): Promise<Actor> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("UNAUTHENTICATED", "Send a token in the Authorization header: Bearer <token>.");

  const adminToken = process.env.FERRY_ADMIN_TOKEN;
  if (adminToken && secretsEqual(token, adminToken)) {
    return { userId: null, name: "admin token", isAdmin: true, requestId };
  }

  const hash = hashToken(token);
  const now = new Date();
  const row = await activeToken(hash, now.getTime());
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
async function activeToken(hash: string, nowMs: number): Promise<TokenRow | null> {
  const cached = tokenCache.get(hash);
  if (cached && cached.until > nowMs) return cached.row;
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
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(hash, { row, until: nowMs + TOKEN_CACHE_TTL_MS });
  return row;
}
