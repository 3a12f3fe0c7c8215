import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { blockedSlices, type Blocking, type PlanService, type SliceRef } from "@/lib/planning";

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

type EdgeRow = {
  fromId: string;
  toId: string;
  fromName: string;
  fromKind: PlanService["kind"];
  fromShared: boolean;
  fromSlice: string | null;
  toName: string;
  toKind: PlanService["kind"];
  toShared: boolean;
  toSlice: string | null;
};

/**
 * The slices one slice waits on, by the same rule as getBlocking, over only what that rule
 * reads for this slice: the dependencies touching its services, the services at their other
 * end and the slices holding those. Whether a slice waits depends only on the ordering edges
 * into its own services, so this subgraph gives the same answer as the whole programme.
 */
export async function getSliceBlockedBy(programmeId: string, sliceId: string): Promise<SliceRef[]> {
  const edges = await db.$queryRaw<EdgeRow[]>`
    WITH mine AS MATERIALIZED (SELECT id FROM "Service" WHERE "sliceId" = ${sliceId} AND "programmeId" = ${programmeId}),
    -- Materialised, so the programme is checked on the few rows found by id and not ANDed
    -- with a scan of the programme's whole index.
    touching AS MATERIALIZED (
      SELECT d."fromId", d."toId", d."programmeId" FROM "Dependency" d JOIN mine ON d."fromId" = mine.id
      UNION
      SELECT d."fromId", d."toId", d."programmeId" FROM "Dependency" d JOIN mine ON d."toId" = mine.id
    )
    SELECT d."fromId", d."toId",
      f.name AS "fromName", f.kind::text AS "fromKind", f.shared AS "fromShared", f."sliceId" AS "fromSlice",
      t.name AS "toName", t.kind::text AS "toKind", t.shared AS "toShared", t."sliceId" AS "toSlice"
    FROM touching d
    JOIN "Service" f ON f.id = d."fromId" AND f."programmeId" = ${programmeId}
    JOIN "Service" t ON t.id = d."toId" AND t."programmeId" = ${programmeId}
    WHERE d."programmeId" = ${programmeId}`;
  if (edges.length === 0) return [];
  const services = new Map<string, PlanService>();
  for (const e of edges) {
    // The service's team does not enter the blocking rule.
    services.set(e.fromId, { id: e.fromId, name: e.fromName, kind: e.fromKind, shared: e.fromShared, team: null, sliceId: e.fromSlice });
    services.set(e.toId, { id: e.toId, name: e.toName, kind: e.toKind, shared: e.toShared, team: null, sliceId: e.toSlice });
  }
  const serviceIds = new Map<string, string[]>();
  for (const s of services.values()) if (s.sliceId) serviceIds.set(s.sliceId, [...(serviceIds.get(s.sliceId) ?? []), s.id]);
  const slices = await db.slice.findMany({
    where: { programmeId, id: { in: [...serviceIds.keys()] } },
    select: { id: true, name: true, status: true, team: { select: { name: true } }, wave: { select: { number: true } } },
  });
  const blocking = blockedSlices({
    services: [...services.values()],
    dependencies: edges.map((e) => ({ from: e.fromId, to: e.toId })),
    slices: slices.map((s) => ({ id: s.id, name: s.name, team: s.team.name, serviceIds: serviceIds.get(s.id) ?? [], wave: s.wave?.number ?? null, status: s.status })),
  });
  return blocking.blocked.find((b) => b.id === sliceId)?.waitsOn ?? [];
}
