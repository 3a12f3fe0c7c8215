import "server-only";
import { db } from "@/lib/db";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "./actor";
import type { CreateTokenInput } from "./schemas";
import { forgetCachedTokens } from "./api-auth";
import { generateToken, hashToken, tokenPrefix } from "./tokens";

/** Tokens belong to people, not programmes: a page that manages them names its programme so the event shows on that programme's audit log. */
type AuditContext = { programmeId?: string };

/**
 * Creates an API token for the user with `input.email` and returns it once; only its hash is
 * kept. People create their own; a manager may create one for any member of a programme they
 * manage (service accounts for automation); an administrator for anyone.
 */
export async function createApiToken(actor: Actor, input: CreateTokenInput, context: AuditContext = {}): Promise<{ token: string; id: string }> {
  const target = await db.user.findUnique({ where: { email: input.email }, select: { id: true, disabledAt: true, memberships: { select: { programmeId: true } } } });
  // Asking for a token of someone you could not manage reads the same as asking for nobody.
  if (!target) throw actor.isAdmin ? notFound("User") : forbidden("You can create tokens only for yourself or for members of a programme you manage.");
  if (target.disabledAt) throw new AppError("CONFLICT", "That user is disabled.");
  if (!actor.isAdmin && actor.userId !== target.id) {
    const managed = actor.userId
      ? await db.membership.count({ where: { userId: actor.userId, role: "manager", programmeId: { in: target.memberships.map((m) => m.programmeId) } } })
      : 0;
    if (managed === 0) throw forbidden("You can create tokens only for yourself or for members of a programme you manage.");
  }
  const token = generateToken();
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { userId: target.id, name: input.name, tokenHash: hashToken(token), prefix: tokenPrefix(token) }, select: { id: true, prefix: true } });
    await recordEvent(tx, actor, { programmeId: context.programmeId ?? null, entityType: "api_token", entityId: row.id, action: "api_token.created", after: { name: input.name, prefix: row.prefix, userId: target.id } });
    return row;
  });
  return { token, id: created.id };
}

/**
 * Revokes a token: its owner, an administrator, or a manager of a programme the token's
 * service account belongs to. Revoked tokens stay listed, marked.
 */
export async function revokeApiToken(actor: Actor, input: { tokenId: string }, context: AuditContext = {}): Promise<void> {
  const token = await db.apiToken.findUnique({
    where: { id: input.tokenId },
    select: { id: true, userId: true, revokedAt: true, name: true, user: { select: { isServiceAccount: true, memberships: { select: { programmeId: true } } } } },
  });
  if (!token) throw notFound("Token");
  const managesAccount =
    token.user.isServiceAccount && actor.userId
      ? (await db.membership.count({ where: { userId: actor.userId, role: "manager", programmeId: { in: token.user.memberships.map((m) => m.programmeId) } } })) > 0
      : false;
  if (!actor.isAdmin && token.userId !== actor.userId && !managesAccount) throw notFound("Token");
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, actor, { programmeId: context.programmeId ?? null, entityType: "api_token", entityId: token.id, action: "api_token.revoked", after: { name: token.name, userId: token.userId } });
  });
  // Revoked here means refused from the next request on, not after the lookup cache expires.
  await forgetCachedTokens();
}
