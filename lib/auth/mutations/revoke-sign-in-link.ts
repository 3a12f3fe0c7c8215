import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { RevokeSignInLinkInput } from "../schemas";

/**
 * Withdraws a sign-in link issued from this programme (managers only): it refuses from then on.
 * Withdrawing takes nothing from anyone, so any manager of the programme may. A link already
 * used, withdrawn or expired is left as it is.
 */
export async function revokeSignInLink(actor: Actor, programmeSlug: string, input: RevokeSignInLinkInput): Promise<void> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invitation" WHERE id = ${input.linkId} AND "programmeId" = ${programme.id} FOR UPDATE`;
    if (!rows.length) throw notFound("Sign-in link");
    const link = await tx.invitation.findUniqueOrThrow({ where: { id: input.linkId }, select: { id: true, purpose: true, usedAt: true, revokedAt: true, expiresAt: true, user: { select: { id: true, email: true } } } });
    if (link.usedAt || link.revokedAt || link.expiresAt <= new Date()) return;
    await tx.invitation.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "invitation", entityId: link.id, action: "invitation.revoked", after: { userId: link.user.id, email: link.user.email, purpose: link.purpose, reason: "revoked" } });
  });
}
