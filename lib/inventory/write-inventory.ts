/**
 * Writes an inventory diff inside the caller's transaction: teams, services and dependencies
 * created, updated and (when confirmed) removed, each with its audit event. Thousands of rows
 * go through one statement per chunk (lib/seed/bulk.ts), never a query per row, so a
 * 5,000-service catalog applies in about a second.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { eventData, type EventInput } from "@/lib/events/record";
import { bulkInsert, type ColumnType } from "@/lib/seed/bulk";
import { completeService, type FullService, type InventoryService } from "./model";
import type { InventoryDiff } from "./diff";
import { rowToService, type LoadedInventory, type ServiceRow } from "./load-inventory";

type Tx = Prisma.TransactionClient;

// Every column an import writes, in one place for the insert and the bulk update.
const SERVICE_COLUMNS = {
  id: "text",
  programmeId: "text",
  name: "text",
  description: "text",
  teamId: "text",
  kind: { enum: "ServiceKind" },
  stateful: "bool",
  shared: "bool",
  dataStores: "text[]",
  sessionSticky: "bool",
  configSources: { enumArray: "ConfigSource" },
  configNotes: "text",
  launchCommand: "text",
  buildCommand: "text",
  migrateCommand: "text",
  peakRps: "int",
  tier: "int",
  legacyPlatform: "text",
  targetCluster: "text",
  targetNamespace: "text",
  strategy: { enum: "Strategy" },
  repositoryUrl: "text",
  system: "text",
  tags: "text[]",
  sliceId: "text",
  updatedAt: "timestamp",
} as const satisfies Record<string, ColumnType>;

const EVENT_COLUMNS = {
  programmeId: "text",
  actorId: "text",
  actorName: "text",
  entityType: "text",
  entityId: "text",
  action: "text",
  before: "jsonb",
  after: "jsonb",
  requestId: "text",
} as const satisfies Record<string, ColumnType>;

export type WriteOptions = { removals: boolean };
export type WriteSummary = { removed: number };

/** The row for a service in the model's shape. */
function serviceRow(s: FullService, ids: { id: string; programmeId: string; teamId: string | null; sliceId: string | null }, now: Date) {
  const { team: _team, ...fields } = s;
  return { ...fields, ...ids, updatedAt: now };
}

