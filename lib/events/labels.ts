import "server-only";
import { db } from "@/lib/db";
import type { Names } from "./describe-changes";
import { bulkKeyOf, type ActionCounts } from "./describe-groups";

type LabelledEvent = { entityType: string; entityId: string; before?: unknown; after?: unknown };

// Fields of a payload that hold the id of another thing, and which thing (describe-changes reads them back).
const REFERENCES: Record<string, string> = { ownerTeamId: "team", userId: "user", sliceId: "slice", mergedInto: "slice", splitFrom: "slice", templateId: "checklist_template", programmeId: "programme" };

/** Every "type:id" a list of events names: what each is about, and the ids its payloads refer to. */
function wanted(events: LabelledEvent[]): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  const add = (type: string, id: unknown) => {
    if (typeof id !== "string" || !id) return;
    const set = ids.get(type) ?? new Set<string>();
    set.add(id);
    ids.set(type, set);
  };
  for (const e of events) {
    // A membership is named by its member: its id is the user's.
    add(e.entityType === "membership" ? "user" : e.entityType, e.entityId);
    for (const side of [e.before, e.after]) {
      if (!side || typeof side !== "object") continue;
      for (const [field, type] of Object.entries(REFERENCES)) add(type, (side as Record<string, unknown>)[field]);
    }
  }
  return ids;
}

const CHUNK = 5_000;

const person = (u: { name: string; email: string }) => `${u.name} (${u.email})`;

/**
 * Names for the things a list of events is about and refers to ("slice:c1" → "Search",
 * "membership:u1" → "Grace Mensah (grace@example.com)", "wave:w2" → "wave 2: Order core"), in one
 * small query per kind. Events keep ids, not names: names change, ids do not; a thing since
 * deleted has no name here and is read from the event's own payload instead (describe.ts).
 */
export async function entityLabels(events: LabelledEvent[]): Promise<Map<string, string>> {
  const ids = wanted(events);
  const of = (type: string) => [...(ids.get(type) ?? [])];
  // In chunks: a whole log's export can name more things than one statement may bind (32,767).
  const when = async <T,>(type: string, query: (ids: string[]) => Promise<T[]>): Promise<T[]> => {
    const all = of(type);
    const rows: T[] = [];
    for (let i = 0; i < all.length; i += CHUNK) rows.push(...(await query(all.slice(i, i + CHUNK))));
    return rows;
  };
  const [slices, items, services, teams, users, waves, facilities, templates, programmes, tokens] = await Promise.all([
    when("slice", (id) => db.slice.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("checklist_item", (id) => db.checklistItem.findMany({ where: { id: { in: id } }, select: { id: true, title: true, slice: { select: { name: true } } } })),
    when("service", (id) => db.service.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("team", (id) => db.team.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("user", (id) => db.user.findMany({ where: { id: { in: id } }, select: { id: true, name: true, email: true } })),
    when("wave", (id) => db.wave.findMany({ where: { id: { in: id } }, select: { id: true, number: true, name: true } })),
    when("facility", (id) => db.facility.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("checklist_template", (id) => db.checklistTemplate.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("programme", (id) => db.programme.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
    when("api_token", (id) => db.apiToken.findMany({ where: { id: { in: id } }, select: { id: true, name: true } })),
  ]);
  const labels = new Map<string, string>();
  for (const s of slices) labels.set(`slice:${s.id}`, s.name);
  for (const s of services) labels.set(`service:${s.id}`, s.name);
  for (const i of items) labels.set(`checklist_item:${i.id}`, `"${i.title}" on ${i.slice.name}`);
  for (const t of teams) labels.set(`team:${t.id}`, t.name);
  for (const u of users) {
    labels.set(`user:${u.id}`, person(u));
    labels.set(`membership:${u.id}`, person(u));
  }
  for (const w of waves) labels.set(`wave:${w.id}`, `wave ${w.number}${w.name ? `: ${w.name}` : ""}`);
  for (const f of facilities) labels.set(`facility:${f.id}`, f.name);
  for (const t of templates) labels.set(`checklist_template:${t.id}`, t.name);
  for (const p of programmes) labels.set(`programme:${p.id}`, p.name);
  for (const t of tokens) labels.set(`api_token:${t.id}`, `"${t.name}"`);
  return labels;
}

export type { Names };


const MINUTE = 60_000;

/**
 * Which piece of work each event of a feed belongs to, and the whole of each piece a feed shows
 * part of (a page of 50 events can hold the first 50 of an import's 90). One piece of work is one
 * request: its events share the request id (an import, a plan applied, a bulk edit, whatever
 * their timestamps, which the database and the app stamp apart). Events without one (the seed's)
 * fall back to their actor and instant. Two small queries: the feed's request ids, then every
 * event of those requests counted by action, in the time around the feed (the index on time).
 */
export async function bulkWork(programmeId: string | null, events: readonly { id: number; actorName: string; at: Date }[]): Promise<{ keyOf: (e: { id: number; actorName: string; at: Date }) => string; tallies: Map<string, ActionCounts> }> {
  const tallies = new Map<string, ActionCounts>();
  if (events.length === 0) return { keyOf: bulkKeyOf, tallies };
  const rows = await db.event.findMany({ where: { id: { in: events.map((e) => e.id) } }, select: { id: true, requestId: true, programmeId: true } });
  const requestOf = new Map(rows.map((r) => [r.id, r.requestId]));
  const keyOf = (e: { id: number; actorName: string; at: Date }) => {
    const request = requestOf.get(e.id);
    return request ? `request:${request}` : bulkKeyOf(e);
  };
  const requests = [...new Set(rows.map((r) => r.requestId).filter((r): r is string => Boolean(r)))];
  const programme = programmeId ?? rows[0]?.programmeId ?? null;
  if (!programme || requests.length === 0) return { keyOf, tallies };
  const times = events.map((e) => e.at.getTime());
  const counts = await db.event.groupBy({
    by: ["requestId", "action", "entityType"],
    where: { programmeId: programme, requestId: { in: requests }, at: { gte: new Date(Math.min(...times) - MINUTE), lte: new Date(Math.max(...times) + MINUTE) } },
    _count: { _all: true },
  });
  for (const c of counts) {
    const key = `request:${c.requestId}`;
    tallies.set(key, [...(tallies.get(key) ?? []), { action: c.action, entityType: c.entityType, count: c._count._all }]);
  }
  return { keyOf, tallies };
}
