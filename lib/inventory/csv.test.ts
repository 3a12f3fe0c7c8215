import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, csvTemplate, neutraliseCell, parseServicesCsv, readCsv, restoreCell, servicesToCsv, toCsv } from "./csv";
import { readCsvByRecord } from "./csv-format";
import { completeService, SERVICE_FIELDS, type InventoryDependency, type InventoryService } from "./model";
import { fixture, lineOf } from "./fixtures/load";

describe("readCsv (RFC 4180)", () => {
  it.each([
    ["LF", "a,b\nc,d\n"],
    ["CRLF", "a,b\r\nc,d\r\n"],
    ["no final newline", "a,b\r\nc,d"],
    ["a byte-order mark", "\uFEFFa,b\nc,d\n"],
    ["blank lines", "a,b\n\n\r\nc,d\n\n"],
  ])("reads records with %s", (_, text) => {
    expect(readCsv(text)).toEqual({ records: [{ line: 1, fields: ["a", "b"] }, { line: expect.any(Number), fields: ["c", "d"] }], errors: [] });
  });

  it("reads quoted fields, doubled quotes, commas and line breaks inside quotes", () => {
    const { records, errors } = readCsv('name,note\r\n"a, b","say ""hi"""\r\nc,"two\r\nlines"\r\n"",x\r\nlast,"three\nshort\nlines"\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["name", "note"] },
      { line: 2, fields: ["a, b", 'say "hi"'] },
      { line: 3, fields: ["c", "two\r\nlines"] },
      { line: 5, fields: ["", "x"] },
      { line: 6, fields: ["last", "three\nshort\nlines"] },
    ]);
  });

  it("keeps empty trailing fields and a lone quote inside an unquoted field", () => {
    expect(readCsv('a,,\nsay "hi",b\n').records).toEqual([
      { line: 1, fields: ["a", "", ""] },
      { line: 2, fields: ['say "hi"', "b"] },
    ]);
  });

  it("reports an unclosed quote at the line it opens", () => {
    expect(readCsv('a,b\nc,"never\nclosed\n').errors).toEqual([{ line: 2, message: expect.stringMatching(/opened on line 2 is never closed/) }]);
  });

  it("reports text after a closing quote, but forgives spaces", () => {
    expect(readCsv('"a" ,b\n').errors).toEqual([]);
    expect(readCsv('x\n"a"b,c\n').errors).toEqual([{ line: 2, message: expect.stringMatching(/after a closing quote/) }]);
  });

  it("reads on past a broken row, with the lines of what follows", () => {
    const { records, errors } = readCsv('x\r\n"multi\r\nline",y\r\n"a"b,c\r\nd,e\r\n\r\n"f",g\r\n"h"i\n');
    expect(errors).toEqual([
      { line: 4, message: expect.stringMatching(/after a closing quote/) },
      { line: 8, message: expect.stringMatching(/after a closing quote/) },
    ]);
    expect(records).toEqual([
      { line: 1, fields: ["x"] },
      { line: 2, fields: ["multi\r\nline", "y"] },
      { line: 5, fields: ["d", "e"] },
      { line: 7, fields: ["f", "g"] },
    ]);
  });

  it("stops after 100 broken rows", () => {
    const { errors } = readCsv('"a"b\n'.repeat(10_000));
    expect(errors).toHaveLength(101);
    expect(errors[100]).toEqual({ line: 100, message: "Reading stopped after 100 rows that could not be read" });
  });

  it("names the line an unclosed quote opens on, inside a row that started earlier", () => {
    const { records, errors } = readCsv('a,b\nc,"two\nlines","never\nclosed\n');
    expect(errors).toEqual([{ line: 3, message: "A quoted field opened on line 3 is never closed" }]);
    expect(records.at(-1)).toEqual({ line: 2, fields: ["c", "two\nlines", "never\nclosed\n"] });
  });

  it("finds the same lines walking the text as from csv-parse's offsets, on 500 generated files", () => {
    // mulberry32: the same files on every run.
    let seed = 7;
    const r = () => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    const cells = ["a", "", " b", "日本", '"q"', '"two\nlines"', '"cr\r\nlf"', '"lone\rcr"', '"say ""hi"""', 'x"y', '"a" '];
    for (let file = 0; file < 500; file++) {
      const rows = Array.from({ length: 1 + Math.floor(r() * 6) }, () => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(cells)).join(","));
      const text = (r() < 0.2 ? "\uFEFF" : "") + rows.map((row) => row + pick(["\n", "\r\n", "\r", "\n\n", "\r\n\r\n"])).join("") + pick(["", "\n"]);
      expect(readCsv(text), JSON.stringify(text)).toEqual(readCsvByRecord(text));
    }
  });

  it("counts a CR alone as a line end", () => {
    expect(readCsv('a\rb,"c\rd"\re\r').records).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b", "c\rd"] },
      { line: 4, fields: ["e"] },
    ]);
  });
});

