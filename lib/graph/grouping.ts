/**
 * Grouping: one node per wave, team or system, holding its services, with the dependencies
 * between two drawn items bundled into one edge with a count. A dependency inside a
 * collapsed group is hidden but counted on the group; none is ever dropped, so
 * bundled + hidden always equals the dependencies shown.
 */
import type { ExplorerNode } from "./types";

export const GROUP_BYS = ["wave", "team", "system"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The key of the group a service falls in: "wave:3", "team:Checkout", "system:none". */
export function groupKey(node: Pick<ExplorerNode, "wave" | "team" | "system">, by: GroupBy): string {
  const value = by === "wave" ? node.wave : by === "team" ? node.team : node.system;
  return `${by}:${value ?? "none"}`;
}

/** A group key as people read it. */
export function groupLabel(key: string): string {
  const [by, ...rest] = key.split(":");
  const value = rest.join(":");
  if (by === "wave") return value === "none" ? "No wave" : `Wave ${value}`;
  if (value === "none") return by === "team" ? "No team" : "No system";
  return value;
}

export type DrawnItem = { type: "node"; node: number } | { type: "group"; key: string; members: number[]; internalEdges: number[] };

export type Bundle = { from: number; to: number; edges: number[] };

export type Collapsed = {
  items: DrawnItem[];
  /** The item drawing each service (-1 when it is not shown). */
  itemOf: Int32Array;
  bundles: Bundle[];
  /** Dependencies inside collapsed groups: counted on their group, not drawn. */
  hidden: number;
};

/**
 * Collapses the shown services into groups except the `expanded` ones (by = null: no
 * grouping), then bundles the shown dependencies between items. Items come in first-member
 * order, bundles in first-edge order, so the result is deterministic.
 */
export function collapse(
  nodes: readonly ExplorerNode[],
  shown: readonly number[],
  edges: { from: Int32Array; to: Int32Array; shown: readonly number[] },
  by: GroupBy | null,
  expanded: ReadonlySet<string>,
): Collapsed {
  const itemOf = new Int32Array(nodes.length).fill(-1);
  const items: DrawnItem[] = [];
  const groupItem = new Map<string, number>();
  for (const v of shown) {
    const key = by ? groupKey(nodes[v], by) : null;
    if (key === null || expanded.has(key)) {
      itemOf[v] = items.length;
      items.push({ type: "node", node: v });
      continue;
    }
    let g = groupItem.get(key);
    if (g === undefined) {
      g = items.length;
      groupItem.set(key, g);
      items.push({ type: "group", key, members: [], internalEdges: [] });
    }
    (items[g] as Extract<DrawnItem, { type: "group" }>).members.push(v);
    itemOf[v] = g;
  }
  const bundleOf = new Map<number, number>();
  const bundles: Bundle[] = [];
  let hidden = 0;
  for (const e of edges.shown) {
    const a = itemOf[edges.from[e]];
    const b = itemOf[edges.to[e]];
    if (a === b) {
      const item = items[a];
      // A service depending on itself is its own node's loop; inside a group it is hidden.
      if (item.type === "group") {
        item.internalEdges.push(e);
        hidden++;
        continue;
      }
    }
    const key = a * items.length + b;
    let k = bundleOf.get(key);
    if (k === undefined) {
      k = bundles.length;
      bundleOf.set(key, k);
      bundles.push({ from: a, to: b, edges: [] });
    }
    bundles[k].edges.push(e);
  }
  return { items, itemOf, bundles, hidden };
}
