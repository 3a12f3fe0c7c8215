import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { bearerToken, hashToken, secretsEqual } from "./tokens";

// lastUsedAt is informative: refreshing it at most once a minute keeps a busy pipeline's
// requests from each writing a row.
const LAST_USED_RESOLUTION_MS = 60_000;

/** The actor behind a REST request's bearer token, or UNAUTHENTICATED. */
export async function authenticateBearer(authorization: string | null, requestId: string): Promise<Actor> {
  const token = bearerToken(authorization);
  if (!token) throw new AppError("UNAUTHENTICATED", "Send a token in the Authorization header: Bearer <token>.");

  const adminToken = process.env.FERRY_ADMIN_TOKEN;
  if (adminToken && secretsEqual(token, adminToken)) {
    return { userId: null, name: "admin token", isAdmin: true, requestId };
  }

  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, name: true, isAdmin: true, disabledAt: true } } },
  });
  const now = new Date();
  if (!found || found.revokedAt || (found.expiresAt && found.expiresAt <= now) || found.user.disabledAt) {
    throw new AppError("UNAUTHENTICATED", "The token is unknown, revoked or expired.");
  }
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { userId: found.user.id, name: found.user.name, isAdmin: found.user.isAdmin, requestId };
}