describe("toCsv and formula neutralisation", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2", "'-2"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["'=already", "''=already"],
    ["plain", "plain"],
    ["a=b", "a=b"],
    ["'quoted", "'quoted"],
  ])("neutralises %j as %j and restores it", (value, written) => {
    expect(neutraliseCell(value)).toBe(written);
    expect(restoreCell(neutraliseCell(value))).toBe(value);
  });

  it("quotes what needs quoting, writes CRLF, and leaves numbers alone", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", "=HYPERLINK(\"x\")", -3, true, null, undefined]])).toBe(
      '"a,b","say ""hi""","two\nlines","\'=HYPERLINK(""x"")",-3,true,,\r\n',
    );
  });

  it("quotes a cell ending in white space, which the reader would trim otherwise", () => {
    expect(toCsv([["a ", " b", "c\u00a0"]])).toBe('"a ", b,"c\u00a0"\r\n');
    expect(readCsv("a , b\n").records[0].fields).toEqual(["a", " b"]);
  });

  it("round-trips any text through write and read", () => {
    const rows = [["=cmd|' /C calc'!A0", "-x", "@y", "+z", "\ttab", "''=x", 'q"uote', "comma,", "line\r\nbreak", "", " spaced "]];
    const back = readCsv(toCsv(rows)).records.map((r) => r.fields.map(restoreCell));
    expect(back).toEqual(rows);
  });
});

describe("parseServicesCsv", () => {
  const text = fixture("services.csv");
  const result = parseServicesCsv(text, ["legacy-billing"]);
  const byName = (name: string) => result.inventory.services.find((s) => s.name === name)!;

  it("reads the fixture with headers in any case and spacing", () => {
    expect(result.errors).toEqual([]);
    expect(result.inventory.services.map((s) => s.name)).toEqual(["orders", "auth", "orders-db", "reports"]);
  });

  it("converts every column to its field", () => {
    expect(byName("orders")).toEqual({
      name: "orders",
      team: "payments",
      kind: "api",
      stateful: false,
      shared: false,
      tier: 1,
      strategy: "replatform",
      dataStores: ["orders-db"],
      sessionSticky: true,
      configSources: ["env", "files"],
      launchCommand: "java -jar orders.jar --port=8080",
      peakRps: 1200,
      tags: ["java", "checkout"],
      description: 'Takes orders, and "tracks" them',
    });
    expect(byName("auth")).toMatchObject({ kind: "api", shared: true, description: "Login and tokens\n(a description on two lines)" });
  });

  it("leaves blank booleans, tier, kind and strategy undescribed, and clears blank text and lists", () => {
    expect(byName("reports")).toMatchObject({ kind: "cron", stateful: undefined, tier: undefined, strategy: undefined, dataStores: [], tags: [], description: null, peakRps: null });
  });

  it("reads depends_on with kinds, to services later in the file or already in the programme", () => {
    expect(result.inventory.dependencies).toEqual([
      { from: "orders", to: "orders-db", kind: "data" },
      { from: "orders", to: "auth", kind: "sync" },
      { from: "reports", to: "orders-db", kind: "data" },
      { from: "reports", to: "legacy-billing", kind: "async" },
    ]);
    expect(result.inventory.teams).toEqual([{ name: "payments" }, { name: "identity" }]);
    expect(result.inventory.coverage).toEqual({ teams: false, dependencies: true });
  });

  it("counts lines across quoted line breaks", () => {
    const r = parseServicesCsv(text);
    expect(r.errors).toEqual([{ line: lineOf(text, "reports,", { startsWith: true }), message: expect.stringMatching(/dangling reference to "legacy-billing"/) }]);
  });

  it("does not speak for dependencies without a depends_on column", () => {
    expect(parseServicesCsv("name\norders\n").inventory.coverage).toEqual({ teams: false, dependencies: false });
  });

  describe("row errors", () => {
    const bad = fixture("services-bad.csv");
    const r = parseServicesCsv(bad);
    const row = (name: string) => lineOf(bad, `${name},`, { startsWith: true });
    it.each([
      ["Bad_Name", /Service name "Bad_Name" must start with a lowercase letter/],
      ["spaceship", /kind: must be one of api, web.*"rocket"/],
      ["maybe", /stateful: must be true or false \(got "perhaps"\)/],
      ["nine", /tier: must be a whole number from 1/],
      ["lift", /strategy: must be one of rehost.*"lift-and-shift"/],
      ["ghostly", /depends_on: dangling reference to "ghost"/],
      ["telepathic", /depends_on: "good:telepathy" has kind "telepathy"/],
      ["narcissus", /cannot depend on itself/],
      ["negative", /peak_rps: must be a whole number \(got "-5"\)/],
      ["wide", /9 cells but the header has 8/],
    ])("%s", (name, message) => {
      expect(r.errors).toContainEqual({ line: row(name), message: expect.stringMatching(message) });
    });

    it("duplicate names, pointing back at the first", () => {
      const first = lineOf(bad, "dup,", { startsWith: true });
      expect(r.errors).toContainEqual({ line: first + 1, message: `Duplicate service name "dup": already on line ${first}` });
    });

    it("an unterminated quote", () => {
      expect(r.errors).toContainEqual({ line: row('"unterminated'), message: expect.stringMatching(/never closed/) });
    });

    it("keeps only the good rows, and no more errors than listed", () => {
      expect(r.inventory.services.map((s) => s.name)).toEqual(["good", "dup", "ghostly", "telepathic", "narcissus"]);
      expect(r.errors).toHaveLength(13);
    });

    it("refuses an unknown or repeated column before reading rows", () => {
      const h = parseServicesCsv(fixture("services-bad-header.csv"));
      expect(h.errors).toEqual([
        { line: 1, message: expect.stringMatching(/Unknown column "teem"/) },
        { line: 1, message: "Column kind appears twice" },
      ]);
      expect(h.inventory.services).toEqual([]);
    });

    it("refuses a file without a name column, and an empty file", () => {
      expect(parseServicesCsv("team\nx\n").errors).toEqual([{ line: 1, message: "The header has no name column" }]);
      expect(parseServicesCsv("").errors[0]).toEqual({ line: 1, message: expect.stringMatching(/The file is empty/) });
    });
  });
});

