import { describe, expect, it } from "vitest";
import { ACTIONS } from "@/lib/auth/rules";
import { EVENT_ACTIONS, isEventAction } from "./catalogue";
import { readSources, scanSources, sourceFiles } from "./test-action-scan";

// Strings shaped like actions that are permissions, not events ("service.edit").
const isPermission = (s: string) => Object.hasOwn(ACTIONS, s);
const scan = (sources: Record<string, string>) => scanSources(new Map(Object.entries(sources)), isEventAction, isPermission);

describe("event actions in the source", () => {
  const root = process.cwd();
  const files = [...sourceFiles(root, ["app", "components", "lib", "scripts", "bench"]), "proxy.ts", "instrumentation.ts"];
  const all = scanSources(readSources(root, files), isEventAction, isPermission);

  it("writes and reads only actions the catalogue has, through its helpers", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(all.findings).toEqual([]);
  });

  it("has no catalogue entry that no code names", () => {
    const outside = scanSources(readSources(root, files.filter((f) => !f.startsWith("lib/events/catalogue/"))), isEventAction, isPermission);
    expect(EVENT_ACTIONS.filter((a) => !outside.mentioned.has(a))).toEqual([]);
    expect(all.written.size).toBeGreaterThan(30);
  });
});

describe("the scan itself", () => {
  it("refuses an event written with an action the catalogue lacks, in either branch", () => {
    const { findings } = scan({
      "lib/x.ts": `recordEvent(tx, a, { entityType: "slice", entityId: id, action: "slice.polished" });
        eventRow(a, { entityType: "slice", action: ok ? "slice.stage_moved" : "slice.nudged" });`,
    });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [1, 'writes an event action the catalogue lacks: "slice.polished"'],
      [2, 'writes an event action the catalogue lacks: "slice.nudged"'],
    ]);
  });

  it("refuses an action built from parts", () => {
    expect(scan({ "lib/x.ts": "const e = { entityType: t, action: `${t}.created` };" }).findings).toEqual([expect.objectContaining({ message: expect.stringMatching(/from parts/) })]);
  });

  it("refuses reads of unknown actions: comparisons, switches, where clauses and SQL", () => {
    const { findings } = scan({
      "lib/x.ts": [
        `if (e.action === "slice.moved") {}`,
        `switch (event.action) { case "slice.stage_moved": case "checklist_item.checked": }`,
        `db.event.findMany({ where: { action: "slice.rolledback" } });`,
        "db.$queryRaw`SELECT 1 FROM \"Event\" WHERE action = 'slice.rolled'`;",
        `can(role, { action: "service.edit" });`,
      ].join("\n"),
    });
    expect(findings.map((f) => f.line)).toEqual([1, 2, 3, 4]);
  });

  it("refuses events written around the helpers", () => {
    const { findings } = scan({
      "lib/x.ts": [
        `await tx.event.createMany({ data: rows });`,
        `await db.event.create({ data: eventRow(actor, input) });`,
        `await insertRows(tx, "Event", columns, rows);`,
        'await tx.$executeRawUnsafe(`INSERT INTO "Event" (action) VALUES ($1)`, a);',
      ].join("\n"),
      "lib/events/record.ts": `await insertRows(tx, "Event", COLUMNS, rows);`,
    });
    expect(findings.map((f) => [f.file, f.line])).toEqual([
      ["lib/x.ts", 1],
      ["lib/x.ts", 3],
      ["lib/x.ts", 4],
    ]);
  });
});
