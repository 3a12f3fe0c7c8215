import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { getProgrammeAccessOrThrow } from "../access";
import { forgetCachedTokens } from "../api-auth";
import type { RevokeTokenInput } from "../schemas";
import { managesServiceAccount, recordTokenEvents } from "./shared";

/**
 * Revokes a token: its owner, an administrator, or a manager of the service account's home
 * programme. Revoked tokens stay listed, marked. The token's own programmes get the event; a
 * programme page revoking it (`context`) must still be visible to the actor.
 */
export async function revokeApiToken(actor: Actor, input: RevokeTokenInput, context?: { programmeSlug: string }): Promise<void> {
  if (context) await getProgrammeAccessOrThrow(actor, context.programmeSlug);
  const token = await db.apiToken.findUnique({
    where: { id: input.tokenId },
    select: {
      id: true,
      userId: true,
      revokedAt: true,
      name: true,
      programmeId: true,
      user: { select: { isServiceAccount: true, homeProgrammeId: true, memberships: { select: { programmeId: true } } } },
    },
  });
  if (!token) throw notFound("Token");
  const isOwner = token.userId === actor.userId && (!actor.programmeScope || token.programmeId === actor.programmeScope);
  if (!actor.isAdmin && !isOwner && !(await managesServiceAccount(actor, token.user))) throw notFound("Token");
  if (token.revokedAt) return;
  await db.$transaction(async (tx) => {
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
    const programmeIds = token.programmeId ? [token.programmeId] : token.user.memberships.map((m) => m.programmeId);
    await recordTokenEvents(tx, actor, programmeIds, token.id, { action: "api_token.revoked", after: { name: token.name, userId: token.userId, programmeId: token.programmeId } });
  });
  // Revoked here means refused from the next request on, not after the lookup cache expires.
  forgetCachedTokens();
}
