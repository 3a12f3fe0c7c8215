/** What the sign-in link mutations share: the facts the rule (sign-in-link-rules.ts) decides on, and the link's address. */
import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import type { Actor } from "../actor";
import { siteOrigins } from "../config";
import { CREDENTIAL_PROVIDER } from "../credentials";
import type { LinkIssuer, LinkTarget } from "../sign-in-link-rules";

type Tx = Prisma.TransactionClient;

export type TargetFacts = LinkTarget & { id: string; email: string; hasPassword: boolean };

/** The person a link would sign in, or null when there is no such user. */
export async function loadLinkTarget(tx: Tx, userId: string): Promise<TargetFacts | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, isAdmin: true, isServiceAccount: true, disabledAt: true, accounts: { select: { providerId: true, password: true } }, memberships: { select: { programmeId: true } } },
  });
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name || user.email,
    isAdmin: user.isAdmin,
    isServiceAccount: user.isServiceAccount,
    disabled: user.disabledAt !== null,
    // Any account that is not a password is an identity provider's.
    signsInWithSso: user.accounts.some((a) => a.providerId !== CREDENTIAL_PROVIDER),
    hasPassword: user.accounts.some((a) => a.providerId === CREDENTIAL_PROVIDER && a.password !== null),
    memberOf: user.memberships.map((m) => m.programmeId),
  };
}

/** The issuer as the acting request stands: its administrator flag, token scope and the programmes it manages. */
export async function issuerOfActor(tx: Tx, actor: Actor): Promise<LinkIssuer> {
  return issuerOf(tx, { userId: actor.userId, isAdmin: actor.isAdmin, scope: actor.programmeScope ?? null });
}

/**
 * The issuer of a stored link as they stand now: still an administrator (the admin token, which
 * has no user, always is), still a manager of whatever they manage today, within the same scope.
 */
export async function issuerOfLink(tx: Tx, link: { createdById: string | null; issuedByAdmin: boolean; issuerScopeId: string | null }): Promise<LinkIssuer> {
  const issuer = link.createdById ? await tx.user.findUnique({ where: { id: link.createdById }, select: { isAdmin: true, disabledAt: true } }) : null;
  const stillAdmin = link.issuedByAdmin && (link.createdById === null || (issuer?.isAdmin === true && issuer.disabledAt === null));
  return issuerOf(tx, { userId: link.createdById, isAdmin: stillAdmin, scope: link.issuerScopeId });
}

async function issuerOf(tx: Tx, who: { userId: string | null; isAdmin: boolean; scope: string | null }): Promise<LinkIssuer> {
  const managed = who.userId
    ? await tx.membership.findMany({ where: { userId: who.userId, role: "manager", user: { disabledAt: null } }, select: { programmeId: true } })
    : [];
  return { isAdmin: who.isAdmin, scope: who.scope, managerOf: managed.map((m) => m.programmeId) };
}

/** A new link's secret: 256 random bits, shown once; only its SHA-256 is stored. */
export const newLinkToken = (): string => randomBytes(32).toString("base64url");

/** Where a link's token is used. In the query, not the path: request logs record paths only. */
export const signInLinkUrl = (token: string): string => `${siteOrigins(env()).baseURL}/invite?token=${token}`;
