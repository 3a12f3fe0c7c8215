import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/load";
import { readYamlDocuments, type YamlDocument } from "./yaml-documents";
import { readSimpleDocument } from "./yaml-simple";

// The fast reader must agree with the yaml package on everything it accepts (and hand the rest
// over): same values, same document lines, same line for every field path, same errors.

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

/** yaml on each document between `---` lines by itself, with lines counted in the whole text. */
function yamlPerDocument(text: string) {
  const lines = text.split("\n");
  const markers = [-1, ...lines.flatMap((l, i) => (/^---[ ]*\r?$/.test(l) ? [i] : [])), lines.length];
  return markers.slice(1).flatMap((to, i) => {
    const from = markers[i] + 1;
    const slice = lines.slice(from, to).join("\n") + (to < lines.length ? "\n" : "");
    return observe(readYamlDocuments(slice, { simple: false })).map((d) =>
      "errors" in d
        ? { ...d, errors: d.errors.map((e) => ({ ...e, line: e.line + from })) }
        : { ...d, line: d.line + from, lines: d.lines.map(([p, l]) => [p, (l as number) + from]) },
    );
  });
}

/**
 * A stream yaml reads without errors must read the same. In a broken one yaml's recovery may
 * carry an error past a `---` line; splitting first keeps it in its document, so there the
 * reference is yaml on each document alone, and the stream must still be refused.
 */
function expectSameAsYaml(text: string) {
  const whole = observe(readYamlDocuments(text, { simple: false }));
  const fast = observe(readYamlDocuments(text));
  if (whole.every((d) => !("errors" in d))) expect(fast, text).toEqual(whole);
  else {
    expect(fast.some((d) => "errors" in d)).toBe(true);
    if (/^(?:%|(?:---|\.\.\.)(?:[ \t\r]|$))/m.test(text.replace(/^---[ ]*\r?$/gm, ""))) expect(fast, text).toEqual(whole);
    else expect(fast, text).toEqual(yamlPerDocument(text));
  }
}

/** How many documents of `text` the fast reader handles itself. */
function simpleCount(text: string): number {
  const lines = text.split("\n");
  const markers = [-1, ...lines.flatMap((l, i) => (/^---[ ]*\r?$/.test(l) ? [i] : [])), lines.length];
  return markers.slice(1).filter((to, i) => readSimpleDocument(lines, markers[i] + 1, to)).length;
}

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
// like one but are not, or that are not plain scalars at all.
const SCALARS = [
  // What the fast reader reads itself...
  "svc-1", "backstage.io/v1alpha1", "component:default/orders", "url:https://git.example.com/a#readme", "a b", "a  b", "it's",
  "a[b]", "a,b", "a{b}", "a:b", "a#b", "ü", "日本", "\u00a0x", "x\u00a0", "~", "null", "TRUE", "false", "0", "-1", "+1", "007",
  // ...and what it must leave to yaml, or read exactly as yaml does.
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

const KEYS = ["name", "kind", "spec", "metadata", "tags", "dependsOn", "a.b/c-d", "_x", "y", "null", "True", "__proto__", "1", "a b", "'q'", "k "];

function pick<T>(xs: readonly T[], r: () => number): T {
  return xs[Math.floor(r() * xs.length)];
}

// Mostly the first, ordinary entries, so that whole documents often stay in the fast subset.
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

describe("readYamlDocuments: the fast reader agrees with yaml", () => {
  it.each(["catalog.yaml", "catalog-bad.yaml", "alias-bomb.yaml"])("on the fixture %s", (name) => {
    expectSameAsYaml(fixture(name));
  });

  it("reads the plain parts of the fixture catalog itself", () => {
    expect(simpleCount(fixture("catalog.yaml"))).toBeGreaterThan(10);
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
    ["a document end", "kind: A\n...\n---\nkind: B\n"],
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

  // About a second of work; the timeout leaves room for a busy machine.
  it("on 600 generated streams, a third of whose documents it reads itself", { timeout: 30_000 }, () => {
    let simple = 0;
    let total = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const text = randomStream(seed);
      expectSameAsYaml(text);
      simple += simpleCount(text);
      total += text.split(/^---/m).length;
    }
    // Not vacuous: a good share of the documents take the fast path.
    expect(simple / total).toBeGreaterThan(0.3);
  });
});
