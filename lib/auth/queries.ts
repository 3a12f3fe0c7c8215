import "server-only";
import { db } from "@/lib/db";

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
