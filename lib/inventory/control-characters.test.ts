import { describe, expect, it } from "vitest";
import { parseBackstageCatalog } from "./backstage";
import { parseServicesCsv } from "./csv";
import { parseFerryJson } from "./ferry-json";

// Regression: a NUL (U+0000) reached PostgreSQL, which cannot store it in text or jsonb, and
// the import failed with a 500 after validation had passed. Each format can carry one: YAML
// through a "\0" escape, CSV as a raw character in a cell, JSON through "\u0000". It must be a
// row error at its line, like any other bad value, so nothing is applied.
const NUL = /contains a control character \(U\+0000\)/;

describe("Backstage YAML", () => {
  const component = (metadata: string) => ["apiVersion: backstage.io/v1alpha1", "kind: Component", "metadata:", "  name: orders", metadata, "spec:", "  type: service", ""].join("\n");

  it('refuses a "\\0" escape in a double-quoted value, at its line', () => {
    const r = parseBackstageCatalog(component('  description: "Takes\\0 orders"'));
    expect(r.errors).toEqual([{ line: 5, message: expect.stringMatching(/^metadata\.description: contains a control character \(U\+0000\)$/) }]);
    expect(r.inventory.services).toEqual([]);
  });

  it("refuses it in a tag and in a ferry/* annotation too", () => {
    expect(parseBackstageCatalog(component('  tags: ["ok", "b\\0d"]')).errors).toEqual([{ line: 5, message: expect.stringMatching(NUL) }]);
    const annotated = parseBackstageCatalog(component('  annotations:\n    ferry/target-cluster: "prod\\0eu"'));
    expect(annotated.errors).toEqual([{ line: 6, message: expect.stringMatching(/^metadata\.annotations\.ferry\/target-cluster: contains a control character/) }]);
  });

  it("refuses it in a Group's contact channel, which used to reach the team row unchecked", () => {
    const group = ["kind: Group", "metadata:", "  name: payments", "spec:", "  type: team", "  profile:", '    email: "pay\\0@example.com"', "  children: []", ""].join("\n");
    const r = parseBackstageCatalog(group);
    expect(r.errors).toEqual([{ line: 7, message: expect.stringMatching(/^spec\.profile\.email: contains a control character/) }]);
  });

  it("keeps the line breaks of a block description", () => {
    const r = parseBackstageCatalog(component("  description: |\n    Takes orders.\n    \tShips them."));
    expect(r.errors).toEqual([]);
    expect(r.inventory.services[0].description).toBe("Takes orders.\n\tShips them.");
  });
});

describe("services CSV", () => {
  it("refuses a NUL in a cell, at the row's line, and keeps the other rows", () => {
    const r = parseServicesCsv("name,team,description\norders,payments,ok\nbilling,pay\u0000ments,ok\n");
    expect(r.errors).toEqual([{ line: 3, message: expect.stringMatching(/^team: Team name contains a control character \(U\+0000\)$/) }]);
    expect(r.inventory.services.map((s) => s.name)).toEqual(["orders"]);
  });

  it("refuses a NUL in a name with that reason rather than the naming rules", () => {
    expect(parseServicesCsv("name\nord\u0000ers\n").errors).toEqual([{ line: 2, message: "Service name contains a control character (U+0000)" }]);
  });

  it("allows a quoted line break in free text but not in a single-line field", () => {
    const r = parseServicesCsv('name,description,target_cluster\norders,"line one\nline two",prod\nbilling,ok,"prod\neu"\n');
    expect(r.inventory.services[0].description).toBe("line one\nline two");
    expect(r.errors).toEqual([{ line: 4, message: "target_cluster: contains a control character (U+000A)" }]);
  });
});

describe("Ferry JSON", () => {
  const backup = (service: Record<string, unknown>) =>
    JSON.stringify({ format: "ferry", version: 1, programme: { name: "P", slug: "p", environments: ["prod"] }, services: [{ name: "orders", ...service }] }, null, 2);

  it('refuses "\\u0000" in a value, with its path and line', () => {
    const r = parseFerryJson(backup({ configNotes: "a\u0000b" }));
    expect(r.errors).toEqual([{ line: 14, path: "services[0].configNotes", message: expect.stringMatching(/^services\[0\]\.configNotes: contains a control character \(U\+0000\)$/) }]);
    expect(r.document).toBeNull();
  });

  it("refuses an unpaired surrogate, which PostgreSQL's jsonb refuses as well", () => {
    const r = parseFerryJson(backup({ system: "shop\ud800" }));
    expect(r.errors).toEqual([expect.objectContaining({ path: "services[0].system", message: expect.stringMatching(/unpaired surrogate \(U\+D800\)/) })]);
  });
});
