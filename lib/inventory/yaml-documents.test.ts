import { describe, expect, it } from "vitest";
import { LineCounter, parseAllDocuments } from "yaml";
import { fixture } from "./fixtures/load";
import { MAX_YAML_VALUES } from "./limits";
import { readYamlDocuments, type YamlDocument } from "./yaml-documents";
import { lineAt, lineOfPath } from "./yaml-lines";
import { splitDocuments } from "./yaml-stream";

// The reader (js-yaml, one document at a time) must agree with the yaml package reading the
// whole stream on everything both accept: same values, same document lines, same line for
// every field path; what yaml refuses it refuses, with yaml's message at yaml's line.

type Path = (string | number)[];

/** Every path into a value, plus paths that go one step past what exists. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix, [...prefix, "missing"], [...prefix, 7]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** What a document reads as, with the line of every path, for comparing the two readers. */
const observe = (docs: YamlDocument[]) =>
  docs.map((d) => (d.ok ? { body: d.body, line: d.line, lines: pathsOf(d.body).map((p) => [p.join("."), d.lineOf(p)]) } : d));

const yamlMessage = (message: string): string => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");

/**
 * The reference: the yaml package on `text`, whose line 1 is line `offset + 1` of the file.
 * `tagged` marks documents yaml read with a warning (an unknown tag), which js-yaml refuses;
 * `unconverted` those yaml parsed but could not convert (an alias before its anchor), whose
 * message is js-yaml's in the reader.
 */
type Reference = YamlDocument & { tagged?: boolean; unconverted?: boolean };
function withYaml(text: string, offset = 0): Reference[] {
  const lc = new LineCounter();
  const out: Reference[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter: lc, prettyErrors: true })) {
    const local = lineAt(lc, doc.contents?.range?.[0] ?? doc.range[0]);
    if (doc.errors.length > 0) {
      out.push({ ok: false, errors: doc.errors.map((e) => ({ line: (e.linePos ? e.linePos[0].line : local) + offset, message: `YAML syntax: ${yamlMessage(e.message)}` })) });
      continue;
    }
    let body: unknown;
    try {
      body = doc.toJS();
    } catch {
      out.push({ ok: false, errors: [], unconverted: true });
      continue;
    }
    if (body === null || body === undefined) continue;
    out.push({ ok: true, body, line: local + offset, lineOf: (p) => lineOfPath(doc.contents, p, lc, local) + offset, tagged: doc.warnings.length > 0 });
  }
  return out;
}

/** yaml on each document between `---` lines by itself, with lines counted in the whole text. */
function yamlPerDocument(text: string) {
  const lines = text.split("\n");
  const markers = [-1, ...lines.flatMap((l, i) => (/^---[ ]*\r?$/.test(l) ? [i] : [])), lines.length];
  return markers.slice(1).flatMap((to, i) => {
    const from = markers[i] + 1;
    return withYaml(lines.slice(from, to).join("\n") + (to < lines.length ? "\n" : ""), from);
  });
}

