import "server-only";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import type { Actor } from "../actor";
import { authorize } from "../authorize";
import type { IssueSignInLinkInput } from "../schemas";
import { LINK_TTL_MS, maySignInLinkBeIssued, type SignInLinkPurpose } from "../sign-in-link-rules";
import { hashToken } from "../tokens";
import { issuerOfActor, loadLinkTarget, newLinkToken, signInLinkUrl } from "./sign-in-link-shared";

export type IssuedSignInLink = { id: string; url: string; purpose: SignInLinkPurpose; expiresAt: Date; name: string; email: string };

/**
 * Gives a member a one-time sign-in link, returned once: an invitation to set a first password,
 * or a password reset when they have one (their old password works until the link is used).
 * Managers only, and only for a person whose every programme the manager manages
 * (maySignInLinkBeIssued, ADR 34). A person has one live link at a time: a new one supersedes
 * the others, each recorded as revoked on its own programme.
 */
export async function issueSignInLink(actor: Actor, programmeSlug: string, input: IssueSignInLinkInput): Promise<IssuedSignInLink> {
  const programme = await authorize(actor, programmeSlug, "people.manage");
  const token = newLinkToken();
  return db.$transaction(async (tx) => {
    // Two managers issuing for one person at once: one after the other, so one link stays live.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${input.userId} FOR UPDATE`;
    const target = locked.length ? await loadLinkTarget(tx, input.userId) : null;
    if (!target) throw notFound("Member");
    const decision = maySignInLinkBeIssued(await issuerOfActor(tx, actor), target, programme.id);
    if (!decision.allowed) throw decision.code === "NOT_FOUND" ? notFound("Member") : new AppError(decision.code, decision.reason);

    const now = new Date();
    const purpose: SignInLinkPurpose = target.hasPassword ? "password_reset" : "invitation";
    const expiresAt = new Date(now.getTime() + LINK_TTL_MS[purpose]);
    const live = await tx.invitation.findMany({ where: { userId: target.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, select: { id: true, programmeId: true, purpose: true } });
    if (live.length) await tx.invitation.updateMany({ where: { id: { in: live.map((l) => l.id) } }, data: { revokedAt: now } });
    for (const old of live) {
      await recordEvent(tx, actor, { programmeId: old.programmeId, entityType: "invitation", entityId: old.id, action: "invitation.revoked", after: { userId: target.id, email: target.email, purpose: old.purpose, reason: "superseded" } });
    }
    const link = await tx.invitation.create({
      data: {
        userId: target.id,
        programmeId: programme.id,
        purpose,
        tokenHash: hashToken(token),
        createdById: actor.userId,
        createdByName: actor.name,
        issuedByAdmin: actor.isAdmin,
        issuerScopeId: actor.programmeScope ?? null,
        expiresAt,
      },
      select: { id: true },
    });
    const after = { userId: target.id, email: target.email, name: target.name, expiresAt: expiresAt.toISOString() };
    await recordEvent(tx, actor, { programmeId: programme.id, entityType: "invitation", entityId: link.id, action: purpose === "invitation" ? "invitation.created" : "password_reset.issued", after });
    return { id: link.id, url: signInLinkUrl(token), purpose, expiresAt, name: target.name, email: target.email };
  });
}
