/**
 * Budgets for YAML read with the `yaml` package, which costs about 7 µs and 1 KB per value
 * and runs synchronously: a 2 MB flow sequence of a million values held a web process for
 * 7 s at 1 GB before anything was converted. Two checks, both cheap next to the parse:
 * - before parsing, an upper bound of the values the text can hold (one per separator), so
 *   a document too big to parse in a fraction of a second is never handed to `yaml`;
 * - after parsing, the values the document expands to once every alias is replaced by its
 *   anchor (99 aliases to a million-value anchor pass any alias count, and every reader
 *   downstream walks the 99 million values).
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
