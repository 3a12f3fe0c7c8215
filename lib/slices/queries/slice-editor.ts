import "server-only";
import { db } from "@/lib/db";

/** A programme's services in no slice: what a new slice, or a slice's added service, is made from. */
export async function listUnslicedServices(programmeId: string) {
  return db.service.findMany({ where: { programmeId, sliceId: null }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, team: { select: { name: true } } } });
}

/** What the new-slice form chooses from: the teams, the waves and the services in no slice. */
export async function getNewSliceOptions(programmeId: string) {
  const [teams, waves, services] = await Promise.all([
    db.team.findMany({ where: { programmeId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.wave.findMany({ where: { programmeId }, orderBy: { number: "asc" }, select: { number: true, name: true } }),
    listUnslicedServices(programmeId),
  ]);
  return { teams, waves, services };
}

/**
 * The slices another one could merge with: those that have not started (planned, at 0%, no
 * item resolved), as the merge itself requires; the slice itself left out.
 */
export async function listMergeableSlices(programmeId: string, sliceId: string) {
  return db.slice.findMany({
    where: { programmeId, id: { not: sliceId }, status: "planned", stage: "none", checklistItems: { none: { state: { not: "open" } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, team: { select: { name: true } }, wave: { select: { number: true } } },
  });
}