// Where js-yaml 4 departs from yaml (each shown in "where js-yaml and yaml differ" below):
// it refuses a tag it does not know and a raw NUL, which yaml reads with a warning or as text;
const STRICTER = /!x|\u0000/;
// it reads the item after an empty item of a compact nested sequence ("- -") into the inner one;
const EMPTY_COMPACT_ITEM = /^ *- +-[ ]*(?:#.*)?\r?$/m;
// and it accepts a block collection on the `---` line and a quoted scalar continued on a line
// indented less than its parent, which yaml refuses.
const LENIENT = /^YAML syntax: (?:Block collection cannot start on same line with directives-end marker|Missing closing .?quote)/;

/**
 * A stream yaml reads without errors must read the same. In a broken one yaml's recovery may
 * carry an error past a `---` line; the reader splits first and keeps it in its document, so
 * there the reference is yaml on each document alone.
 */
function expectSameAsYaml(text: string) {
  const whole = withYaml(text);
  const reference = whole.every((d) => d.ok) || /^(?:%|(?:---|\.\.\.)(?:[ \t\r]|$))/m.test(text.replace(/^---[ ]*\r?$/gm, "")) ? whole : yamlPerDocument(text);
  const read = readYamlDocuments(text);
  expect(read.length, text).toBe(reference.length);
  reference.forEach((ref, i) => {
    const doc = read[i];
    if ((ref.ok && ref.tagged) || (!ref.ok && ref.unconverted)) expect(doc.ok, text).toBe(false);
    else if (!ref.ok && doc.ok) expect(ref.errors.map((e) => e.message).filter((m) => !LENIENT.test(m)), text).toEqual([]);
    else if (ref.ok && doc.ok && EMPTY_COMPACT_ITEM.test(text)) return;
    else if (!ref.ok || !STRICTER.test(text) || doc.ok) expect(observe([doc]), text).toEqual(observe([ref]));
  });
}

/** How many documents of `text` the reader returns as values. */
const readCount = (text: string): number => readYamlDocuments(text).filter((d) => d.ok).length;

// mulberry32: a fixed seed gives the same documents on every run.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Scalars that are strings, numbers, booleans or nulls under the core schema, or that look
// like one but are not, or that are not plain scalars at all: the first 24 are ordinary.
const SCALARS = [
  "svc-1", "backstage.io/v1alpha1", "component:default/orders", "url:https://git.example.com/a#readme", "a b", "a  b", "it's",
  "a[b]", "a,b", "a{b}", "a:b", "a#b", "ü", "日本", "\u00a0x", "x\u00a0", "~", "null", "TRUE", "false", "0", "-1", "+1", "007",
  "a: b", "a:", "a #b", "#x", "Null", "NULL", "nULL", "true", "True", "tRUE", "yes", "no", "on", "1", "12345678901234567890",
  "0o7", "0x1F", "1.5", "1.", ".5", "1e3", ".inf", "-.inf", ".nan", "-", "- a", "-a", "?", "? a", "?a", ":x", ",x", "[a]", "[]",
  "{}", "{a: 1}", "&x a", "*x", "!x a", "!!str 1", "|", ">", "%x", "@x", "`x", "'", '"', "2024-01-01", "<<", "=", "a\\b",
];

function scalarText(v: string, r: () => number): string {
  const roll = r();
  if (roll < 0.7) return v;
  if (roll < 0.85) return `'${v.replaceAll("'", "''")}'`;
  if (roll < 0.98) return `"${v}"`;
  return `'${v}`; // an unterminated quote
}

// No "null" key: js-yaml names it "null", yaml "" (a test below shows it).
const KEYS = ["name", "kind", "spec", "metadata", "tags", "dependsOn", "a.b/c-d", "_x", "y", "True", "__proto__", "1", "a b", "'q'", "k "];

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)];
}

// Mostly the first, ordinary entries, so that many whole documents are valid.
const mostlyPlain = <T>(xs: readonly T[], plainCount: number, r: () => number): T => (r() < 0.9 ? xs[Math.floor(r() * plainCount)] : pick(xs, r));

/** Lines of a random node at `indent`, as YAML would be written by people (and sometimes wrongly). */
function block(r: () => number, indent: number, depth: number): string[] {
  const pad = " ".repeat(indent);
  const step = pick([2, 2, 2, 4, 1, 3], r);
  const out: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  const isSeq = depth > 0 && r() < 0.35;
  for (let i = 0; i < n; i++) {
    if (r() < 0.08) out.push(pick(["", `${pad}# a comment`, "   ", `#`], r));
    const head = isSeq ? `${pad}-` : `${pad}${mostlyPlain(KEYS, 9, r)}:`;
    const roll = r();
    if (depth < 3 && roll < 0.3) {
      const seqHere = !isSeq && r() < 0.2; // an indentless sequence under a key
      if (seqHere) out.push(head, ...block(r, indent, depth + 1).map((l) => l.replace(/^(\s*)(\S)/, "$1- $2")));
      else if (isSeq && r() < 0.5) {
        const inner = block(r, indent + 2, depth + 1);
        out.push(`${pad}- ${inner[0].trimStart()}`, ...inner.slice(1)); // "- key: value"
      } else out.push(head, ...block(r, indent + step, depth + 1));
    } else if (roll < 0.4) {
      out.push(`${head} [${Array.from({ length: Math.floor(r() * 4) }, () => scalarText(mostlyPlain(SCALARS, 24, r), r)).join(pick([", ", ",", " , "], r))}]`);
    } else if (roll < 0.45) {
      out.push(head); // null
    } else {
      out.push(`${head} ${scalarText(mostlyPlain(SCALARS, 24, r), r)}${r() < 0.1 ? " # trailing" : ""}`);
    }
    if (r() < 0.03) out.push(`${pad}  continued`);
  }
  return out;
}