describe("template and export", () => {
  it("documents every column and every service field", () => {
    for (const c of CSV_COLUMNS) expect(c.description.length).toBeGreaterThan(10);
    const fields = CSV_COLUMNS.map((c) => c.field).filter((f) => f !== "name" && f !== "dependsOn");
    expect([...fields].sort()).toEqual([...SERVICE_FIELDS].sort());
  });

  it("offers a template whose header and two examples import cleanly", () => {
    const t = csvTemplate();
    expect(t.split("\r\n")[0]).toBe(CSV_COLUMNS.map((c) => c.name).join(","));
    const r = parseServicesCsv(t);
    expect(r.errors).toEqual([]);
    expect(r.inventory.services).toHaveLength(2);
    expect(r.inventory.dependencies).toHaveLength(1);
  });

  it("round-trips services and dependencies, formula-like text included", () => {
    const services: InventoryService[] = [
      completeService({ name: "orders", team: "payments", tier: 1, strategy: "refactor", dataStores: ["orders-db"], configSources: ["env", "flags"], peakRps: 0, tags: ["a", "b"], description: "=1+1, \"quoted\"\nsecond line", launchCommand: "-Xmx2g run", sessionSticky: true }),
      completeService({ name: "orders-db", kind: "datastore", stateful: true, shared: false, configNotes: "@weekly vacuum" }),
      completeService({ name: "auth", shared: true }),
    ];
    const deps: InventoryDependency[] = [
      { from: "orders", to: "orders-db", kind: "data" },
      { from: "orders", to: "auth", kind: "sync" },
      { from: "auth", to: "orders-db", kind: "async" },
    ];
    const csv = servicesToCsv(services, deps);
    expect(csv).toContain("'=1+1");
    expect(csv).toContain("'-Xmx2g run");
    const back = parseServicesCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.inventory.services).toEqual(services);
    expect(new Set(back.inventory.dependencies.map((d) => JSON.stringify(d)))).toEqual(new Set(deps.map((d) => JSON.stringify(d))));
    expect(servicesToCsv(back.inventory.services, back.inventory.dependencies)).toBe(csv);
  });
});

// The fuzzer found a 1 MB header cell echoed back whole in the error, a 1 MB error answer.
describe("error messages", () => {
  it("cut an unknown column's name short instead of repeating it", () => {
    const { errors } = parseServicesCsv(`name,${"x".repeat(1_000_000)}\norders\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0].message.length).toBeLessThan(400);
    expect(errors[0].message).toMatch(/^Unknown column "x{60}…"/);
  });
});
