/**
 * Reads a multi-document YAML stream into plain values, each with the line it starts on and a
 * way to find the line of any of its fields. Documents are split at their `---` lines and each
 * is read by the fast reader (yaml-simple.ts) when it can be, by the `yaml` package otherwise;
 * the `yaml` path also expands aliases with a budget. Never throws on bad input.
 */
import { LineCounter, parseAllDocuments } from "yaml";
import { MAX_YAML_ALIASES, MAX_YAML_VALUES } from "./limits";
import { countPossibleValues, expandedValues } from "./yaml-budget";
import type { RowError } from "./model";
import { lineAt, lineOfPath, type Path } from "./yaml-lines";
import { lineInTree, readSimpleDocument, type LineTree } from "./yaml-simple";

export type YamlDocument =
  | { ok: true; body: unknown; line: number; lineOf: (path: Path) => number }
  | { ok: false; errors: RowError[] };

const MARKER = /^---[ ]*\r?$/;
// Directives, document-end markers and `---` with content after it are left to `yaml` whole:
// they change how the documents around them read.
const STREAM_SYNTAX = /^(?:%|(?:---|\.\.\.)(?:[ \t\r]|$))/;

// yaml's messages end with "at line N, column M:" and a code excerpt; the line is reported separately.
const yamlMessage = (message: string): string => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");

/** Every non-empty document of `text`, in order. `simple: false` reads them all with `yaml` (the tests compare). */
export function readYamlDocuments(text: string, { simple = true } = {}): YamlDocument[] {
  const out: YamlDocument[] = [];
  // What the documents read by `yaml` may still hold, over the whole file (yaml-budget.ts).
  const budget = { left: MAX_YAML_VALUES, refused: false };
  const lines = text.split("\n");
  const ranges = simple ? splitDocuments(lines) : null;
  if (!ranges) {
    readWithYaml(text, 0, out, budget);
    return out;
  }
  for (const [from, to] of ranges) {
    const doc = readSimpleDocument(lines, from, to);
    if (doc === undefined) continue;
    if (doc === null) readWithYaml(lines.slice(from, to).join("\n") + (to < lines.length ? "\n" : ""), from, out, budget);
    else {
      // Line numbers are for messages: the document is read again, keeping them, on first use.
      let tree: LineTree | undefined;
      const lineOf = (path: Path) => lineInTree((tree ??= readSimpleDocument(lines, from, to, true)!.lines!), path);
      out.push({ ok: true, body: doc.value, line: doc.line, lineOf });
    }
  }
  return out;
}

/** Line ranges [from, to) of the documents, or null when the stream needs `yaml` as a whole. */
function splitDocuments(lines: readonly string[]): [number, number][] | null {
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i].charCodeAt(0);
    // Only lines starting with "-", "." or "%" can be stream syntax; skip the rest cheaply.
    if (c !== 45 && c !== 46 && c !== 37) continue;
    if (MARKER.test(lines[i])) {
      ranges.push([from, i]);
      from = i + 1;
    } else if (STREAM_SYNTAX.test(lines[i])) {
      return null;
    }
  }
  ranges.push([from, lines.length]);
  return ranges;
}

const tooManyValues = `The file holds more than ${MAX_YAML_VALUES.toLocaleString("en")} YAML values: refused, as parsing it would hold the server`;
const tooManyExpanded = `The file expands to more than ${MAX_YAML_VALUES.toLocaleString("en")} values through YAML aliases: refused, as a resource exhaustion attack would`;

/**
 * Reads `text` with the `yaml` package; its line 1 is line `offset + 1` of the file. Refused
 * whole, before parsing, when it could hold more values than the file's budget has left.
 */
function readWithYaml(text: string, offset: number, out: YamlDocument[], budget: { left: number; refused: boolean }) {
  // One refusal says it for the file: the documents after it are not read.
  if (budget.refused) return;
  if (countPossibleValues(text) > budget.left) {
    budget.refused = true;
    out.push({ ok: false, errors: [{ line: offset + 1, message: tooManyValues }] });
    return;
  }
  const lc = new LineCounter();
  // parseAllDocuments returns an EmptyStream (an array) for empty input, so this loop covers it.
  for (const doc of parseAllDocuments(text, { lineCounter: lc, prettyErrors: true })) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const local = lineAt(lc, start);
    const line = local + offset;
    if (doc.errors.length > 0) {
      out.push({ ok: false, errors: doc.errors.map((e) => ({ line: e.linePos ? e.linePos[0].line + offset : line, message: `YAML syntax: ${yamlMessage(e.message)}` })) });
      continue;
    }
    const values = expandedValues(doc, budget.left);
    if (values > budget.left) {
      budget.refused = true;
      out.push({ ok: false, errors: [{ line, message: tooManyExpanded }] });
      return;
    }
    budget.left -= values;
    let body: unknown;
    try {
      body = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      const message =
        e instanceof ReferenceError
          ? `YAML aliases in this document expand more than ${MAX_YAML_ALIASES} times: refused, as a resource exhaustion attack would`
          : `YAML could not be read: ${e instanceof Error ? e.message : String(e)}`;
      out.push({ ok: false, errors: [{ line, message }] });
      continue;
    }
    if (body === null || body === undefined) continue; // an empty document, e.g. a trailing "---"
    out.push({ ok: true, body, line, lineOf: (path) => lineOfPath(doc.contents, path, lc, local) + offset });
  }
}
