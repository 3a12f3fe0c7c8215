import { describe, expect, it } from "vitest";
import { parseFerryJson, serializeFerryJson, type FerryDocument } from "./ferry-json";
import { SERVICE_FIELDS } from "./model";
import { fixture, lineOf, shuffle } from "./fixtures/load";

const text = fixture("programme.ferry.json");
const parsed = parseFerryJson(text);
const doc = parsed.document!;
const canonical = serializeFerryJson(doc);

/** Every collection of a document in another order, and every object's keys too. */
function scramble(d: FerryDocument, seed: number): FerryDocument {
  const keys = <T extends object>(o: T): T => Object.fromEntries(shuffle(Object.entries(o), seed)) as T;
  const all = <T extends object>(xs: T[]) => shuffle(xs, seed).map(keys);
  return keys({
    ...d,
    programme: keys(d.programme),
    teams: all(d.teams),
    services: all(d.services).map((s) => ({ ...s, tags: s.tags && shuffle(s.tags, seed), configSources: s.configSources && shuffle(s.configSources, seed) })),
    dependencies: all(d.dependencies),
    waves: all(d.waves).map((w) => ({ ...w, facilities: shuffle(w.facilities, seed) })),
    slices: all(d.slices).map((s) => ({ ...s, services: shuffle(s.services, seed), checklist: all(s.checklist) })),
    facilities: all(d.facilities),
    checklistTemplates: all(d.checklistTemplates).map((t) => ({ ...t, items: all(t.items) })),
  });
}

/** The fixture with one edit, parsed; for errors whose line we can find in the text. */
const withEdit = (from: string, to: string) => {
  expect(text).toContain(from);
  const edited = text.replace(from, to);
  return { edited, result: parseFerryJson(edited) };
};

describe("serializeFerryJson", () => {
  it("reads the hand-written fixture without errors", () => {
    expect(parsed.errors).toEqual([]);
  });

  it("is byte-identical through parse and serialize", () => {
    const again = parseFerryJson(canonical);
    expect(again.errors).toEqual([]);
    expect(serializeFerryJson(again.document!)).toBe(canonical);
  });

  it.each([1, 2, 3, 42, 2026])("gives the same bytes whatever the order of the input (seed %i)", (seed) => {
    const scrambled = scramble(doc, seed);
    expect(JSON.stringify(scrambled)).not.toBe(JSON.stringify(doc));
    expect(serializeFerryJson(scrambled)).toBe(canonical);
  });

  it("sorts collections by their stable keys", () => {
    const out = JSON.parse(canonical);
    expect(out.teams.map((t: { name: string }) => t.name)).toEqual(["identity", "payments"]);
    expect(out.services.map((s: { name: string }) => s.name)).toEqual(["auth", "orders", "orders-db"]);
    expect(out.dependencies.map((d: { to: string }) => d.to)).toEqual(["auth", "orders-db"]);
    expect(out.waves.map((w: { number: number }) => w.number)).toEqual([1, 2]);
    expect(out.waves[1].facilities).toEqual(["alerting", "logging"]);
    expect(out.slices.map((s: { name: string }) => s.name)).toEqual(["auth", "orders"]);
    expect(out.slices[1].services).toEqual(["orders", "orders-db"]);
    // position first, then key for the two items at position 2
    expect(out.slices[1].checklist.map((i: { key: string }) => i.key)).toEqual(["alerts", "backup", "probes"]);
    expect(out.checklistTemplates[0].items.map((i: { key: string }) => i.key)).toEqual(["alerts", "backup", "probes"]);
    expect(out.facilities.map((f: { key: string }) => f.key)).toEqual(["alerting", "logging"]);
    expect(out.services[1].tags).toEqual(["checkout", "java"]);
    expect(out.programme.environments).toEqual(["dev", "pre-prod", "prod"]); // order kept: it means something
  });

  it("prints keys in a fixed order, every service field written out, absent values omitted", () => {
    const out = JSON.parse(canonical);
    expect(Object.keys(out)).toEqual(["format", "version", "programme", "teams", "services", "dependencies", "waves", "slices", "facilities", "checklistTemplates", "people", "history"]);
    const orders = out.services[1];
    expect(Object.keys(orders)).toEqual(["name", ...SERVICE_FIELDS].filter((k) => k in orders));
    expect(orders).toMatchObject({ kind: "api", stateful: false, strategy: "rehost", dataStores: [] });
    expect(out.services[0]).not.toHaveProperty("description"); // null in the fixture
    expect(canonical).not.toMatch(/null/);
  });

  it("uses 2-space indentation and ends with a newline", () => {
    expect(canonical.startsWith('{\n  "format": "ferry",\n  "version": 2,\n')).toBe(true);
    expect(canonical.endsWith("}\n")).toBe(true);
  });

  it("never writes volatile fields, even when handed database rows", () => {
    const rows = {
      ...doc,
      id: "clx1",
      teams: doc.teams.map((t) => ({ ...t, id: "t1", programmeId: "p1", createdAt: new Date() })),
      services: doc.services.map((s) => ({ ...s, id: "s1", updatedAt: "2026-01-01T00:00:00.000Z", sliceId: "x" })),
      slices: doc.slices.map((s) => ({ ...s, id: "sl", version: 7, checklist: s.checklist.map((i) => ({ ...i, id: "i", updatedAt: "now" })) })),
    } as FerryDocument;
    const out = serializeFerryJson(rows);
    expect(out).toBe(canonical);
    expect(out).not.toMatch(/"(id|programmeId|createdAt|updatedAt|sliceId)":|"version": 7/);
  });

  it("spells one instant one way, whatever offset it was written with", () => {
    expect(canonical).toContain('"actualStart": "2026-09-28T08:00:00.000Z"'); // written as 10:00+02:00
  });
});

