import { beforeAll, describe, expect, it } from "vitest";
import { prepareGraph, neighboursOf, searchServices, type PreparedGraph } from "./analysis";
import { buildView, GROUP_THRESHOLD } from "./view";
import { DEFAULT_VIEW, readViewParams, type ViewParams } from "./view-params";
import { demoGraph, randomGraph } from "./test-graph";

let demo: PreparedGraph;
beforeAll(async () => {
  demo = prepareGraph(await demoGraph());
});

const view = (prepared: PreparedGraph, more: Partial<ViewParams> = {}) => buildView(prepared, { ...DEFAULT_VIEW, ...more });

describe("buildView on the demo estate", () => {
  it("draws every service and dependency, expanded, when the estate is small", () => {
    const v = view(demo);
    expect(v.grouping).toBeNull();
    expect(v.items).toHaveLength(demo.graph.nodes.length);
    expect(v.stats).toMatchObject({ shownServices: 41, drawn: 41, hiddenInGroups: 0, hiddenByFilters: 0 });
    expect(v.edges.reduce((s, e) => s + e.count, 0)).toBe(demo.graph.edges.length);
  });

  it("flags the orders/inventory cycle and the critical path from the planner", () => {
    const v = view(demo);
    expect(demo.cycles).toEqual([["inventory-api", "orders-api"]]);
    expect(v.items.filter((i) => i.isCycle).map((i) => i.id).sort()).toEqual(["inventory-api", "orders-api"]);
    expect(v.edges.filter((e) => e.isCycle).map((e) => e.id).sort()).toEqual(["inventory-api→orders-api", "orders-api→inventory-api"]);
    expect(demo.criticalPath.length).toBeGreaterThan(1);
    expect(v.items.filter((i) => i.isCritical).map((i) => i.id).sort()).toEqual([...demo.criticalPath].sort());
  });

  it("puts planned services in their wave's column and unplanned ones in the band below", () => {
    const v = view(demo);
    const item = (id: string) => v.items.find((i) => i.id === id)!;
    expect(item("email-sender").x).toBeLessThan(item("catalogue-api").x);
    expect(item("catalogue-api").x).toBeLessThan(item("payments-api").x);
    const planned = v.items.filter((i) => i.node?.wave !== null);
    const unplanned = v.items.filter((i) => i.node?.wave === null);
    expect(Math.min(...unplanned.map((i) => i.y))).toBeGreaterThan(Math.max(...planned.map((i) => i.y)));
    expect(v.columns.some((c) => c.label.startsWith("Unplanned"))).toBe(true);
  });

  it("groups by team on request, bundling edges and counting the hidden ones", () => {
    const v = view(demo, { group: "team" });
    expect(v.grouping).toBe("team");
    expect(v.items.every((i) => i.type === "group")).toBe(true);
    expect(v.items).toHaveLength(6);
    expect(v.stats.hiddenInGroups + v.edges.reduce((s, e) => s + e.count, 0)).toBe(demo.graph.edges.length);
    expect(v.stats.hiddenInGroups).toBeGreaterThan(0);
  });

  it("filters by team and dependency kind, counting what the filters hide", () => {
    const v = view(demo, { team: ["Checkout"], dep: ["sync"] });
    expect(v.items.every((i) => i.node?.team === "Checkout")).toBe(true);
    expect(v.edges.every((e) => e.kind === "sync")).toBe(true);
    expect(v.stats.hiddenByFilters).toBe(demo.graph.edges.length - v.stats.shownDependencies);
  });

  it("focuses on a service's neighbourhood: its blast radius downstream", () => {
    const v = view(demo, { focus: "orders-db", depth: 1, dir: "down" });
    const ids = v.items.map((i) => i.id).sort();
    expect(ids).toContain("orders-db");
    expect(ids).toContain("orders-api");
    expect(ids).not.toContain("catalogue-api");
    expect(v.items.find((i) => i.id === "orders-db")!.distance).toBe(0);
    expect(v.items.every((i) => i.distance >= 0 && i.distance <= 1)).toBe(true);
  });

  it("ignores unknown teams, waves and services with a notice", () => {
    const { params, notices } = readViewParams(new URLSearchParams("team=Nobody&wave=42&focus=ghost&select=ghost&colour=mood"));
    const v = buildView(demo, params, notices);
    expect(v.items).toHaveLength(41);
    expect(v.focus).toBeNull();
    expect(v.notices).toHaveLength(5);
  });

  it("colours by each scheme with a legend of the categories shown, each with a badge", () => {
    for (const colour of ["wave", "status", "stage", "team"] as const) {
      const v = view(demo, { colour });
      const keys = new Set(v.items.map((i) => i.category));
      expect(v.legend.map((c) => c.key).sort()).toEqual([...keys].sort());
      expect(v.legend.every((c) => c.badge.length > 0 && /^#[0-9a-f]{6}$/.test(c.colour))).toBe(true);
    }
  });

  it("lists a service's neighbours and finds services by name", () => {
    const n = neighboursOf(demo, "orders-api")!;
    expect(n.dependsOn.map((d) => d.name)).toEqual(["event-bus", "inventory-api", "orders-db"]);
    expect(n.usedBy.map((d) => d.name)).toContain("checkout-api");
    expect(neighboursOf(demo, "ghost")).toBeNull();
    expect(searchServices(demo, "ORDERS")[0]).toBe("orders-api");
    expect(searchServices(demo, "api").length).toBe(8);
  });

  it("selecting a service inside a collapsed group opens that group", () => {
    const v = view(demo, { group: "wave", select: "orders-api" });
    expect(v.selected).toBe("orders-api");
    expect(v.items.some((i) => i.id === "group:wave:2")).toBe(false);
    expect(v.items.some((i) => i.id === "group:wave:3")).toBe(true);
  });
});

describe("buildView at scale", () => {
  it("opens grouped by wave above the threshold and expands everything for expand=all", () => {
    const big = prepareGraph(randomGraph(3, 2000, 6000, { unplannedShare: 0.1 }));
    const grouped = view(big);
    expect(big.graph.nodes.length).toBeGreaterThan(GROUP_THRESHOLD);
    expect(grouped.grouping).toBe("wave");
    expect(grouped.items.length).toBeLessThan(50);
    expect(grouped.stats.hiddenInGroups + grouped.edges.reduce((s, e) => s + e.count, 0)).toBe(big.graph.edges.length);
    const all = view(big, { expand: "all" });
    expect(all.grouping).toBeNull();
    expect(all.items).toHaveLength(2000);
    expect(all.edges.reduce((s, e) => s + e.count, 0)).toBe(6000);
  });

  it("lays out thousands of isolated services", () => {
    const lonely = prepareGraph({ ...randomGraph(4, 3000, 0), edges: [] });
    const v = view(lonely, { expand: "all" });
    expect(v.items).toHaveLength(3000);
    expect(v.items.every((i) => Number.isFinite(i.x) && Number.isFinite(i.y))).toBe(true);
  });
});
