/**
 * The people and the history of a programme for its Ferry JSON backup (format version 2).
 * Events name what they are about by the keys the file uses (entity), not by database ids, so
 * the same history prints the same bytes in any database; ids of things the file does not
 * hold stay as they were (entityId). ADR 0020 has the reasons and the rules.
 */
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FerryEvent, FerryPerson } from "../ferry-json";

type Reader = Prisma.TransactionClient;
type EventRow = { id: number; at: Date; actorId: string | null; actorName: string; entityType: string; entityId: string; action: string; before: Prisma.JsonValue; after: Prisma.JsonValue; requestId: string | null };

/** The action of the one event a history restore records; see restoreBookkeeping. */
export const RESTORED_ACTION = "programme.restored";

/** What a restore's own event keeps, so a later export knows which events came from the file. */
export type RestoreRecord = { restoredEvents: number; firstEventId: number; lastEventId: number };

/**
 * Which events are the programme's history. After a restore, this deployment's record of
 * receiving the programme is left out: the events from before the restored ones (its creation
 * here, the import's own created events, written before the history), the restore event, and
 * the `inventory.imported` event the same import writes right after it (the first one after
 * it by the same actor and request).
 */
export function historyEvents<T extends Pick<EventRow, "id" | "actorName" | "requestId" | "action" | "after">>(events: readonly T[]): T[] {
  const restore = events.findLast((e) => e.action === RESTORED_ACTION);
  if (!restore) return [...events];
  const first = restoredHistoryStart(restore);
  const imported = events
    .filter((e) => e.id > restore.id && e.action === "inventory.imported" && e.actorName === restore.actorName && e.requestId === restore.requestId)
    .reduce<number | null>((min, e) => (min === null || e.id < min ? e.id : min), null);
  return events.filter((e) => e.id >= first && e.id !== restore.id && e.id !== imported);
}

/**
 * The id of the first event of the programme's history after a restore (`restore`, its latest
 * `programme.restored` event): the events before it are this deployment's record of receiving
 * the programme (its creation here, the import's own created events), not the history. The
 * backup's export leaves them out (historyEvents), and so does the weekly report's walk back
 * (lib/reports/load.ts): undoing the import's "created" events made every restored slice and
 * service vanish from every week before the restore.
 */
export function restoredHistoryStart(restore: Pick<EventRow, "id" | "after">): number {
  return (restore.after as RestoreRecord | null)?.firstEventId ?? restore.id;
}

/** The id the programme's history starts at: 0 unless it was restored (restoredHistoryStart). */
export async function historyStartId(client: Reader, programmeId: string): Promise<number> {
  const restore = await client.event.findFirst({ where: { programmeId, action: RESTORED_ACTION }, orderBy: { id: "desc" }, select: { id: true, after: true } });
  return restore ? restoredHistoryStart(restore) : 0;
}

/** Every event of the programme and everyone it refers to, ready for the serializer. */
export async function getProgrammeHistory(client: Reader, programmeId: string): Promise<{ people: FerryPerson[]; history: FerryEvent[] }> {
  const [rows, memberships, teamMembers, ticks, refs] = await Promise.all([
    client.event.findMany({
      where: { programmeId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { id: true, at: true, actorId: true, actorName: true, entityType: true, entityId: true, action: true, before: true, after: true, requestId: true },
    }),
    client.membership.findMany({ where: { programmeId }, select: { userId: true, role: true } }),
    client.teamMember.findMany({ where: { team: { programmeId } }, select: { userId: true, isLead: true, team: { select: { name: true } } } }),
    client.checklistItem.findMany({ where: { programmeId, doneById: { not: null } }, select: { doneById: true }, distinct: ["doneById"] }),
    entityRefs(client, programmeId),
  ]);
  const events = historyEvents(rows);
  const referenced = new Set<string>([...memberships.map((m) => m.userId), ...teamMembers.map((t) => t.userId), ...ticks.map((t) => t.doneById!)]);
  for (const e of events) {
    if (e.actorId) referenced.add(e.actorId);
    if (e.entityType === "user" || e.entityType === "membership") referenced.add(e.entityId);
  }
  // Only what the file holds: never password hashes, sessions, tokens or the admin flag.
  const users = await client.user.findMany({ where: { id: { in: [...referenced] } }, select: { id: true, email: true, name: true, disabledAt: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  const roleOf = new Map(memberships.map((m) => [m.userId, m.role]));
  const people: FerryPerson[] = users.map((u) => ({
    email: u.email,
    name: u.name,
    role: roleOf.get(u.id) ?? null,
    disabled: u.disabledAt ? true : undefined,
    teams: teamMembers.filter((t) => t.userId === u.id).map((t) => ({ name: t.team.name, lead: t.isLead })),
  }));
  const userRefs = new Map([...emailOf].map(([id, email]) => [id, [email]]));
  const refOf = (e: EventRow): string[] | undefined =>
    e.entityType === "user" || e.entityType === "membership" ? userRefs.get(e.entityId) : refs.get(e.entityType)?.get(e.entityId);
  const history: FerryEvent[] = events.map((e) => {
    const entity = refOf(e);
    return {
      at: e.at.toISOString(),
      actor: e.actorId ? (emailOf.get(e.actorId) ?? null) : null,
      actorName: e.actorName,
      entityType: e.entityType,
      entity: entity ?? null,
      entityId: entity ? null : e.entityId,
      action: e.action,
      // Prisma's JSON type and zod's describe the same values; read from jsonb, they are JSON.
      before: e.before as FerryEvent["before"],
      after: e.after as FerryEvent["after"],
      requestId: e.requestId,
    };
  });
  return { people, history };
}

/** For each entity type the file holds, database id -> the keys the file names it by (the restore reads it backwards). */
export async function entityRefs(client: Reader, programmeId: string): Promise<Map<string, Map<string, string[]>>> {
  const where = { programmeId };
  const [teams, services, dependencies, slices, waves, facilities, templates, items] = await Promise.all([
    client.team.findMany({ where, select: { id: true, name: true } }),
    client.service.findMany({ where, select: { id: true, name: true } }),
    client.dependency.findMany({ where, select: { id: true, from: { select: { name: true } }, to: { select: { name: true } } } }),
    client.slice.findMany({ where, select: { id: true, name: true } }),
    client.wave.findMany({ where, select: { id: true, number: true } }),
    client.facility.findMany({ where, select: { id: true, key: true } }),
    client.checklistTemplate.findMany({ where, select: { id: true, name: true } }),
    client.checklistItem.findMany({ where, select: { id: true, key: true, slice: { select: { name: true } } } }),
  ]);
  return new Map([
    ["programme", new Map([[programmeId, []]])],
    ["team", new Map(teams.map((t) => [t.id, [t.name]]))],
    ["service", new Map(services.map((s) => [s.id, [s.name]]))],
    ["dependency", new Map(dependencies.map((d) => [d.id, [d.from.name, d.to.name]]))],
    ["slice", new Map(slices.map((s) => [s.id, [s.name]]))],
    ["wave", new Map(waves.map((w) => [w.id, [String(w.number)]]))],
    ["facility", new Map(facilities.map((f) => [f.id, [f.key]]))],
    ["checklist_template", new Map(templates.map((t) => [t.id, [t.name]]))],
    ["checklist_item", new Map(items.map((i) => [i.id, [i.slice.name, i.key]]))],
  ]);
}