describe("parseFerryJson", () => {
  it("gives the full inventory: what the backup leaves out is none, not keep", () => {
    const auth = parsed.inventory.services.find((s) => s.name === "auth")!;
    expect(auth).toMatchObject({ description: null, kind: "api", tier: 3, tags: [], peakRps: null, shared: true });
    expect(parsed.inventory.teams).toContainEqual({ name: "identity", contactChannel: null });
    expect(parsed.inventory.coverage).toBeUndefined();
  });

  it.each([
    ['{\n  "format": "ferry",\n  "version": 1,\n}', 4],
    ['{\n  "format": "ferry"\n  "version": 1\n}', 3],
    ['{\n  "format": "ferry",\n  "version": \n}', 4],
    ['{\n  "format": "ferry",\n', 3],
    ["", 1],
  ])("reports invalid JSON with a line: %j", (bad, line) => {
    const r = parseFerryJson(bad);
    expect(r.document).toBeNull();
    expect(r.errors).toEqual([{ line, message: expect.stringMatching(/^Not valid JSON/) }]);
  });

  it("reports schema errors with their JSON path and line", () => {
    const { edited, result } = withEdit('"kind": "datastore"', '"kind": "database"');
    expect(result.document).toBeNull();
    expect(result.errors).toEqual([
      { line: lineOf(edited, '"kind": "database"'), path: "services[0].kind", message: expect.stringMatching(/^services\[0\]\.kind: must be one of api, .*\(got "database"\)/) },
    ]);
  });

  it.each([
    ['"stage": "mirror"', '"stage": "25"', "slices[0].stage", /must be one of 0, mirror, 1, 10, 50, 100/],
    ['"status": "parallel_run"', '"status": "running"', "slices[0].status", /planned, preparing/],
    ['"doneBy": "jane.doe@example.com"', '"doneBy": "jane"', "slices[0].checklist[0].doneBy", /email/],
    ['"rollbackRehearsedAt": "2026-09-30T08:15:00Z"', '"rollbackRehearsedAt": "2026-09-30 08:15"', "slices[0].rollbackRehearsedAt", /date and time with a zone/],
    ['"targetDate": "2026-12-18"', '"targetDate": "18/12/2026"', "programme.targetDate", /date like/],
    ['"name": "orders-db",', '"name": "Orders DB",', "services[0].name", /Service name "Orders DB"/],
    ['"version": 1', '"version": 3', "version", /must be 1 or 2/],
  ])("reports %s -> %s at its path", (from, to, path, message) => {
    const { edited, result } = withEdit(from, to);
    expect(result.errors).toEqual([{ line: lineOf(edited, to), path, message: expect.stringMatching(message) }]);
  });

  it("points an unknown field at the line it is written on", () => {
    const { edited, result } = withEdit('"slug": "shop",', '"slug": "shop",\n    "id": "clx123",');
    expect(result.errors).toEqual([{ line: lineOf(edited, '"id": "clx123"'), path: "programme", message: 'programme: Unrecognized key: "id"' }]);
  });

  describe("references", () => {
    const refs = (edit: (d: FerryDocument) => void) => {
      const copy = structuredClone(doc);
      edit(copy);
      const written = JSON.stringify(copy, null, 2);
      return { written, errors: parseFerryJson(written).errors };
    };

    it.each<[string, (d: FerryDocument) => void, string, RegExp]>([
      ["a slice service that does not exist", (d) => d.slices[0].services.push("ghost"), "slices[0].services[2]", /Unknown service "ghost"/],
      ["a service in two slices", (d) => d.slices[1].services.push("orders"), "slices[1].services[1]", /already in slice "orders": a service is in at most one slice/],
      ["a slice team that does not exist", (d) => (d.slices[1].team = "nobody"), "slices[1].team", /Unknown team "nobody"/],
      ["a service team that does not exist", (d) => (d.services[0].team = "nobody"), "services[0].team", /Unknown team "nobody"/],
      ["a dependency on nothing", (d) => d.dependencies.push({ from: "orders", to: "ghost", kind: "sync" }), "dependencies[2].to", /Unknown service "ghost"/],
      ["a slice in a wave that does not exist", (d) => (d.slices[1].wave = 9), "slices[1].wave", /Unknown wave 9/],
      ["a wave needing an unknown facility", (d) => d.waves[0].facilities.push("mesh"), "waves[0].facilities[2]", /Unknown facility "mesh"/],
      ["a facility owned by an unknown team", (d) => (d.facilities[1].ownerTeam = "nobody"), "facilities[1].ownerTeam", /Unknown team "nobody"/],
      ["two services with one name", (d) => d.services.push({ name: "auth" }), "services[3].name", /Duplicate service "auth": also at services\[2\]\.name/],
      ["two teams with one name", (d) => d.teams.push({ name: "identity" }), "teams[2].name", /Duplicate team/],
      ["a dependency twice", (d) => d.dependencies.push({ from: "orders", to: "auth", kind: "async" }), "dependencies[2]", /Duplicate dependency "orders -> auth"/],
      ["two checklist items with one key", (d) => d.slices[0].checklist.push({ ...d.slices[0].checklist[0] }), "slices[0].checklist[3].key", /Duplicate checklist item key "probes"/],
    ])("%s", (_, edit, path, message) => {
      const { errors } = refs(edit);
      expect(errors).toEqual([{ line: expect.any(Number), path, message: expect.stringMatching(message) }]);
    });

    it("points a reference error at its line", () => {
      const { written, errors } = refs((d) => (d.slices[1].team = "nobody"));
      expect(errors[0].line).toBe(lineOf(written, '"team": "nobody"'));
    });
  });
});

