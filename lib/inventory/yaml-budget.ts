/**
 * Budgets for hostile YAML. Parsing runs synchronously: a 2 MB flow sequence of a million
 * values held a web process for 7 s at 1 GB in the `yaml` package. Two checks, both cheap
 * next to the parse:
 * - before parsing, an upper bound of the values the text can hold (one per separator), so
 *   a document too big to parse in a fraction of a second is never handed to a parser;
 * - after parsing, the values the document expands to once every alias is replaced by its
 *   anchor (99 aliases to a million-value anchor pass any alias count, and every reader
 *   downstream walks the 99 million values). Parsers share an aliased node rather than copy
 *   it, so this is counted over the shared graph: linear in what is written.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";

/**
 * An upper bound of the values in `text`: a YAML value needs a comma, a line, or a `:`, `-`,
 * `[`, `{`, `?` indicator before it (or is the first). Counting those is a plain scan.
 */
export function countPossibleValues(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // , \n : - [ { ?
    if (c === 44 || c === 10 || c === 58 || c === 45 || c === 91 || c === 123 || c === 63) n++;
  }
  return n;
}

/**
 * The values `doc` holds with its aliases expanded (scalars, collections, pairs' keys), or
 * Infinity as soon as that passes `limit`. Each node is sized once, so this is linear in the
 * document as written, whatever it expands to.
 */
export function expandedValues(doc: Document, limit: number): number {
  const sizes = new Map<unknown, number>();
  const size = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // an alias to an enclosing anchor (a cycle) counts once
    let n = 1;
    if (isAlias(node)) n = size(node.resolve(doc));
    else if (isMap(node)) for (const pair of node.items) n += size(pair.key) + size(pair.value);
    else if (isSeq(node)) for (const item of node.items) n += isPair(item) ? size(item.key) + size(item.value) : size(item);
    else if (!isScalar(node)) n = 1;
    const total = n > limit ? Infinity : n;
    sizes.set(node, total);
    return total;
  };
  return size(doc.contents as Node | null);
}

/** What aliases did to a value a parser built: see aliasedValues. */
export type AliasedValues = { values: number; aliases: number; cyclic: boolean };

/**
 * The values `root` (a value js-yaml built) holds with its aliases expanded, counted as
 * expandedValues counts them; `aliases`, how many times an already-built collection is
 * reached again (only an alias does that); `cyclic`, whether a collection contains itself
 * (an alias to an enclosing anchor), which no reader downstream could walk. Aliases to
 * scalars are copies, one value each, and are not counted as aliases.
 */
export function aliasedValues(root: unknown): AliasedValues {
  const sizes = new Map<object, number>(); // -1 while the collection is being sized
  const out: AliasedValues = { values: 0, aliases: 0, cyclic: false };
  const size = (value: unknown): number => {
    if (value === null || typeof value !== "object") return 1;
    const known = sizes.get(value);
    if (known !== undefined) {
      if (known === -1) out.cyclic = true;
      else out.aliases++;
      return Math.max(known, 1);
    }
    sizes.set(value, -1);
    let n = 1;
    if (Array.isArray(value)) for (const item of value) n += size(item);
    else for (const key of Object.keys(value)) n += 1 + size((value as Record<string, unknown>)[key]);
    sizes.set(value, n);
    return n;
  };
  out.values = size(root);
  return out;
}
