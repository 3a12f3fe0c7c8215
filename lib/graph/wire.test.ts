import { describe, expect, it } from "vitest";
import { edges, node, randomGraph } from "./test-graph";
import { fromWire, toWire } from "./wire";

describe("the data route's wire form", () => {
  it("gives back the same graph, edge for edge, kinds and blocked flags included", () => {
    const graph = randomGraph(7, 300, 900);
    graph.edges[0] = { ...graph.edges[0], blocked: true };
    const back = fromWire(JSON.parse(JSON.stringify(toWire(graph))));
    expect(back).toEqual(graph);
  });

  it("names each end by its index in the nodes", () => {
    const graph = { nodes: [node("a"), node("b"), node("c")], edges: edges("c>a b>c:async") };
    expect(toWire(graph).edges).toEqual([
      [2, 0, "sync", 0],
      [1, 2, "async", 0],
    ]);
  });

  it("refuses an edge to a service the graph does not hold, instead of drawing it to the wrong one", () => {
    expect(() => toWire({ nodes: [node("a")], edges: edges("a>ghost") })).toThrow(/ghost/);
  });

  it("is much smaller than edges naming both ends", () => {
    const graph = randomGraph(3, 2000, 6000);
    expect(JSON.stringify(toWire(graph)).length).toBeLessThan(0.8 * JSON.stringify(graph).length);
  });
});
