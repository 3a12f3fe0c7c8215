/**
 * Reads a multi-document YAML stream into plain values, each with the line it starts on and a
 * way to find the line of any of its fields. Documents are split at their markers
 * (yaml-stream.ts) and each is read by js-yaml (YAML 1.2, core schema), which is fast and
 * keeps no positions. The `yaml` package, slower but keeping every position, re-reads only a
 * document whose field lines an error needs, or one js-yaml refused, for its messages.
 * Aliases are expanded under a budget (yaml-budget.ts). Never throws on bad input.
 */
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import { LineCounter, parseAllDocuments, parseDocument, type Node } from "yaml";
import { MAX_YAML_ALIASES, MAX_YAML_VALUES } from "./limits";
import type { RowError } from "./model";
import { aliasedValues, countPossibleValues, type AliasedValues } from "./yaml-budget";
import { lineOfPath, type Path } from "./yaml-lines";
import { splitDocuments, type DocumentSource } from "./yaml-stream";

export type YamlDocument =
  | { ok: true; body: unknown; line: number; lineOf: (path: Path) => number }
  | { ok: false; errors: RowError[] };

/**
 * What one file may still spend. `aliased`: values in documents that use aliases, expanded
 * (a document without aliases holds no more than its text, which the per-document bound
 * covers). `reread`: values the `yaml` package may re-read for positions and messages, at
 * about 7 µs each; past it, errors keep js-yaml's message and the document's line.
 */
type Budget = { aliased: number; reread: number; refused: boolean };

const tooManyValues = `A document holds more than ${MAX_YAML_VALUES.toLocaleString("en")} YAML values: refused, as parsing it would hold the server`;
const tooManyExpanded = `The file expands to more than ${MAX_YAML_VALUES.toLocaleString("en")} values through YAML aliases: refused, as a resource exhaustion attack would`;
const tooManyAliases = `YAML aliases in this document expand more than ${MAX_YAML_ALIASES} times: refused, as a resource exhaustion attack would`;
const recursiveAlias = "A YAML alias in this document refers to a node that contains it: refused, as no reader could walk it to the end";

// yaml's messages end with "at line N, column M:" and a code excerpt; the line is reported separately.
const yamlMessage = (message: string): string => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");

/** Every non-empty document of `text`, in order. */
export function readYamlDocuments(text: string): YamlDocument[] {
  const out: YamlDocument[] = [];
  const budget: Budget = { aliased: MAX_YAML_VALUES, reread: MAX_YAML_VALUES, refused: false };
  for (const doc of splitDocuments(text)) {
    // One refusal says it for the file: the documents after it are not read.
    if (budget.refused) break;
    const result = readDocument(text.slice(doc.start, doc.end), doc, budget);
    if (result) out.push(result);
  }
  return out;
}

function readDocument(source: string, doc: DocumentSource, budget: Budget): YamlDocument | null {
  const possible = countPossibleValues(source);
  if (possible > MAX_YAML_VALUES) {
    budget.refused = true;
    return refused(doc.contentLine, tooManyValues);
  }
  let body: unknown;
  try {
    // maxDepth (100 by default) bounds nesting, so no reader downstream recurses deeper.
    body = load(source, { schema: CORE_SCHEMA });
  } catch (e) {
    return { ok: false, errors: syntaxErrors(source, doc, e, possible, budget) };
  }
  if (body === null || body === undefined) return null; // e.g. a document of only "~"
  // Aliases are written with "*": a document without one shares nothing.
  if (source.includes("*")) {
    let aliased: AliasedValues;
    try {
      aliased = aliasedValues(body);
    } catch {
      aliased = { values: Infinity, aliases: 1, cyclic: false }; // nested past the stack: aliases inside aliases
    }
    if (aliased.cyclic) return refused(doc.contentLine, recursiveAlias);
    if (aliased.aliases > 0) {
      if (aliased.values > budget.aliased) {
        budget.refused = true;
        return refused(doc.contentLine, tooManyExpanded);
      }
      budget.aliased -= aliased.values;
      if (aliased.aliases > MAX_YAML_ALIASES) return refused(doc.contentLine, tooManyAliases);
    }
  }
  return { ok: true, body, line: doc.contentLine, lineOf: linesOf(source, doc, possible, budget) };
}

const refused = (line: number, message: string): YamlDocument => ({ ok: false, errors: [{ line, message }] });

/** Line numbers for errors: the document is read again with `yaml`, keeping positions, on first use. */
function linesOf(source: string, doc: DocumentSource, possible: number, budget: Budget): (path: Path) => number {
  let read: { contents: Node | null; lc: LineCounter } | null | undefined;
  const local = doc.contentLine - doc.firstLine + 1;
  return (path) => {
    if (read === undefined) {
      read = null;
      if (possible <= budget.reread) {
        budget.reread -= possible;
        const lc = new LineCounter();
        read = { contents: parseDocument(source, { lineCounter: lc }).contents, lc };
      }
    }
    return read ? lineOfPath(read.contents, path, read.lc, local) + doc.firstLine - 1 : doc.contentLine;
  };
}

/**
 * Why js-yaml refused a document. `yaml` reads it again for its messages and lines, which say
 * more ("Map keys must be unique"); js-yaml's own reason and mark serve when `yaml` finds
 * nothing wrong (js-yaml is stricter on tags and NULs) or the budget is spent.
 */
function syntaxErrors(source: string, doc: DocumentSource, e: unknown, possible: number, budget: Budget): RowError[] {
  if (possible <= budget.reread) {
    budget.reread -= possible;
    const lc = new LineCounter();
    const errors = parseAllDocuments(source, { lineCounter: lc, prettyErrors: true }).flatMap((d) => d.errors);
    if (errors.length > 0) {
      return errors.map((err) => ({ line: err.linePos ? err.linePos[0].line + doc.firstLine - 1 : doc.contentLine, message: `YAML syntax: ${yamlMessage(err.message)}` }));
    }
  }
  if (e instanceof YAMLException) {
    // js-yaml refuses a NUL anywhere before it starts, so its mark is the document's start.
    const nul = e.reason.startsWith("null byte") ? source.indexOf("\0") : -1;
    const at = nul === -1 ? (e.mark?.line ?? 0) : source.slice(0, nul).split("\n").length - 1;
    return [{ line: doc.firstLine + at, message: `YAML syntax: ${e.reason}` }];
  }
  return [{ line: doc.contentLine, message: `YAML could not be read: ${e instanceof Error ? e.message : String(e)}` }];
}
