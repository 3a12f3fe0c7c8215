/**
 * A fast reader for the plain block-style YAML that catalogs are mostly written in: nested
 * mappings and sequences of one-line scalars. The `yaml` package spends about a second on a
 * 5,000-entity catalog (its lexer, CST and document model keep every token and range); this
 * reads the same documents roughly ten times faster, keeping only values and key lines.
 *
 * It gives exactly what `yaml` (YAML 1.2, core schema) would give, or `null` when a document
 * uses anything outside the subset: anchors, aliases, tags, block scalars, multi-line scalars,
 * escapes, flow mappings, tabs, numbers other than decimal integers, duplicate keys, anything
 * malformed. The caller then reads that document with `yaml`, so errors, the alias budget and
 * every unusual construct keep one implementation. yaml-simple.test.ts checks both readers
 * agree, value and line, on generated documents.
 */

/** Where a node is written: the line of a mapping key or sequence item, and those below it. */
export type LineTree = { line: number; keys?: Map<string, LineTree>; items?: LineTree[] };

export type SimpleDocument = { value: unknown; line: number; lines?: LineTree };

/** A line that holds something: its indentation, its text without it, and its 1-based number. */
type Row = { indent: number; text: string; line: number };

// Thrown (and caught in readSimpleDocument) the moment a document leaves the subset.
const OUTSIDE = Symbol("outside the simple subset");