/** Applies `diff` to the programme; `loaded` is what the diff was computed against, in this transaction. */
export async function writeInventory(tx: Tx, actor: Actor, programmeId: string, loaded: LoadedInventory, diff: InventoryDiff, opts: WriteOptions): Promise<WriteSummary> {
  const now = new Date();
  const events: Prisma.EventUncheckedCreateInput[] = [];
  const event = (e: Omit<EventInput, "programmeId">) => events.push(eventData(actor, { programmeId, ...e }));
  const teamIds = new Map(loaded.teamIds);
  const serviceIds = new Map(loaded.serviceIds);
  let removed = 0;

  // Teams first: services point at them.
  if (diff.teams.create.length) {
    const rows = diff.teams.create.map((t) => ({ id: randomUUID(), programmeId, name: t.name, contactChannel: t.contactChannel ?? null, updatedAt: now }));
    await bulkInsert(tx, "Team", rows, { id: "text", programmeId: "text", name: "text", contactChannel: "text", updatedAt: "timestamp" });
    for (const r of rows) {
      teamIds.set(r.name, r.id);
      event({ entityType: "team", entityId: r.id, action: "team.created", after: { name: r.name, contactChannel: r.contactChannel } });
    }
  }
  for (const t of diff.teams.update) {
    const id = teamIds.get(t.name)!;
    const change = t.changes[0];
    await tx.team.update({ where: { id }, data: { contactChannel: (change.to as string | null) ?? null } });
    event({ entityType: "team", entityId: id, action: "team.updated", before: { contactChannel: change.from as string | null }, after: { contactChannel: change.to as string | null } });
  }
  const teamIdOf = (name: string | null | undefined) => (name ? teamIds.get(name)! : null);

  if (diff.services.create.length) {
    const rows = diff.services.create.map((s: InventoryService) => {
      const full = completeService(s);
      return serviceRow(full, { id: randomUUID(), programmeId, teamId: teamIdOf(full.team), sliceId: null }, now);
    });
    await bulkInsert(tx, "Service", rows, SERVICE_COLUMNS);
    diff.services.create.forEach((s, i) => {
      serviceIds.set(s.name, rows[i].id);
      event({ entityType: "service", entityId: rows[i].id, action: "service.created", after: toJson(completeService(s)) });
    });
  }
  if (diff.services.update.length) {
    const rows = diff.services.update.map((u) => {
      const current: ServiceRow = loaded.serviceRows.get(u.name)!;
      const merged: Record<string, unknown> = rowToService(current, () => null);
      for (const c of u.changes) merged[c.field] = c.to;
      const teamChange = u.changes.find((c) => c.field === "team");
      const teamId = teamChange ? teamIdOf(teamChange.to as string | null) : current.teamId;
      event({
        entityType: "service",
        entityId: current.id,
        action: "service.updated",
        before: toJson(Object.fromEntries(u.changes.map((c) => [c.field, c.from]))),
        after: toJson(Object.fromEntries(u.changes.map((c) => [c.field, c.to]))),
      });
      return serviceRow(merged as FullService, { id: current.id, programmeId, teamId, sliceId: current.sliceId }, now);
    });
    await bulkUpdateServices(tx, rows);
  }

  // Dependencies: new edges by bulk insert, retyped ones by one UPDATE, removed ones by one DELETE.
  if (diff.dependencies.create.length) {
    const rows = diff.dependencies.create.map((d) => ({ id: randomUUID(), programmeId, fromId: serviceIds.get(d.from)!, toId: serviceIds.get(d.to)!, kind: d.kind }));
    await bulkInsert(tx, "Dependency", rows, { id: "text", programmeId: "text", fromId: "text", toId: "text", kind: { enum: "DependencyKind" } });
    rows.forEach((r, i) => {
      const d = diff.dependencies.create[i];
      event({ entityType: "dependency", entityId: r.id, action: "dependency.created", after: { from: d.from, to: d.to, kind: d.kind } });
    });
  }
  if (diff.dependencies.update.length) {
    const ids = diff.dependencies.update.map((d) => loaded.dependencyIds.get(d.from)!.get(d.to)!);
    const kinds = diff.dependencies.update.map((d) => d.changes[0].to as string);
    await tx.$executeRawUnsafe(`UPDATE "Dependency" d SET "kind" = u.kind::"DependencyKind" FROM unnest($1::text[], $2::text[]) AS u(id, kind) WHERE d.id = u.id`, ids, kinds);
    diff.dependencies.update.forEach((d, i) =>
      event({ entityType: "dependency", entityId: ids[i], action: "dependency.updated", before: { from: d.from, to: d.to, kind: d.changes[0].from as string }, after: { from: d.from, to: d.to, kind: kinds[i] } }),
    );
  }

  if (opts.removals) {
    const depIds = diff.dependencies.remove.map((d) => loaded.dependencyIds.get(d.from)!.get(d.to)!);
    if (depIds.length) await tx.$executeRawUnsafe(`DELETE FROM "Dependency" WHERE id = ANY($1::text[])`, depIds);
    diff.dependencies.remove.forEach((d, i) => event({ entityType: "dependency", entityId: depIds[i], action: "dependency.deleted", before: { from: d.from, to: d.to, kind: d.kind } }));
    // A removed service takes its dependencies with it (ON DELETE CASCADE).
    const svcIds = diff.services.remove.map((name) => loaded.serviceIds.get(name)!);
    if (svcIds.length) await tx.$executeRawUnsafe(`DELETE FROM "Service" WHERE id = ANY($1::text[])`, svcIds);
    diff.services.remove.forEach((name, i) => event({ entityType: "service", entityId: svcIds[i], action: "service.deleted", before: { name } }));
    const teamIdsToRemove = diff.teams.remove.map((name) => loaded.teamIds.get(name)!);
    if (teamIdsToRemove.length) {
      // Slices need their team (ON DELETE RESTRICT): say which, rather than a constraint name.
      const owning = await tx.slice.findMany({ where: { teamId: { in: teamIdsToRemove } }, select: { team: { select: { name: true } } }, distinct: ["teamId"] });
      if (owning.length) {
        throw new AppError("CONFLICT", `Cannot remove team${owning.length > 1 ? "s" : ""} ${owning.map((o) => `"${o.team.name}"`).join(", ")}: still owning slices. Give the slices another team first, or import without removals.`);
      }
    }
    if (teamIdsToRemove.length) await tx.$executeRawUnsafe(`DELETE FROM "Team" WHERE id = ANY($1::text[])`, teamIdsToRemove);
    diff.teams.remove.forEach((name, i) => event({ entityType: "team", entityId: teamIdsToRemove[i], action: "team.deleted", before: { name } }));
    removed = depIds.length + svcIds.length + teamIdsToRemove.length;
  }

  await bulkInsert(tx, "Event", events, EVENT_COLUMNS);
  return { removed };
}

/** Bulk-writes audit events built with eventData (for callers that collect many). */
export const insertEvents = (tx: Tx, events: Prisma.EventUncheckedCreateInput[]) => bulkInsert(tx, "Event", events, EVENT_COLUMNS);

/** Rewrites whole service rows by id: the rows go into a temporary table, then one UPDATE ... FROM. */
export async function bulkUpdateServices(tx: Tx, rows: ReturnType<typeof serviceRow>[]): Promise<void> {
  if (!rows.length) return;
  await tx.$executeRawUnsafe(`CREATE TEMP TABLE IF NOT EXISTS "_ferry_service_update" (LIKE "Service" INCLUDING DEFAULTS) ON COMMIT DROP`);
  await tx.$executeRawUnsafe(`TRUNCATE "_ferry_service_update"`);
  await bulkInsert(tx, "_ferry_service_update", rows, SERVICE_COLUMNS);
  const set = Object.keys(SERVICE_COLUMNS)
    .filter((c) => c !== "id" && c !== "programmeId")
    .map((c) => `"${c}" = t."${c}"`)
    .join(", ");
  await tx.$executeRawUnsafe(`UPDATE "Service" s SET ${set} FROM "_ferry_service_update" t WHERE s.id = t.id`);
}

// Events hold JSON: undefined fields are dropped and every value is plain data.
const toJson = (v: object): Prisma.InputJsonValue => JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue;
