import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { createProgramme } from "@/lib/seed/factories";
import { insertRecords, updateRecords } from "./insert-records";

// Rows go to Postgres as JSON and take the table's column types there: every kind of column
// the import writes must come back as it was given, whether bound once or per row.
let t: TestDatabase;
beforeAll(async () => (t = await openTestDatabase()));
afterAll(() => t.close());

const COLUMNS = ["id", "programmeId", "name", "description", "kind", "stateful", "dataStores", "configSources", "peakRps", "tier", "tags", "updatedAt"];
const SELECT = { id: true, name: true, description: true, kind: true, stateful: true, dataStores: true, configSources: true, peakRps: true, tier: true, tags: true, updatedAt: true } as const;

describe("insertRecords and updateRecords", () => {
  it("write every column type the import uses, shared or per row, exactly", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const at = new Date("2026-01-02T03:04:05.678Z");
    const rows = [
      { id: randomUUID(), programmeId: programme.id, name: "a", description: `quotes ' " \\ {braces} [x] ,; ü 日本 😀`, kind: "datastore", stateful: true, dataStores: ["pg", "it's", ""], configSources: ["env", "files"], peakRps: 2_147_483_647, tier: 1, tags: ["x,y", "{z}", 'q"'], updatedAt: at },
      { id: randomUUID(), programmeId: programme.id, name: "b", description: null, kind: "api", stateful: false, dataStores: [], configSources: [], peakRps: null, tier: 3, tags: [], updatedAt: at },
      { id: randomUUID(), programmeId: programme.id, name: "c", description: undefined, kind: "api", stateful: false, dataStores: [], configSources: ["remote"], peakRps: 0, tier: 3, tags: ["bench"], updatedAt: at },
    ];
    await t.db.$transaction((tx) => insertRecords(tx, "Service", COLUMNS, rows));
    const read = await t.db.service.findMany({ where: { programmeId: programme.id }, select: SELECT, orderBy: { name: "asc" } });
    expect(read).toEqual(rows.map(({ programmeId: _p, ...r }) => ({ ...r, description: r.description ?? null })));

    const changed = read.map((r, i) => ({ ...r, programmeId: programme.id, description: i === 1 ? "now described" : null, tags: [...r.tags, "more"], tier: 2 }));
    await t.db.$transaction((tx) => updateRecords(tx, "Service", COLUMNS.filter((c) => c !== "programmeId"), changed));
    const updated = await t.db.service.findMany({ where: { programmeId: programme.id }, select: SELECT, orderBy: { name: "asc" } });
    expect(updated).toEqual(changed.map(({ programmeId: _p, ...r }) => r));
  });

  it("writes JSON payloads and leaves missing columns to NULL, and the rest to their defaults", async () => {
    const programme = await createProgramme(t.db, { slug: uniqueSlug("rec") });
    const events = [
      { programmeId: programme.id, actorName: "import", entityType: "service", entityId: "1", action: "service.created", after: { name: "a", tags: ["x"], nested: { n: 1, ok: true } } },
      { programmeId: programme.id, actorName: "import", entityType: "service", entityId: "2", action: "service.updated", before: { tier: 3 }, after: { tier: 1 } },
    ];
    await t.db.$transaction((tx) => insertRecords(tx, "Event", ["programmeId", "actorId", "actorName", "entityType", "entityId", "action", "before", "after"], events));
    const read = await t.db.event.findMany({ where: { programmeId: programme.id }, orderBy: { entityId: "asc" } });
    expect(read.map((e) => ({ entityId: e.entityId, action: e.action, actorId: e.actorId, before: e.before, after: e.after }))).toEqual([
      { entityId: "1", action: "service.created", actorId: null, before: null, after: events[0].after },
      { entityId: "2", action: "service.updated", actorId: null, before: { tier: 3 }, after: { tier: 1 } },
    ]);
    expect(read.every((e) => e.at instanceof Date && e.id > 0)).toBe(true);
  });
});