const KEY = /^([A-Za-z_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
// Core-schema keys that would not stay strings, and one that would reach the prototype.
const RESERVED_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "__proto__"]);
// Tabs (yaml's rules on tabs are subtle), other C0 and C1 controls, a BOM, line and paragraph
// separators, and the two non-characters YAML forbids.
const UNUSUAL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
// A plain scalar cannot start with an indicator; numbers (and anything number-like) go to yaml.
const NOT_PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`+.0-9]/;
// Nesting needs indentation, so this bounds the reader's recursion; yaml takes deeper documents.
const MAX_INDENT = 200;
const NULLS = new Set(["~", "null", "Null", "NULL"]);
const BOOLS = new Map([["true", true], ["True", true], ["TRUE", true], ["false", false], ["False", false], ["FALSE", false]]);

const outside = (): never => {
  throw OUTSIDE;
};

// Only spaces separate tokens here; String.trim would also eat characters YAML keeps (U+00A0).
// Loops rather than / +$/, which backtracks quadratically on a long run of spaces.
function trimSpaces(s: string, start = true): string {
  let from = 0;
  let to = s.length;
  while (start && s.charCodeAt(from) === 32) from++;
  while (to > from && s.charCodeAt(to - 1) === 32) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** The scalar a one-line plain value resolves to under the core schema. */
function plain(text: string): unknown {
  if (text.includes(": ") || text.endsWith(":")) outside(); // a nested mapping, an error in yaml
  if (NULLS.has(text)) return null;
  const bool = BOOLS.get(text);
  if (bool !== undefined) return bool;
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (NOT_PLAIN_START.test(text)) outside();
  return text;
}

/** A quoted scalar that fills `text` (a comment may follow); single quotes double to escape. */
function quoted(text: string): string {
  const q = text[0];
  let end = 1;
  for (;;) {
    end = text.indexOf(q, end);
    if (end === -1) return outside(); // continues on the next line
    if (q === "'" && text[end + 1] === "'") end += 2;
    else break;
  }
  const rest = text.slice(end + 1);
  if (rest !== "" && !/^ +#/.test(rest)) outside();
  const inner = text.slice(1, end);
  if (q === '"') return inner.includes("\\") ? outside() : inner;
  return inner.replaceAll("''", "'");
}

type Read = { value: unknown; lines?: LineTree };

/** `[a, "b", c]` on one line: plain or quoted items, nothing nested. */
function flowSequence(text: string, line: number, track: boolean): Read {
  const close = text.indexOf("]");
  const rest = text.slice(close + 1);
  if (close === -1 || (rest !== "" && !/^ +#/.test(rest))) outside();
  const inner = text.slice(1, close);
  if (/[[\]{}#]/.test(inner)) outside();
  const value = trimSpaces(inner) === "" ? [] : inner.split(",").map((raw) => {
    const item = trimSpaces(raw);
    if (item === "" || item.includes(":")) outside(); // trailing commas and flow pairs go to yaml
    return item[0] === "'" || item[0] === '"' ? quoted(item) : plain(item);
  });
  return { value, lines: track ? { line, items: value.map(() => ({ line })) } : undefined };
}

/** A value written on the same line as its key or dash. */
function inlineValue(text: string, line: number, track: boolean): Read {
  const c = text[0];
  const here = track ? { line } : undefined;
  if (c === "'" || c === '"') return { value: quoted(text), lines: here };
  if (c === "[") return flowSequence(text, line, track);
  if (c === "{") return /^\{\}(?: +#.*)?$/.test(text) ? { value: {}, lines: track ? { line, keys: new Map() } : undefined } : outside();
  const hash = text.indexOf(" #");
  return { value: plain(hash === -1 ? text : trimSpaces(text.slice(0, hash), false)), lines: here };
}

class Reader {
  pos = 0;
  constructor(
    private readonly rows: Row[],
    /** Build the LineTree too; only needed once a line number is asked for. */
    private readonly track: boolean,
  ) {}

  peek(): Row | undefined {
    return this.rows[this.pos];
  }

  /** A block node starting at the current row: a mapping or a sequence. */
  node(): Read {
    const row = this.peek()!;
    if (isItem(row.text)) return this.sequence(row.indent);
    if (KEY.test(row.text)) return this.mapping(row.indent);
    return outside(); // a scalar on a line of its own
  }

  /** The value after `key:` with nothing on its line: what is indented below (or a sequence at the key's indent), or null. */
  below(indent: number, line: number): Read {
    const next = this.peek();
    if (next && next.indent > indent) return this.node();
    if (next && next.indent === indent && isItem(next.text)) return this.sequence(indent);
    return { value: null, lines: this.track ? { line } : undefined };
  }

  mapping(indent: number): Read {
    const value: Record<string, unknown> = {};
    const keys = this.track ? new Map<string, LineTree>() : undefined;
    const lines = keys && { line: this.peek()!.line, keys };
    for (let row = this.peek(); row && row.indent === indent; row = this.peek()) {
      const m = KEY.exec(row.text);
      if (!m) return outside();
      const key = m[1];
      if (RESERVED_KEYS.has(key) || Object.hasOwn(value, key)) outside();
      this.pos++;
      // The key pattern already took the spaces after the colon.
      const rest = m[2] === undefined || m[2].startsWith("#") ? "" : m[2];
      let child: Read;
      if (rest === "") {
        child = this.below(indent, row.line);
      } else {
        child = inlineValue(rest, row.line, this.track);
        if ((this.peek()?.indent ?? -1) > indent) outside(); // the scalar goes on, or a stray line
      }
      value[key] = child.value;
      if (keys && child.lines) {
        // A field's line is its key's, wherever its value starts.
        child.lines.line = row.line;
        keys.set(key, child.lines);
      }
    }
    if ((this.peek()?.indent ?? -1) > indent) outside();
    return { value, lines };
  }

  sequence(indent: number): Read {
    const value: unknown[] = [];
    const items = this.track ? ([] as LineTree[]) : undefined;
    const lines = items && { line: this.peek()!.line, items };
    for (let row = this.peek(); row && row.indent === indent && isItem(row.text); row = this.peek()) {
      const after = row.text.slice(1);
      const content = trimSpaces(after);
      let child: Read;
      if (content === "" || content.startsWith("#")) {
        this.pos++;
        const next = this.peek();
        if (!next || next.indent <= indent) outside(); // an empty item
        child = this.node();
      } else if (isItem(content)) {
        return outside(); // "- - x"
      } else if (KEY.test(content)) {
        // "- key: value": a mapping whose keys line up after the dash.
        this.rows[this.pos] = { indent: indent + 1 + (after.length - content.length), text: content, line: row.line };
        child = this.mapping(this.rows[this.pos].indent);
      } else {
        this.pos++;
        child = inlineValue(content, row.line, this.track);
        if ((this.peek()?.indent ?? -1) > indent) outside();
      }
      value.push(child.value);
      if (items && child.lines) items.push(child.lines);
    }
    return { value, lines };
  }
}

const isItem = (text: string) => text[0] === "-" && (text.length === 1 || text[1] === " ");

/**
 * Reads lines [from, to) of `lines` (a text split at "\n") as one YAML document: its value, the
 * line it starts on and, with `track`, the lines of its fields. Returns `undefined` for a
 * document with nothing in it, `null` when the document is outside the subset.
 */
export function readSimpleDocument(lines: readonly string[], from: number, to: number, track = false): SimpleDocument | null | undefined {
  const rows: Row[] = [];
  for (let i = from; i < to; i++) {
    let s = lines[i];
    if (s.endsWith("\r")) s = s.slice(0, -1);
    if (UNUSUAL.test(s)) return null;
    let indent = 0;
    while (s.charCodeAt(indent) === 32) indent++;
    if (indent === s.length || s[indent] === "#") continue;
    if (indent > MAX_INDENT) return null;
    rows.push({ indent, text: trimSpaces(s.slice(indent), false), line: i + 1 });
  }
  if (rows.length === 0) return undefined;
  try {
    const reader = new Reader(rows, track);
    const root = reader.node();
    return reader.pos === rows.length ? { value: root.value, line: rows[0].line, lines: root.lines } : null;
  } catch (e) {
    if (e === OUTSIDE) return null;
    throw e;
  }
}

/** The line of the field at `path`, or of the deepest part of it that exists (as lineOfPath does for yaml nodes). */
export function lineInTree(root: LineTree, path: readonly (string | number)[]): number {
  let node = root;
  for (const seg of path) {
    const next = node.keys ? node.keys.get(String(seg)) : node.items && typeof seg === "number" ? node.items[seg] : undefined;
    if (!next) break;
    node = next;
  }
  return node.line;
}
