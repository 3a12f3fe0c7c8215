/** What the team mutations share: finding the team without telling an outsider it exists. */
import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";

/** The team of the programme, or NOT_FOUND, only after the programme itself was checked. */
export async function findTeamOrThrow(actor: Actor, programmeSlug: string, teamId: string) {
  const team = await db.team.findFirst({ where: { id: teamId, programme: { slug: programmeSlug } }, select: { id: true, name: true, contactChannel: true, programmeId: true } });
  if (!team) {
    await authorize(actor, programmeSlug, "programme.read");
    throw notFound("Team");
  }
  return team;
}