describe("people and history (version 2)", () => {
  const withHistory = (history: object[], people: object[] = [{ email: "jane.doe@example.com", name: "Jane Doe", role: "lead", teams: [{ name: "payments", lead: true }] }]) =>
    JSON.stringify({ ...JSON.parse(canonical), people, history });
  const tick = { at: "2026-09-01T10:00:00+02:00", actor: "jane.doe@example.com", actorName: "Jane Doe", entityType: "checklist_item", entity: ["orders", "alerts"], action: "checklist_item.ticked", after: { state: "done", b: 1, a: { z: 1, y: 2 } } };
  const created = { at: "2026-01-01T00:00:00Z", actorName: "admin token", entityType: "programme", entity: [], action: "programme.created", requestId: "r1" };
  const deleted = { at: "2026-09-01T08:00:00Z", actorName: "Ferry", entityType: "service", entityId: "clx-gone", action: "service.deleted", before: { name: "old" } };

  it("prints events oldest first, one per line, with payload keys sorted, and reads them back to the same bytes", () => {
    const result = parseFerryJson(withHistory([tick, deleted, created]));
    expect(result.errors).toEqual([]);
    const out = serializeFerryJson(result.document!);
    const lines = out.split("\n").filter((l) => l.startsWith('    {"at"'));
    // The tick and the deletion are one instant (10:00+02:00 is 08:00Z): they keep the file's order.
    expect(lines.map((l) => JSON.parse(l.replace(/,$/, "")).action)).toEqual(["programme.created", "checklist_item.ticked", "service.deleted"]);
    expect(lines[1]).toContain('"at":"2026-09-01T08:00:00.000Z"'); // one instant, one spelling
    expect(lines[1]).toContain('"after":{"a":{"y":2,"z":1},"b":1,"state":"done"}');
    expect(serializeFerryJson(parseFerryJson(out).document!)).toBe(out);
    expect(JSON.parse(out).people).toEqual([{ email: "jane.doe@example.com", name: "Jane Doe", role: "lead", teams: [{ name: "payments", lead: true }] }]);
  });

  it("keeps events of one instant in the order they were recorded", () => {
    const same = ["first", "second", "third"].map((action) => ({ ...deleted, action }));
    const out = JSON.parse(serializeFerryJson(parseFerryJson(withHistory([...same, created])).document!));
    expect(out.history.map((e: { action: string }) => e.action)).toEqual(["programme.created", "first", "second", "third"]);
  });

  it("warns that history is restored only into an empty programme", () => {
    expect(parseFerryJson(withHistory([created])).warnings).toEqual([{ line: expect.any(Number), message: expect.stringMatching(/only into an empty programme/) }]);
    expect(parsed.warnings).toEqual([]);
  });

  it.each([
    [{ ...tick, actor: "someone@example.com" }, "history[0].actor", /Unknown person/],
    [{ ...tick, entity: ["orders", "nope"] }, "history[0].entity", /Unknown checklist_item/],
    [{ ...deleted, entity: ["orders"] }, "history[0]", /exactly one of entity and entityId/],
    [{ ...created, entity: undefined }, "history[0]", /exactly one of entity and entityId/],
    [{ ...deleted, entityType: "report_note", entityId: undefined, entity: ["x"] }, "history[0].entity", /has no entity references/],
    [{ ...deleted, after: { text: "a\u0000b" } }, "history[0].after", /NUL/],
  ])("refuses a broken event %#", (event, path, message) => {
    expect(parseFerryJson(withHistory([event])).errors).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it("refuses people and history in a version 1 file, and people in teams the file does not have", () => {
    const v1 = JSON.stringify({ ...JSON.parse(withHistory([created])), version: 1 });
    expect(parseFerryJson(v1).errors).toEqual([expect.objectContaining({ path: "version", message: expect.stringMatching(/need version 2/) })]);
    const stray = withHistory([], [{ email: "a@example.com", name: "A", teams: [{ name: "nowhere" }] }]);
    expect(parseFerryJson(stray).errors).toEqual([expect.objectContaining({ path: "people[0].teams[0].name" })]);
  });
});
