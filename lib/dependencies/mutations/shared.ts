/**
 * What the dependency mutations share. Editing a dependency is editing the service that has
 * it (the `from` side): a lead may change the dependencies of their teams' services.
 */
import "server-only";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** The owner team of a service of the programme, null when it has none or is not there. */
export async function ownerTeamOf(serviceId: string, programmeSlug: string): Promise<string | null> {
  return (await db.service.findFirst({ where: { id: serviceId, programme: { slug: programmeSlug } }, select: { teamId: true } }))?.teamId ?? null;
}

/** A dependency of the programme with both ends' names and the owner of its `from` side, or NOT_FOUND. */
export async function getDependencyOrThrow(programmeSlug: string, id: string) {
  const dep = await db.dependency.findFirst({
    where: { id, programme: { slug: programmeSlug } },
    select: { id: true, kind: true, from: { select: { name: true, teamId: true } }, to: { select: { name: true } } },
  });
  if (!dep) throw notFound("Dependency");
  return dep;
}
