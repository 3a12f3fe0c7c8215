import { describe, expect, it } from "vitest";
import { collapse, groupKey, groupLabel } from "./grouping";
import { edges as spec, node, planned } from "./test-graph";
import type { ExplorerNode } from "./types";

const graphOf = (nodes: ExplorerNode[], edgeSpec: string) => {
  const index = new Map(nodes.map((n, i) => [n.name, i]));
  const e = spec(edgeSpec);
  return { nodes, from: Int32Array.from(e, (x) => index.get(x.from)!), to: Int32Array.from(e, (x) => index.get(x.to)!), shown: e.map((_, i) => i) };
};

const nodes = [planned("a", 1, { team: "T1" }), planned("b", 1, { team: "T2" }), planned("c", 2, { team: "T1", system: "shop" }), node("d", { team: null })];
const g = graphOf(nodes, "a>b c>a c>b d>c b>a");
const all = [0, 1, 2, 3];

describe("group keys", () => {
  it("name the wave, team or system, with none for a missing one", () => {
    expect(groupKey(nodes[0], "wave")).toBe("wave:1");
    expect(groupKey(nodes[3], "wave")).toBe("wave:none");
    expect(groupKey(nodes[3], "team")).toBe("team:none");
    expect(groupKey(nodes[2], "system")).toBe("system:shop");
    expect(groupLabel("wave:2")).toBe("Wave 2");
    expect(groupLabel("team:none")).toBe("No team");
    expect(groupLabel("team:A:B")).toBe("A:B");
  });
});

describe("collapse", () => {
  it("draws every service alone without grouping", () => {
    const c = collapse(nodes, all, g, null, new Set());
    expect(c.items.map((i) => i.type)).toEqual(["node", "node", "node", "node"]);
    expect(c.bundles.reduce((s, b) => s + b.edges.length, 0)).toBe(5);
    expect(c.hidden).toBe(0);
  });

  it("bundles edges between groups with counts and counts the ones inside (never drops one)", () => {
    const c = collapse(nodes, all, g, "wave", new Set());
    expect(c.items).toHaveLength(3);
    const wave1 = c.items[0];
    expect(wave1).toMatchObject({ type: "group", key: "wave:1", members: [0, 1] });
    // a>b and b>a are inside wave 1.
    expect(c.hidden).toBe(2);
    expect(wave1.type === "group" && wave1.internalEdges).toHaveLength(2);
    const bundle = c.bundles.find((b) => b.from === c.itemOf[2] && b.to === c.itemOf[0])!;
    expect(bundle.edges).toHaveLength(2);
    expect(c.hidden + c.bundles.reduce((s, b) => s + b.edges.length, 0)).toBe(g.shown.length);
  });

  it("expands the groups asked for: their services are drawn alone, edges to other groups bundled", () => {
    const c = collapse(nodes, all, g, "wave", new Set(["wave:1"]));
    expect(c.items.filter((i) => i.type === "node")).toHaveLength(2);
    expect(c.hidden).toBe(0);
    expect(c.hidden + c.bundles.reduce((s, b) => s + b.edges.length, 0)).toBe(5);
  });

  it("groups by team and by system", () => {
    expect(collapse(nodes, all, g, "team", new Set()).items.map((i) => (i.type === "group" ? i.key : ""))).toEqual(["team:T1", "team:T2", "team:none"]);
    expect(collapse(nodes, all, g, "system", new Set()).items.map((i) => (i.type === "group" ? i.members.length : 0))).toEqual([3, 1]);
  });

  it("leaves out services that are not shown, and their edges", () => {
    const c = collapse(nodes, [0, 1], { ...g, shown: [0, 4] }, null, new Set());
    expect(c.items).toHaveLength(2);
    expect(c.itemOf[2]).toBe(-1);
    expect(c.bundles).toHaveLength(2);
  });
});
