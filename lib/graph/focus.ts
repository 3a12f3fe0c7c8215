/**
 * Focus mode: a service's neighbourhood to depth N. Upstream is what it depends on (the
 * services it calls or reads), downstream what depends on it: its blast radius, what breaks
 * if it moves.
 */
import { adjacency } from "@/lib/planning/graph";

export const DIRECTIONS = ["both", "up", "down"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Hops from `start` to every service within `depth` (the start is 0, the rest -1). Edges: `from` depends on `to`. */
export function neighbourhood(count: number, edges: { from: Int32Array; to: Int32Array }, start: number, depth: number, direction: Direction): Int32Array {
  const distance = new Int32Array(count).fill(-1);
  if (start < 0 || start >= count) return distance;
  const up = direction === "down" ? null : adjacency(edges, count);
  const down = direction === "up" ? null : adjacency({ from: edges.to, to: edges.from }, count);
  distance[start] = 0;
  let frontier = [start];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (const csr of [up, down]) {
        if (!csr) continue;
        for (let e = csr.offsets[v]; e < csr.offsets[v + 1]; e++) {
          const w = csr.targets[e];
          if (distance[w] !== -1) continue;
          distance[w] = hop;
          next.push(w);
        }
      }
    }
    frontier = next;
  }
  return distance;
}
