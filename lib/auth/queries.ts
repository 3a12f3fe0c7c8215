import "server-only";
import { db } from "@/lib/db";
import { signInLinkState } from "./sign-in-link-rules";
import { hashToken } from "./tokens";

/** Members of a programme with their role, teams, sign-in methods and tokens' count. */
export async function listMembers(programmeId: string) {
  const [members, teams] = await Promise.all([
    db.membership.findMany({
      where: { programmeId },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      select: {
        role: true,
        createdAt: true,
        user: {
          select: {
            id: true,
            name: true,
            email: true,
            isServiceAccount: true,
            isAdmin: true,
            accounts: { select: { providerId: true } },
            teamMembers: { where: { team: { programmeId } }, select: { teamId: true, isLead: true } },
          },
        },
      },
    }),
    db.team.findMany({ where: { programmeId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { members, teams };
}

/** The actor's own tokens, and (for managers) the programme's own service accounts, which they make tokens for. */
export async function listTokens(userId: string | null, programmeId: string, isManager: boolean) {
  const [mine, serviceAccounts] = await Promise.all([
    userId
      ? db.apiToken.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, programme: { select: { name: true } } } })
      : [],
    isManager
      ? db.user.findMany({
          where: { isServiceAccount: true, homeProgrammeId: programmeId },
          orderBy: { name: "asc" },
          select: { id: true, name: true, email: true, apiTokens: { orderBy: { createdAt: "desc" }, select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, programme: { select: { name: true } } } } },
        })
      : [],
  ]);
  return { mine, serviceAccounts };
}

/** The programme's sign-in links still waiting to be used (neither used, withdrawn nor expired), newest first. */
export async function listOpenSignInLinks(programmeId: string) {
  return db.invitation.findMany({
    where: { programmeId, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    select: { id: true, purpose: true, createdAt: true, expiresAt: true, createdByName: true, user: { select: { id: true, name: true, email: true } } },
  });
}

/**
 * What a sign-in link's page shows: whose link it is and whether it can still be used. Only
 * the holder of the token gets this far (it is looked up by its hash), so the name and email
 * tell them nothing they were not meant to see.
 */
export async function getSignInLinkForPage(token: string) {
  const link = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, usedAt: true, revokedAt: true, expiresAt: true, user: { select: { name: true, email: true, disabledAt: true } }, programme: { select: { name: true } } },
  });
  if (!link) return null;
  return { purpose: link.purpose, state: link.user.disabledAt ? ("void" as const) : signInLinkState(link, new Date()), name: link.user.name, email: link.user.email, programme: link.programme.name, expiresAt: link.expiresAt };
}
