/**
 * Graph helpers over dense integer node ids: compressed adjacency (CSR) built in linear
 * time, Tarjan's strongly connected components and a small binary heap.
 * Everything is iterative (a 10,000-node chain would overflow the call stack if recursive)
 * and uses typed arrays, because the planner must cost about as much as parsing its input.
 */

/** Compressed adjacency: the targets of node v are targets[offsets[v] .. offsets[v + 1]). */
export type Csr = { offsets: Int32Array; targets: Int32Array };

/** Edges as two parallel arrays of node ids. */
export type EdgeList = { from: Int32Array; to: Int32Array };

/** Sort each node's targets ascending: insertion sort for the usual handful, native sort for hubs. */
function sortTargets(offsets: Int32Array, targets: Int32Array): void {
  for (let v = 0; v + 1 < offsets.length; v++) {
    const lo = offsets[v];
    const hi = offsets[v + 1];
    if (hi - lo > 32) {
      targets.subarray(lo, hi).sort();
      continue;
    }
    for (let i = lo + 1; i < hi; i++) {
      const x = targets[i];
      let j = i - 1;
      while (j >= lo && targets[j] > x) {
        targets[j + 1] = targets[j];
        j--;
      }
      targets[j + 1] = x;
    }
  }
}

/**
 * Adjacency of an edge list: one counting pass by source, then each node's targets sorted.
 * Sorted adjacency makes every traversal independent of the order the caller listed the
 * edges in, which is what makes the plan deterministic. Duplicate edges are kept: every
 * consumer tolerates them, and removing them would cost another pass.
 */
export function adjacency(edges: EdgeList, n: number): Csr {
  const offsets = new Int32Array(n + 1);
  const m = edges.from.length;
  for (let i = 0; i < m; i++) offsets[edges.from[i] + 1]++;
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(m);
  for (let i = 0; i < m; i++) targets[cursor[edges.from[i]]++] = edges.to[i];
  sortTargets(offsets, targets);
  return { offsets, targets };
}

export const nodeCount = (graph: Csr): number => graph.offsets.length - 1;

/** The source node of every edge, so passes over all edges can be flat loops. */
export function edgeSources(graph: Csr): Int32Array {
  const sources = new Int32Array(graph.targets.length);
  for (let v = 0; v + 1 < graph.offsets.length; v++) sources.fill(v, graph.offsets[v], graph.offsets[v + 1]);
  return sources;
}

/**
 * Strongly connected components with ids in the order Tarjan completes them. A component is
 * completed only after every component it reaches, so ids are a reverse topological order of
 * the condensation: for an edge u -> v across components, component[u] > component[v].
 */
export type Components = { component: Int32Array; count: number; sizes: Int32Array };

/** Tarjan's algorithm with an explicit call stack: O(n + m), no recursion. */
export function stronglyConnected(graph: Csr): Components {
  const { offsets, targets } = graph;
  const n = nodeCount(graph);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const sizes: number[] = [];
  let sp = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let cp = 0;
    index[root] = low[root] = next++;
    stack[sp++] = root;
    callNode[0] = root;
    callEdge[0] = offsets[root];
    cp = 1;
    while (cp > 0) {
      const v = callNode[cp - 1];
      const e = callEdge[cp - 1];
      if (e < offsets[v + 1]) {
        callEdge[cp - 1] = e + 1;
        const w = targets[e];
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          callNode[cp] = w;
          callEdge[cp] = offsets[w];
          cp++;
        } else if (component[w] === -1 && index[w] < low[v]) {
          // Visited but not yet assigned: w is still on the stack, so it is in v's component.
          low[v] = index[w];
        }
        continue;
      }
      cp--;
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp];
          component[w] = count;
          size++;
        } while (w !== v);
        sizes.push(size);
        count++;
      }
      if (cp > 0) {
        const parent = callNode[cp - 1];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
    }
  }
  return { component, count, sizes: Int32Array.from(sizes) };
}

/** Members of each group as a CSR (groups[v] in [0, groupCount)); members stay in id order. */
export function membersOf(groups: Int32Array, groupCount: number): Csr {
  const offsets = new Int32Array(groupCount + 1);
  for (let v = 0; v < groups.length; v++) offsets[groups[v] + 1]++;
  for (let g = 0; g < groupCount; g++) offsets[g + 1] += offsets[g];
  const cursor = offsets.slice(0, groupCount);
  const targets = new Int32Array(groups.length);
  for (let v = 0; v < groups.length; v++) targets[cursor[groups[v]]++] = v;
  return { offsets, targets };
}

/**
 * The graph between groups (self-edges dropped). Built from an adjacency whose order is
 * already deterministic, so the result is too; parallel edges between two groups are kept.
 */
export function condense(graph: Csr, groups: Int32Array, groupCount: number): Csr {
  const { offsets, targets } = graph;
  const counts = new Int32Array(groupCount + 1);
  for (let v = 0; v + 1 < offsets.length; v++) {
    const a = groups[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) if (groups[targets[e]] !== a) counts[a + 1]++;
  }
  for (let g = 0; g < groupCount; g++) counts[g + 1] += counts[g];
  const cursor = counts.slice(0, groupCount);
  const condensed = new Int32Array(counts[groupCount]);
  for (let v = 0; v + 1 < offsets.length; v++) {
    const a = groups[v];
    for (let e = offsets[v]; e < offsets[v + 1]; e++) {
      const b = groups[targets[e]];
      if (b !== a) condensed[cursor[a]++] = b;
    }
  }
  return { offsets: counts, targets: condensed };
}

/** A binary min-heap of node ids under a caller-supplied strict order. */
export class NodeHeap {
  private items: Int32Array;
  private size = 0;

  constructor(
    capacity: number,
    private readonly before: (a: number, b: number) => boolean,
  ) {
    this.items = new Int32Array(Math.max(1, capacity));
  }

  get length(): number {
    return this.size;
  }

  push(node: number): void {
    if (this.size === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(node, this.items[parent])) break;
      this.items[i] = this.items[parent];
      i = parent;
    }
    this.items[i] = node;
  }

  pop(): number {
    const top = this.items[0];
    const last = this.items[--this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.before(this.items[child + 1], this.items[child])) child++;
      if (!this.before(this.items[child], last)) break;
      this.items[i] = this.items[child];
      i = child;
    }
    this.items[i] = last;
    return top;
  }
}