function randomStream(seed: number): string {
  const r = random(seed);
  const docs = Array.from({ length: 1 + Math.floor(r() * 3) }, () => block(r, 0, 0).join(r() < 0.1 ? "\r\n" : "\n"));
  return docs.join(pick(["\n---\n", "\n---  \n", "\n---\n\n"], r)) + (r() < 0.5 ? "\n" : "");
}

describe("readYamlDocuments agrees with the yaml package", () => {
  it.each(["catalog.yaml", "catalog-bad.yaml", "alias-bomb.yaml"])("on the fixture %s", (name) => {
    if (name === "alias-bomb.yaml") expect(readYamlDocuments(fixture(name))).toEqual([{ ok: false, errors: [{ line: 2, message: expect.stringMatching(/through YAML aliases/) }] }]);
    else expectSameAsYaml(fixture(name));
  });

  it("reads every document of the fixture catalog", () => {
    expect(readCount(fixture("catalog.yaml"))).toBeGreaterThan(10);
  });

  it.each([
    ["a block catalog", "apiVersion: v1\nkind: Component\nmetadata:\n  name: a\n  tags: [x, 'y', \"z\"]\nspec:\n  dependsOn:\n    - component:b\n    - resource:c\n"],
    ["an indentless sequence", "spec:\n  dependsOn:\n  - a\n  - b\n  owner: x\n"],
    ["mappings in a sequence", "links:\n  - url: https://a\n    title: A\n  -   url: b\n      title: B\n  -\n    url: c\n"],
    ["comments everywhere", "# head\nkind: A # kind\n\n  # indented comment\nspec:   # spec\n  x: 1\n#tail"],
    ["CRLF line ends", "kind: A\r\nspec:\r\n  x: 'q'\r\n---\r\nkind: B\r\n"],
    ["empty documents and markers", "---\n---\nkind: A\n---\n# only a comment\n---\n"],
    ["a duplicate key", "kind: A\nkind: B\n"],
    ["a multi-line scalar", "kind: A\ndescription: one\n  two\n"],
    ["a block scalar", "kind: A\ndescription: |\n  one\n  two\n"],
    ["an alias", "a: &x [1]\nb: *x\n"],
    ["a directive", "%YAML 1.2\n---\nkind: A\n"],
    ["a marker with content", "--- kind: A\n---\nkind: B\n"],
    ["a marker with a flow collection", "--- [A]\n---\nkind: B\n"],
    ["a document end", "kind: A\n...\n---\nkind: B\n"],
    ["a document end and a directive", "kind: A\n...\n%YAML 1.2\n---\nkind: B\n...\n"],
    ["a marker followed by a comment", "--- # first\nkind: A\n--- # second\nkind: B\n"],
    ["a tab", "kind: A\nspec:\n\tx: 1\n"],
    ["bad indentation", "a:\n    b: 1\n  c: 2\n"],
    ["a stray line", "a: 1\n  b: 2\n"],
    ["an empty item", "a:\n  -\n  - b\n"],
    ["a bare scalar", "just text\n"],
    ["a BOM", "\ufeffkind: A\n"],
    ["an unterminated quote across documents", "kind: 'A\n---\nkind: B\n"],
  ])("on %s", (_, text) => {
    expectSameAsYaml(text);
  });

  // A few seconds of work; the timeout leaves room for a busy machine.
  it("on 600 generated streams, most of whose documents are valid", { timeout: 60_000 }, () => {
    let ok = 0;
    let total = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const text = randomStream(seed);
      expectSameAsYaml(text);
      ok += readCount(text);
      total += text.split(/^---/m).length;
    }
    // Not vacuous: a good share of the documents are read as values.
    expect(ok / total).toBeGreaterThan(0.3);
  });
});

