import "server-only";
import { hashPassword } from "better-auth/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/events/record";
import { programmeStartPath } from "@/lib/programmes/start-path";
import { setPasswordHash } from "../credentials";
import type { AcceptSignInLinkInput } from "../schemas";
import { reserveSignInLinkAttempt } from "../sign-in-link-limiter";
import { maySignInLinkBeIssued, signInLinkState, UNUSABLE_LINK_MESSAGE } from "../sign-in-link-rules";
import { hashToken } from "../tokens";
import { issuerOfLink, loadLinkTarget } from "./sign-in-link-shared";

/** `startPath`: where the person lands, signed in (programmeStartPath: My work for a lead). */
export type AcceptedSignInLink = { email: string; programmeSlug: string; startPath: string };

/**
 * Uses a sign-in link: sets the password of the person the link names (never anyone else: the
 * form has no say in whose) and marks the link used, in one transaction with its event. There is
 * no actor yet; the token is the authorization, and what it may do is decided again now, not
 * when it was issued: a used, withdrawn or expired link refuses, and so does one whose issuer
 * could no longer issue it (the person joined a programme the issuer does not manage since, or
 * the issuer lost their role). Every session of the person ends, so whoever knew an old
 * password is signed out. Limited per client address (sign-in-link-limiter.ts).
 */
export async function acceptSignInLink(input: AcceptSignInLinkInput, context: { address: string }): Promise<AcceptedSignInLink> {
  if (!(await reserveSignInLinkAttempt(context.address))) throw new AppError("RATE_LIMITED", "Too many attempts from here. Wait a few minutes and try again.");
  // better-auth's own hasher, before the transaction: hashing holds no lock.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    // Locked, so two uses of one link run one after the other and the second finds it used.
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Invitation" WHERE "tokenHash" = ${hashToken(input.token)} FOR UPDATE`;
    if (!rows.length) throw new AppError("NOT_FOUND", UNUSABLE_LINK_MESSAGE.unknown);
    const link = await tx.invitation.findUniqueOrThrow({
      where: { id: rows[0].id },
      select: { id: true, userId: true, programmeId: true, purpose: true, usedAt: true, revokedAt: true, expiresAt: true, createdById: true, issuedByAdmin: true, issuerScopeId: true, programme: { select: { slug: true, archivedAt: true } } },
    });
    const now = new Date();
    const state = signInLinkState(link, now);
    if (state !== "usable") throw new AppError("CONFLICT", UNUSABLE_LINK_MESSAGE[state]);
    const target = await loadLinkTarget(tx, link.userId);
    const decision = target && !link.programme.archivedAt ? maySignInLinkBeIssued(await issuerOfLink(tx, link), target, link.programmeId) : null;
    if (!target || !decision?.allowed) throw new AppError("CONFLICT", UNUSABLE_LINK_MESSAGE.void);

    await setPasswordHash(tx, target.id, passwordHash);
    await tx.user.update({ where: { id: target.id }, data: { emailVerified: true } });
    await tx.session.deleteMany({ where: { userId: target.id } });
    await tx.invitation.update({ where: { id: link.id }, data: { usedAt: now } });
    await recordEvent(tx, { userId: target.id, name: target.name, isAdmin: false }, {
      programmeId: link.programmeId,
      entityType: "invitation",
      entityId: link.id,
      action: "invitation.accepted",
      after: { userId: target.id, email: target.email, purpose: link.purpose },
    });
    const membership = await tx.membership.findUnique({ where: { userId_programmeId: { userId: target.id, programmeId: link.programmeId } }, select: { role: true } });
    return { email: target.email, programmeSlug: link.programme.slug, startPath: programmeStartPath(link.programme.slug, membership?.role ?? "viewer") };
  });
}
