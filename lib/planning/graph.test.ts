import { describe, expect, it } from "vitest";
import { adjacency, condense, edgeSources, membersOf, NodeHeap, stronglyConnected, type Csr } from "./graph";

const graphOf = (n: number, edges: [number, number][]): Csr =>
  adjacency({ from: Int32Array.from(edges.map(([a]) => a)), to: Int32Array.from(edges.map(([, b]) => b)) }, n);

/** Components as sorted lists of members, sorted by first member: comparable whatever the numbering. */
function groups(n: number, edges: [number, number][]): number[][] {
  const { component, count } = stronglyConnected(graphOf(n, edges));
  const lists: number[][] = Array.from({ length: count }, () => []);
  for (let v = 0; v < n; v++) lists[component[v]].push(v);
  return lists.sort((a, b) => a[0] - b[0]);
}

describe("adjacency", () => {
  it("groups edges by source and sorts each node's targets, whatever the input order", () => {
    const csr = graphOf(4, [[2, 1], [0, 3], [0, 1], [2, 0], [0, 2]]);
    expect([...csr.offsets]).toEqual([0, 3, 3, 5, 5]);
    expect([...csr.targets]).toEqual([1, 2, 3, 0, 1]);
    expect([...edgeSources(csr)]).toEqual([0, 0, 0, 2, 2]);
  });

  it("sorts the targets of a hub with many edges", () => {
    const edges: [number, number][] = Array.from({ length: 100 }, (_, i) => [0, 100 - i]);
    expect([...graphOf(101, edges).targets]).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});

describe("stronglyConnected", () => {
  it.each([
    { name: "no edges: every node alone", n: 3, edges: [] as [number, number][], expected: [[0], [1], [2]] },
    { name: "a chain has no cycle", n: 3, edges: [[0, 1], [1, 2]] as [number, number][], expected: [[0], [1], [2]] },
    { name: "a two-cycle", n: 3, edges: [[0, 1], [1, 0], [1, 2]] as [number, number][], expected: [[0, 1], [2]] },
    { name: "two cycles sharing a node are one component", n: 5, edges: [[0, 1], [1, 0], [1, 2], [2, 1], [3, 4]] as [number, number][], expected: [[0, 1, 2], [3], [4]] },
    { name: "a long cycle", n: 4, edges: [[0, 1], [1, 2], [2, 3], [3, 0]] as [number, number][], expected: [[0, 1, 2, 3]] },
    { name: "a self-loop is still one node", n: 2, edges: [[0, 0], [0, 1]] as [number, number][], expected: [[0], [1]] },
  ])("$name", ({ n, edges, expected }) => {
    expect(groups(n, edges)).toEqual(expected);
  });

  it("numbers components in reverse topological order (edges go from higher to lower ids)", () => {
    const edges: [number, number][] = [[0, 1], [1, 2], [2, 1], [3, 0], [4, 2]];
    const { component } = stronglyConnected(graphOf(5, edges));
    for (const [a, b] of edges) if (component[a] !== component[b]) expect(component[a]).toBeGreaterThan(component[b]);
  });

  it("handles a 200,000-node chain without recursion", () => {
    const n = 200_000;
    const edges: [number, number][] = Array.from({ length: n - 1 }, (_, i) => [i, i + 1]);
    edges.push([n - 1, 0]);
    const { count, sizes } = stronglyConnected(graphOf(n, edges));
    expect(count).toBe(1);
    expect(sizes[0]).toBe(n);
  });
});

describe("condense and membersOf", () => {
  it("maps edges onto groups and drops edges inside a group", () => {
    const groupsOf = Int32Array.from([0, 0, 1, 2]);
    const condensed = condense(graphOf(4, [[0, 1], [1, 2], [0, 3], [2, 3]]), groupsOf, 3);
    expect([...condensed.offsets]).toEqual([0, 2, 3, 3]);
    expect([...condensed.targets]).toEqual([2, 1, 2]);
    const members = membersOf(groupsOf, 3);
    expect([...members.offsets]).toEqual([0, 2, 3, 4]);
    expect([...members.targets]).toEqual([0, 1, 2, 3]);
  });
});

describe("NodeHeap", () => {
  it("pops in the caller's order and grows past its initial capacity", () => {
    const keys = [5, 3, 9, 1, 7, 3, 0, 8];
    const heap = new NodeHeap(2, (a, b) => keys[a] < keys[b] || (keys[a] === keys[b] && a < b));
    keys.forEach((_, node) => heap.push(node));
    const popped: number[] = [];
    while (heap.length > 0) popped.push(heap.pop());
    expect(popped).toEqual([6, 3, 1, 5, 0, 4, 7, 2]);
  });
});
