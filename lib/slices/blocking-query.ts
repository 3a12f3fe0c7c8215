import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { blockedSlices, type Blocking } from "@/lib/planning";

/**
 * Who waits on whom in a programme, for the slices list and the slice page. The rule is the
 * planner's (lib/planning/blocking); this only loads its input, in three narrow queries.
 */
export const getBlocking = cache(async (programmeId: string): Promise<Blocking> => {
  const [services, dependencies, slices] = await Promise.all([
    db.service.findMany({ where: { programmeId }, select: { id: true, name: true, kind: true, shared: true, sliceId: true, team: { select: { name: true } } } }),
    db.dependency.findMany({ where: { programmeId }, select: { fromId: true, toId: true } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, name: true, status: true, team: { select: { name: true } }, wave: { select: { number: true } } } }),
  ]);
  const serviceIds = new Map<string, string[]>();
  for (const s of services) if (s.sliceId) serviceIds.set(s.sliceId, [...(serviceIds.get(s.sliceId) ?? []), s.id]);
  return blockedSlices({
    services: services.map((s) => ({ id: s.id, name: s.name, kind: s.kind, shared: s.shared, team: s.team?.name ?? null, sliceId: s.sliceId })),
    dependencies: dependencies.map((d) => ({ from: d.fromId, to: d.toId })),
    slices: slices.map((s) => ({ id: s.id, name: s.name, team: s.team.name, serviceIds: serviceIds.get(s.id) ?? [], wave: s.wave?.number ?? null, status: s.status })),
  });
});
