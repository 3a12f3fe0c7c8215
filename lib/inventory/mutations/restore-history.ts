/**
 * Restoring a Ferry backup's people and history (format version 2) into an empty programme:
 * people matched by email or created without any way to sign in, the programme's memberships
 * and team memberships as the file has them, every event as it was, then one event recording
 * the restore. Runs inside the import's transaction, after the state is written. ADR 0020.
 */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { insertRows, upsertRows } from "@/lib/db/bulk-insert";
import { AppError } from "@/lib/errors";
import { parseEvent } from "@/lib/events/catalogue";
import { eventRow, insertEvents, recordedEventInput, recordEvent } from "@/lib/events/record";
import type { FerryDocument } from "../ferry-json";
import { entityKey } from "../ferry-json-refs";
import { formatPath } from "../yaml-lines";
import { entityRefs, RESTORED_ACTION, type RestoreRecord } from "../queries/history-export";

type Tx = Prisma.TransactionClient;

/**
 * Whether the programme has nothing of its own but its creation: no slices, waves, facilities,
 * templates or checklist items, no teams, services or dependencies but those this transaction
 * (the import, which writes them first) created, and no events but its creation and this
 * transaction's. Rows written by this transaction carry its id in xmin.
 */
export async function isEmptyForRestore(tx: Tx, programmeId: string): Promise<boolean> {
  const ours = `xmin = pg_current_xact_id()::xid`;
  const [row] = await tx.$queryRawUnsafe<{ busy: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM "Slice" WHERE "programmeId" = $1)
         OR EXISTS (SELECT 1 FROM "Wave" WHERE "programmeId" = $1)
         OR EXISTS (SELECT 1 FROM "Facility" WHERE "programmeId" = $1)
         OR EXISTS (SELECT 1 FROM "ChecklistTemplate" WHERE "programmeId" = $1)
         OR EXISTS (SELECT 1 FROM "ChecklistItem" WHERE "programmeId" = $1)
         OR EXISTS (SELECT 1 FROM "Team" WHERE "programmeId" = $1 AND NOT ${ours})
         OR EXISTS (SELECT 1 FROM "Service" WHERE "programmeId" = $1 AND NOT ${ours})
         OR EXISTS (SELECT 1 FROM "Dependency" WHERE "programmeId" = $1 AND NOT ${ours})
         OR EXISTS (SELECT 1 FROM "Event" WHERE "programmeId" = $1 AND action <> 'programme.created' AND NOT ${ours}) AS busy`,
    programmeId,
  );
  return !row.busy;
}

export type RestoredPeople = { userIds: Map<string, string>; created: string[]; droppedMembers: string[] };

/**
 * Everyone in `people`: an existing account is matched by email and left as it is; a missing
 * one is created with no password and no sign-in method (no Account row), so who ticked and
 * who acted survive, and the person gets in later by SSO or a manager's password reset. The
 * programme's memberships become exactly the file's: the administrator who created the empty
 * programme keeps access as an administrator, and the restore event names whom it dropped.
 */
export async function restorePeople(tx: Tx, programmeId: string, doc: FerryDocument, now: Date): Promise<RestoredPeople> {
  const emails = doc.people.map((p) => p.email);
  const existing = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const userIds = new Map(existing.map((u) => [u.email, u.id]));
  const missing = doc.people.filter((p) => !userIds.has(p.email));
  const rows = missing.map((p) => ({ id: randomUUID(), email: p.email, name: p.name, emailVerified: false, disabledAt: p.disabled ? now : null, updatedAt: now }));
  if (rows.length) await insertRows(tx, "User", ["id", "email", "name", "emailVerified", "disabledAt", "updatedAt"], rows);
  for (const r of rows) userIds.set(r.email, r.id);

  const members = doc.people.filter((p) => p.role);
  const keep = members.map((p) => userIds.get(p.email)!);
  const dropped = await tx.membership.findMany({ where: { programmeId, userId: { notIn: keep } }, select: { user: { select: { email: true } } } });
  await tx.membership.deleteMany({ where: { programmeId, userId: { notIn: keep } } });
  if (members.length) {
    const memberships = members.map((p, i) => ({ userId: keep[i], programmeId, role: p.role!, updatedAt: now }));
    await upsertRows(tx, memberships, { table: "Membership", columns: ["userId", "programmeId", "role", "updatedAt"], conflict: ["userId", "programmeId"], ignoreInComparison: ["updatedAt"] });
  }
  const teams = new Map((await tx.team.findMany({ where: { programmeId }, select: { id: true, name: true } })).map((t) => [t.name, t.id]));
  const links = doc.people.flatMap((p) => p.teams.map((t) => ({ teamId: teams.get(t.name)!, userId: userIds.get(p.email)!, isLead: t.lead })));
  if (links.length) {
    await upsertRows(tx, links, { table: "TeamMember", columns: ["teamId", "userId", "isLead"], conflict: ["teamId", "userId"] });
  }
  return { userIds, created: rows.map((r) => r.email), droppedMembers: dropped.map((d) => d.user.email).sort() };
}

/** Database ids of everything an event's `entity` can name, by the same keys the file uses. */
async function entityIds(tx: Tx, programmeId: string, userIds: Map<string, string>): Promise<Map<string, Map<string, string>>> {
  const refs = await entityRefs(tx, programmeId);
  const ids = new Map([...refs].map(([type, byId]) => [type, new Map([...byId].map(([id, keys]) => [entityKey(keys), id]))]));
  const users = new Map([...userIds].map(([email, id]) => [entityKey([email]), id]));
  ids.set("user", users);
  ids.set("membership", users);
  return ids;
}

/**
 * Appends the file's events as they were (instant, actor, request, payloads), in file order so
 * their ids keep it, then the event recording the restore with the range of ids it wrote.
 */
export async function restoreHistory(tx: Tx, actor: Actor, programmeId: string, doc: FerryDocument, people: RestoredPeople): Promise<RestoreRecord> {
  assertCatalogued(doc.history);
  const ids = await entityIds(tx, programmeId, people.userIds);
  const rows = doc.history.map((e) => {
    // Who acted, as the file recorded it: an administrator's flag is not the file's to grant.
    const author: Actor = { userId: e.actor ? (people.userIds.get(e.actor) ?? null) : null, name: e.actorName, isAdmin: false, requestId: e.requestId ?? undefined };
    const event = recordedEventInput({
      programmeId,
      at: new Date(e.at),
      entityType: e.entityType,
      // The reference check made sure every `entity` names something the file restored.
      entityId: e.entity ? ids.get(e.entityType)!.get(entityKey(e.entity))! : e.entityId!,
      action: e.action,
      before: e.before ?? null,
      after: e.after ?? null,
    });
    return eventRow(author, event);
  });
  const [{ floor }] = await tx.$queryRawUnsafe<{ floor: number }[]>(`SELECT COALESCE(max(id), 0)::int AS floor FROM "Event" WHERE "programmeId" = $1`, programmeId);
  await insertEvents(tx, rows);
  const [range] = await tx.$queryRawUnsafe<{ first: number; last: number }[]>(`SELECT min(id)::int AS first, max(id)::int AS last FROM "Event" WHERE "programmeId" = $1 AND id > $2`, programmeId, floor);
  const record: RestoreRecord = { restoredEvents: rows.length, firstEventId: range.first, lastEventId: range.last };
  await recordEvent(tx, actor, {
    programmeId,
    entityType: "programme",
    entityId: programmeId,
    action: RESTORED_ACTION,
    after: { ...record, peopleCreated: people.created, membershipsDropped: people.droppedMembers },
  });
  return record;
}

/**
 * A restore writes only events Ferry records, shaped as it records them (the event catalogue,
 * ADR 0027): a history with any other event is refused whole, naming each one, before a row
 * of it is written. Checked here rather than when the file is read: a file whose history is
 * not restored (into a programme with a life of its own) is not refused for it.
 */
function assertCatalogued(history: FerryDocument["history"]): void {
  const failing = new Set<number>();
  const issues = history.flatMap((e, i) => {
    const parsed = parseEvent(e);
    if (!parsed.ok) failing.add(i);
    return parsed.ok ? [] : parsed.problems.map((p) => ({ path: formatPath(["history", i, ...p.path]), message: p.message }));
  });
  if (failing.size === 0) return;
  const n = failing.size;
  throw new AppError("INVALID", `${n} event${n === 1 ? "" : "s"} of the history ${n === 1 ? "is not an event" : "are not events"} Ferry records; nothing was imported.`, issues);
}