describe("where js-yaml and yaml differ", () => {
  it("refuses a tag it does not know, at its line, which yaml reads as text with a warning", () => {
    expect(readYamlDocuments("kind: A\nspec: !custom x\n")).toEqual([{ ok: false, errors: [{ line: 2, message: expect.stringMatching(/^YAML syntax: unknown tag/) }] }]);
  });

  it("refuses a raw NUL, which yaml keeps in the value", () => {
    expect(readYamlDocuments("kind: A\nname: a\u0000b\n")).toEqual([{ ok: false, errors: [{ line: 2, message: expect.stringMatching(/^YAML syntax: null byte/) }] }]);
  });

  it("reads a key written null as the text null (yaml makes it empty)", () => {
    expect(readYamlDocuments("null: 1\n")).toMatchObject([{ ok: true, body: { null: 1 } }]);
  });

  it("refuses an alias to the node that contains it, which would make a cyclic value", () => {
    expect(readYamlDocuments("kind: A\nspec: &s\n  self: *s\n")).toEqual([{ ok: false, errors: [{ line: 1, message: expect.stringMatching(/alias.*contains it/) }] }]);
  });

  it("reads the item after an empty compact nested item into the inner sequence (yaml: [[null], x])", () => {
    expect(readYamlDocuments("- -\n- x\n")).toMatchObject([{ ok: true, body: [[null, "x"]] }]);
  });

  it("accepts a mapping on the --- line and a quoted scalar continued at a lesser indent", () => {
    expect(readYamlDocuments("--- kind: A\n")).toMatchObject([{ ok: true, body: { kind: "A" } }]);
    expect(readYamlDocuments("a:\n  - 'x\n'\n")).toMatchObject([{ ok: true, body: { a: ["x "] } }]);
  });

  it("refuses nesting deeper than 100, which yaml reads", () => {
    const deep = `kind: A\nspec: ${"[".repeat(150)}${"]".repeat(150)}\n`;
    expect(readYamlDocuments(deep)).toEqual([{ ok: false, errors: [{ line: 2, message: expect.stringMatching(/maxDepth/) }] }]);
  });
});

describe("splitDocuments", () => {
  const split = (text: string) => splitDocuments(text).map((d) => ({ text: text.slice(d.start, d.end), firstLine: d.firstLine, contentLine: d.contentLine }));

  it("splits at markers, keeping directives with the document they precede and leaving out empty documents", () => {
    expect(split("# c\nkind: A\n---\n--- # empty\n%YAML 1.2\n--- x: 1\n...\n\n---\n\n  y: 2\n")).toEqual([
      { text: "# c\nkind: A\n", firstLine: 1, contentLine: 2 },
      { text: "%YAML 1.2\n--- x: 1\n...\n", firstLine: 5, contentLine: 6 },
      { text: "\n---\n\n  y: 2\n", firstLine: 8, contentLine: 11 },
    ]);
  });

  it("takes a line that only starts like a marker as content", () => {
    expect(split("---x: 1\n----\n-- a\n").map((d) => d.contentLine)).toEqual([1]);
    expect(split("- a\n- b\n---\n- c\n").map((d) => d.text)).toEqual(["- a\n- b\n", "---\n- c\n"]);
  });
});

describe("budgets", () => {
  it("counts only documents that use aliases against the file's expansion budget", () => {
    // 10,000 plain documents of 25 values each (250,000 in all) are read whole.
    const plain = Array.from({ length: 10_000 }, (_, i) => `kind: Component\nmetadata:\n  name: c${i}\n  tags: [a, b, c, d, e, f, g, h]\n`).join("---\n");
    expect(readCount(plain)).toBe(10_000);
  });

  it(`refuses one document that could hold more than ${MAX_YAML_VALUES.toLocaleString("en")} values before parsing it`, () => {
    const big = `kind: Component\nspec:\n  tags: [${"a,".repeat(MAX_YAML_VALUES)}a]\n`;
    expect(readYamlDocuments(`kind: A\n---\n${big}---\nkind: B\n`)).toEqual([
      expect.objectContaining({ ok: true, line: 1 }),
      { ok: false, errors: [{ line: 3, message: expect.stringContaining("YAML values") }] },
    ]);
  });
});
