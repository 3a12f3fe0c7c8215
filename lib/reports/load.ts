import "server-only";
import { db as appDb, type Db } from "@/lib/db";
import type { ServiceKind } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/slices/stages";
import { historyStartId } from "@/lib/inventory/queries/history-export";
import { DETAIL_ACTIONS, readHistory, SLICE_HISTORY_ACTIONS, type CurrentState, type ItemState, type RawEvent } from "./history";
import type { ReportInput } from "./report";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type ServiceRow = { id: string; name: string; team: string | null; sliceId: string | null; peakRps: number | null; kind: ServiceKind; shared: boolean };
type ItemGroup = { sliceId: string; state: ItemState; gateStage: Stage | null; count: number };
type SliceRow = CurrentState["slices"][number];
/** id, at (ms), entityType, entityId, action, before, after, the ticked item's gate stage and slice. */
type EventRow = [number, number, string, string, string, unknown, unknown, Stage | null, string | null];

/**
 * The rows of a `SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (...) q`: one text
 * parsed by JSON.parse, instead of a value per column per row through the driver and Prisma's
 * result mapping, which cost Node about four times as much for the report's 15,000-row reads.
 */
const jsonRows = async <T>(query: Promise<{ rows: string }[]>): Promise<T[]> => JSON.parse((await query)[0].rows) as T[];

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
  // After a restore, the history starts at the restored events: the import's own events
  // before them record this deployment receiving the programme (historyStartId).
  const from = await historyStartId(db, programmeId);
  // The large tables through plain SQL too (see above); the small ones through Prisma.
  // Raw SQL reads an enum by its @map label: the API's stage spelling already ("10", not "pct10"),
  // and a @db.Date column as its YYYY-MM-DD.
  const [programme, slices, services, dependencies, items, waves, facilities, teams, events, first] = await Promise.all([
    db.programme.findUniqueOrThrow({ where: { id: programmeId }, select: { id: true, slug: true, name: true, timeZone: true, targetDate: true, createdAt: true } }),
    jsonRows<SliceRow>(db.$queryRaw`
      SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (
        SELECT s.id, s.name, t.name AS team, w.number AS wave, s.stage, s.status, s."plannedStart", s."plannedEnd"
        FROM "Slice" s JOIN "Team" t ON t.id = s."teamId" LEFT JOIN "Wave" w ON w.id = s."waveId" WHERE s."programmeId" = ${programmeId}) q`),
    jsonRows<ServiceRow>(db.$queryRaw`
      SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (
        SELECT s.id, s.name, t.name AS team, s."sliceId", s."peakRps", s.kind, s.shared
        FROM "Service" s LEFT JOIN "Team" t ON t.id = s."teamId" WHERE s."programmeId" = ${programmeId}) q`),
    jsonRows<{ from: string; to: string }>(db.$queryRaw`
      SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (SELECT "fromId" AS "from", "toId" AS "to" FROM "Dependency" WHERE "programmeId" = ${programmeId}) q`),
    // Grouped on the enums themselves, named after: cheaper than grouping on their text.
    jsonRows<ItemGroup>(db.$queryRaw`
      SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (
        SELECT "sliceId", state, "gateStage", count(*)::int AS count FROM "ChecklistItem" WHERE "programmeId" = ${programmeId} GROUP BY 1, 2, 3) q`),
    db.wave.findMany({ where: { programmeId }, select: { id: true, number: true, name: true, plannedStart: true, plannedEnd: true, facilities: { select: { facility: { select: { key: true } } } } } }),
    db.facility.findMany({ where: { programmeId }, select: { id: true, key: true, name: true, status: true, ownerTeamId: true } }),
    db.team.findMany({ where: { programmeId }, select: { id: true, name: true } }),
    // A tick brings the stage its item gates, so the items need not be loaded one by one.
    // In no particular order: readHistory sorts them (at, then id).
    jsonRows<EventRow>(db.$queryRaw`
      SELECT coalesce(json_agg(json_build_array(e.id, (extract(epoch FROM e.at) * 1000)::bigint, e."entityType", e."entityId", e.action, e.before, e.after, i."gateStage", i."sliceId")), '[]')::text AS rows
      FROM "Event" e LEFT JOIN "ChecklistItem" i ON e.action = 'checklist_item.ticked' AND i.id = e."entityId"
      WHERE e."programmeId" = ${programmeId} AND e.id >= ${from}
        AND (e.action = ANY(${[...SLICE_HISTORY_ACTIONS]}::text[]) OR (e.action = ANY(${[...DETAIL_ACTIONS]}::text[]) AND e.at >= ${since}))`),
    db.event.findFirst({ where: { programmeId, id: { gte: from } }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { at: true } }),
  ]);
  const current: CurrentState = {
    at: now.getTime(),
    slices,
    services,
    dependencies,
    checklist: items,
    waves: waves.map((w) => ({ id: w.id, number: w.number, name: w.name, plannedStart: day(w.plannedStart), plannedEnd: day(w.plannedEnd), facilities: w.facilities.map((f) => f.facility.key) })),
    facilities,
    teams,
  };
  // A restored tick names its slice by the id it had where the backup was made (payloads are
  // copied as they were; only the entity id is mapped, restore-history.ts). A slice id this
  // programme never had can only be such a one: the ticked item's own slice stands for it.
  const sliceIds = new Set(slices.map((s) => s.id));
  for (const e of events) if (e[2] === "slice") sliceIds.add(e[3]);
  const rows: RawEvent[] = events.map(([id, at, entityType, entityId, action, before, after, gateStage, itemSlice]) => {
    const payloadSlice = action === "checklist_item.ticked" && after && typeof after === "object" ? (after as { sliceId?: unknown }).sliceId : undefined;
    const restored = typeof payloadSlice === "string" && itemSlice !== null && !sliceIds.has(payloadSlice);
    return { id, at, entityType, entityId, action, before, after: restored ? { ...(after as object), sliceId: itemSlice } : after, gateStage };
  });
  return {
    programme: { id: programme.id, slug: programme.slug, name: programme.name, timeZone: programme.timeZone, targetDate: day(programme.targetDate) },
    now: now.getTime(),
    startedAt: (first?.at ?? programme.createdAt).getTime(),
    current,
    history: readHistory(rows, detailSince),
  };
}
