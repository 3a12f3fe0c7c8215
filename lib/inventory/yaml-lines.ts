/**
 * Line numbers for errors: walk a parsed YAML (or JSON, which the yaml package also reads)
 * document along a field path and report where that field is written.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";

export type Path = readonly (string | number)[];

/** 1-based line of a character offset. */
export const lineAt = (lc: LineCounter, offset: number): number => lc.linePos(offset).line;

const startOf = (node: unknown): number | undefined => {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
};

/**
 * The line of the field at `path` inside `root`: the line of its key in a mapping, of the
 * item in a sequence. When part of the path is missing (a required field left out) it is the
 * line of the deepest part that exists, which is where the user has to add it.
 */
export function lineOfPath(root: unknown, path: Path, lc: LineCounter, fallback = 1): number {
  let node: unknown = root;
  let offset = startOf(root);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      offset = startOf(pair.key) ?? startOf(pair.value) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) break;
      offset = startOf(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset === undefined ? fallback : lineAt(lc, offset);
}

/** A path as people read it: `services[3].name`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const seg of path) out += typeof seg === "number" ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}
