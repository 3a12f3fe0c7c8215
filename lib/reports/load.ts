import "server-only";
import { db as appDb, type Db } from "@/lib/db";
import type { ServiceKind } from "@/lib/generated/prisma/enums";
import { stageFromDb, type Stage } from "@/lib/slices/stages";
import { DETAIL_ACTIONS, readHistory, SLICE_HISTORY_ACTIONS, type CurrentState, type ItemState, type RawEvent } from "./history";
import type { ReportInput } from "./report";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type ServiceRow = { id: string; name: string; team: string | null; sliceId: string | null; peakRps: number | null; kind: ServiceKind; shared: boolean };
type ItemGroup = { sliceId: string; state: ItemState; gateStage: Stage | null; count: number };
type EventRow = { id: number; at: Date; entityType: string; entityId: string; action: string; before: unknown; after: unknown; gateStage: Stage | null };

/**
 * Loads one programme's current rows and the events the report reads, in queries run
 * together: the slice history (SLICE_HISTORY_ACTIONS) from the first event on, the other
 * actions the report reads (DETAIL_ACTIONS) from `detailSince` on, and only the columns the
 * core reads. The events come through plain SQL: Prisma's result mapping of a large JSON
 * result costs about as much again as PostgreSQL's answer (ADR 0033).
 */
export async function loadReportSource(programmeId: string, options: { now?: Date; detailSince?: number; db?: Db } = {}): Promise<ReportInput> {
  const db = options.db ?? appDb;
  const now = options.now ?? new Date();
  const detailSince = options.detailSince ?? -Infinity;
  // No programme has events before 1970: the epoch stands for "from the start".
  const since = new Date(Number.isFinite(detailSince) ? detailSince : 0);
  // The large tables through plain SQL too (see above); the small ones through Prisma.
  const [programme, slices, services, dependencies, items, waves, facilities, teams, events, first] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { id: true, slug: true, name: true, timeZone: true, targetDate: true, createdAt: true } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, name: true, team: { select: { name: true } }, wave: { select: { number: true } }, stage: true, status: true, plannedStart: true, plannedEnd: true } }),
    db.$queryRaw<ServiceRow[]>`
      SELECT s.id, s.name, t.name AS team, s."sliceId", s."peakRps", s.kind::text AS kind, s.shared
      FROM "Service" s LEFT JOIN "Team" t ON t.id = s."teamId" WHERE s."programmeId" = ${programmeId}`,
    db.$queryRaw<{ fromId: string; toId: string }[]>`SELECT "fromId", "toId" FROM "Dependency" WHERE "programmeId" = ${programmeId}`,
    db.$queryRaw<ItemGroup[]>`
      SELECT "sliceId", state::text AS state, "gateStage"::text AS "gateStage", count(*)::int AS count
      FROM "ChecklistItem" WHERE "programmeId" = ${programmeId} GROUP BY 1, 2, 3`,
    db.wave.findMany({ where: { programmeId }, select: { id: true, number: true, name: true, plannedStart: true, plannedEnd: true, facilities: { select: { facility: { select: { key: true } } } } } }),
    db.facility.findMany({ where: { programmeId }, select: { id: true, key: true, name: true, status: true, ownerTeamId: true } }),
    db.team.findMany({ where: { programmeId }, select: { id: true, name: true } }),
    // A tick brings the stage its item gates, so the items need not be loaded one by one.
    db.$queryRaw<EventRow[]>`
      SELECT e.id, e.at, e."entityType", e."entityId", e.action, e.before, e.after, i."gateStage"::text AS "gateStage"
      FROM "Event" e LEFT JOIN "ChecklistItem" i ON e.action = 'checklist_item.ticked' AND i.id = e."entityId"
      WHERE e."programmeId" = ${programmeId}
        AND (e.action = ANY(${[...SLICE_HISTORY_ACTIONS]}::text[]) OR (e.action = ANY(${[...DETAIL_ACTIONS]}::text[]) AND e.at >= ${since}))
      ORDER BY e.at, e.id`,
    db.event.findFirst({ where: { programmeId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true } }),
  ]);
  const current: CurrentState = {
    at: now.getTime(),
    slices: slices.map((s) => ({ id: s.id, name: s.name, team: s.team.name, wave: s.wave?.number ?? null, stage: stageFromDb(s.stage), status: s.status, plannedStart: day(s.plannedStart), plannedEnd: day(s.plannedEnd) })),
    services: services.map((s) => ({ id: s.id, name: s.name, team: s.team, sliceId: s.sliceId, peakRps: s.peakRps, kind: s.kind, shared: s.shared })),
    dependencies: dependencies.map((d) => ({ from: d.fromId, to: d.toId })),
    // Raw SQL reads an enum by its @map label: the API's stage spelling already ("10", not "pct10").
    checklist: items,
    waves: waves.map((w) => ({ id: w.id, number: w.number, name: w.name, plannedStart: day(w.plannedStart), plannedEnd: day(w.plannedEnd), facilities: w.facilities.map((f) => f.facility.key) })),
    facilities,
    teams,
  };
  const rows: RawEvent[] = events.map((e) => ({ id: e.id, at: e.at.getTime(), entityType: e.entityType, entityId: e.entityId, action: e.action, before: e.before, after: e.after, gateStage: e.gateStage }));
  return {
    programme: { id: programme.id, slug: programme.slug, name: programme.name, timeZone: programme.timeZone, targetDate: day(programme.targetDate) },
    now: now.getTime(),
    startedAt: (first?.at ?? programme.createdAt).getTime(),
    current,
    history: readHistory(rows, detailSince),
  };
}
