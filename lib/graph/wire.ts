/**
 * The explorer's graph as the page's data route sends it to the layout worker: the same nodes,
 * and each edge as a tuple that names its ends by their index in `nodes`. At 5,000 services
 * and 15,000 dependencies that is 1.7 MB of JSON instead of 2.8 MB (the names of both ends,
 * spelled out again for every dependency, were half of it), which the server serialises and
 * compresses, and the worker parses, on every load of the page.
 */
import type { DependencyKind } from "@/lib/inventory/model";
import type { ExplorerGraph, ExplorerNode } from "./types";

/** [from, to, kind, blocked]: `from` depends on `to`, both indices into the graph's nodes. */
export type WireEdge = [from: number, to: number, kind: DependencyKind, blocked: 0 | 1];
export type WireGraph = { nodes: ExplorerNode[]; edges: WireEdge[] };

/** Encodes a graph whose edges all name services in its nodes (loadExplorerGraph's always do). */
export function toWire(graph: ExplorerGraph): WireGraph {
  const indexOf = new Map(graph.nodes.map((n, i) => [n.name, i]));
  const at = (name: string) => {
    const i = indexOf.get(name);
    if (i === undefined) throw new Error(`An edge names ${name}, which is not a node of the graph.`);
    return i;
  };
  return { nodes: graph.nodes, edges: graph.edges.map((e) => [at(e.from), at(e.to), e.kind, e.blocked ? 1 : 0]) };
}

/** The graph back as the explorer's code reads it, edges naming their ends. */
export function fromWire(wire: WireGraph): ExplorerGraph {
  const { nodes } = wire;
  return { nodes, edges: wire.edges.map(([from, to, kind, blocked]) => ({ from: nodes[from].name, to: nodes[to].name, kind, blocked: blocked === 1 })) };
}
