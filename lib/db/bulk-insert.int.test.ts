import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { createProgramme } from "@/lib/seed/factories";
import { insertRows, insertRowsReturningLastId, updateRows, upsertRows } from "./bulk-insert";

// Rows go to Postgres as JSON and take the table's column types there: every kind of column
// the seed, the import and a restore write must come back as it was given, whether bound once or per row.
let t: TestDatabase;
beforeAll(async () => (t = await openTestDatabase()));
afterAll(() => t.close());

const COLUMNS = ["id", "programmeId", "name", "description", "kind", "stateful", "dataStores", "configSources", "peakRps", "tier", "tags", "updatedAt"];
const SELECT = { id: true, name: true, description: true, kind: true, stateful: true, dataStores: true, configSources: true, peakRps: true, tier: true, tags: true, updatedAt: true } as const;

describe("insertRows, updateRows and upsertRows", () => {
  it("write every column type the import uses, shared or per row, exactly", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const at = new Date("2026-01-02T03:04:05.678Z");
    const rows = [
      { id: randomUUID(), programmeId: programme.id, name: "a", description: `quotes ' " \\ {braces} [x] ,; ü 日本 😀`, kind: "datastore", stateful: true, dataStores: ["pg", "it's", ""], configSources: ["env", "files"], peakRps: 2_147_483_647, tier: 1, tags: ["x,y", "{z}", 'q"'], updatedAt: at },
      { id: randomUUID(), programmeId: programme.id, name: "b", description: null, kind: "api", stateful: false, dataStores: [], configSources: [], peakRps: null, tier: 3, tags: [], updatedAt: at },
      { id: randomUUID(), programmeId: programme.id, name: "c", description: undefined, kind: "api", stateful: false, dataStores: [], configSources: ["remote"], peakRps: 0, tier: 3, tags: ["bench"], updatedAt: at },
    ];
    await t.db.$transaction((tx) => insertRows(tx, "Service", COLUMNS, rows));
    const read = await t.db.service.findMany({ where: { programmeId: programme.id }, select: SELECT, orderBy: { name: "asc" } });
    expect(read).toEqual(rows.map(({ programmeId: _p, ...r }) => ({ ...r, description: r.description ?? null })));

    const changed = read.map((r, i) => ({ ...r, programmeId: programme.id, description: i === 1 ? "now described" : null, tags: [...r.tags, "more"], tier: 2 }));
    await t.db.$transaction((tx) => updateRows(tx, "Service", COLUMNS.filter((c) => c !== "programmeId"), changed));
    const updated = await t.db.service.findMany({ where: { programmeId: programme.id }, select: SELECT, orderBy: { name: "asc" } });
    expect(updated).toEqual(changed.map(({ programmeId: _p, ...r }) => r));
  });

  it("writes JSON payloads and leaves missing columns to NULL, and the rest to their defaults", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const events = [
      { programmeId: programme.id, actorName: "import", entityType: "service", entityId: "1", action: "service.created", after: { name: "a", tags: ["x"], nested: { n: 1, ok: true } } },
      { programmeId: programme.id, actorName: "import", entityType: "service", entityId: "2", action: "service.updated", before: { tier: 3 }, after: { tier: 1 } },
    ];
    await t.db.$transaction((tx) => insertRows(tx, "Event", ["programmeId", "actorId", "actorName", "entityType", "entityId", "action", "before", "after"], events));
    const read = await t.db.event.findMany({ where: { programmeId: programme.id }, orderBy: { entityId: "asc" } });
    expect(read.map((e) => ({ entityId: e.entityId, action: e.action, actorId: e.actorId, before: e.before, after: e.after }))).toEqual([
      { entityId: "1", action: "service.created", actorId: null, before: null, after: events[0].after },
      { entityId: "2", action: "service.updated", actorId: null, before: { tier: 3 }, after: { tier: 1 } },
    ]);
    expect(read.every((e) => e.at instanceof Date && e.id > 0)).toBe(true);
  });

  it("answers the id of the last row it inserted, from the insert itself, and null when it inserted none", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const columns = ["programmeId", "actorName", "entityType", "entityId", "action"];
    const events = ["1", "2", "3"].map((entityId) => ({ programmeId: programme.id, actorName: "import", entityType: "service", entityId, action: "service.created" }));
    // Another session's inserts in between move the sequence on: the answer is still this insert's own last row.
    const lastId = await t.db.$transaction(async (tx) => {
      const id = await insertRowsReturningLastId(tx, "Event", columns, events);
      await insertRows(t.db, "Event", columns, [{ ...events[0], entityId: "elsewhere" }]);
      return id;
    });
    const read = await t.db.event.findMany({ where: { programmeId: programme.id, entityId: { in: ["1", "2", "3"] } }, orderBy: { id: "asc" }, select: { id: true, entityId: true } });
    expect(read.map((e) => e.entityId)).toEqual(["1", "2", "3"]);
    expect(lastId).toBe(read[2].id);
    expect(await insertRowsReturningLastId(t.db, "Event", columns, [])).toBeNull();
  });

  it("upsert inserts new rows, updates changed ones, skips unchanged ones and maps each back to its input", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const at = new Date("2026-03-04T05:06:07.890Z");
    // A mapped enum (TrafficStage) goes by its database label; a date column takes a Date at midnight UTC.
    const slice = (name: string, stage: string, wave: number | null) => ({ id: randomUUID(), programmeId: programme.id, name, status: "planned", stage, pinnedWave: wave, plannedStart: new Date("2026-05-01T00:00:00Z"), updatedAt: at });
    const team = await t.db.team.create({ data: { programmeId: programme.id, name: "T" } });
    const spec = {
      table: "Slice", conflict: ["programmeId", "name"], ignoreInComparison: ["updatedAt"], onUpdate: `"version" = "Slice"."version" + 1`,
      columns: ["id", "programmeId", "teamId", "name", "status", "stage", "pinnedWave", "plannedStart", "updatedAt"],
    } as const;
    const first = [slice("a", "0", null), slice("b", "10", 2)].map((r) => ({ ...r, teamId: team.id }));
    const created = await t.db.$transaction((tx) => upsertRows(tx, first, spec));
    expect(created.map((o) => ({ index: o.index, inserted: o.inserted, id: o.id })).sort((x, y) => x.index - y.index)).toEqual(first.map((r, index) => ({ index, inserted: true, id: r.id })));

    // Fresh ids as a re-import makes them: the existing rows keep theirs.
    const second = [slice("b", "50", 2), slice("a", "0", null), slice("c", "mirror", null)].map((r) => ({ ...r, teamId: team.id, updatedAt: new Date() }));
    const outcomes = await t.db.$transaction((tx) => upsertRows(tx, second, spec));
    expect(outcomes.map((o) => ({ index: o.index, inserted: o.inserted, id: o.id })).sort((x, y) => x.index - y.index)).toEqual([
      { index: 0, inserted: false, id: first[1].id },
      { index: 2, inserted: true, id: second[2].id },
    ]);
    const read = await t.db.slice.findMany({ where: { programmeId: programme.id }, select: { name: true, stage: true, version: true, plannedStart: true, updatedAt: true }, orderBy: { name: "asc" } });
    expect(read.map(({ updatedAt: _u, ...r }) => r)).toEqual([
      { name: "a", stage: "none", version: 0, plannedStart: new Date("2026-05-01T00:00:00Z") },
      { name: "b", stage: "pct50", version: 1, plannedStart: new Date("2026-05-01T00:00:00Z") },
      { name: "c", stage: "mirror", version: 0, plannedStart: new Date("2026-05-01T00:00:00Z") },
    ]);
    // The unchanged row was not rewritten: its timestamp is the first write's.
    expect(read[0].updatedAt).toEqual(at);
  });

  it("upserts rows of a table keyed by two columns and no id", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const team = await t.db.team.create({ data: { programmeId: programme.id, name: "T" } });
    const users = await Promise.all(["u1", "u2"].map((n) => t.db.user.create({ data: { email: `${uniqueSlug(n)}@example.test`, name: n } })));
    const spec = { table: "TeamMember", columns: ["teamId", "userId", "isLead"], conflict: ["teamId", "userId"] } as const;
    await t.db.$transaction((tx) => upsertRows(tx, [{ teamId: team.id, userId: users[0].id, isLead: false }], spec));
    const written = await t.db.$transaction((tx) => upsertRows(tx, users.map((u) => ({ teamId: team.id, userId: u.id, isLead: true })), spec));
    expect(written.map((o) => ({ index: o.index, inserted: o.inserted })).sort((x, y) => x.index - y.index)).toEqual([{ index: 0, inserted: false }, { index: 1, inserted: true }]);
    const read = await t.db.teamMember.findMany({ where: { teamId: team.id }, select: { userId: true, isLead: true } });
    expect(new Set(read.map((r) => `${r.userId}:${r.isLead}`))).toEqual(new Set(users.map((u) => `${u.id}:true`)));
  });
});
