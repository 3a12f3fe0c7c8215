import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { createProgramme, createService, createTeam, createUser } from "@/lib/seed/factories";
import { uniqueSlug } from "@/lib/testing/db";

/**
 * The small estate the service and dependency mutation tests work on: a programme with teams
 * alpha (services a and b, led by `lead`) and beta (service c), and its events in order.
 */
export async function seedTwoTeamEstate(db: Db, slugPrefix: string) {
  const programme = await createProgramme(db, { slug: uniqueSlug(slugPrefix) });
  const teamA = await createTeam(db, { programmeId: programme.id, name: "alpha" });
  const teamB = await createTeam(db, { programmeId: programme.id, name: "beta" });
  const svc = (name: string, teamId: string) => createService(db, { programmeId: programme.id, name, teamId });
  const [a, b, c] = [await svc("a", teamA.id), await svc("b", teamA.id), await svc("c", teamB.id)];
  const leadUser = await createUser(db, { membership: { programmeId: programme.id, role: "lead", leadOf: [teamA.id] } });
  const lead: Actor = { userId: leadUser.id, name: leadUser.name, isAdmin: false };
  const events = (entityId?: string) => db.event.findMany({ where: { programmeId: programme.id, ...(entityId ? { entityId } : {}) }, orderBy: { id: "asc" } });
  return { slug: programme.slug, programme, teamA, teamB, a, b, c, lead, events };
}
