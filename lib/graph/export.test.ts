import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { prepareGraph, type PreparedGraph } from "./analysis";
import { visibleEdgesCsv, viewToSvg } from "./export";
import { buildView } from "./view";
import { DEFAULT_VIEW } from "./view-params";
import { demoGraph } from "./test-graph";

let demo: PreparedGraph;
beforeAll(async () => {
  demo = prepareGraph(await demoGraph());
});

describe("viewToSvg", () => {
  it("holds every drawn node and edge, the column headings and the legend", () => {
    const view = buildView(demo, DEFAULT_VIEW);
    const svg = viewToSvg(view, "Demo <shop> & co");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/data-node="/g)).toHaveLength(view.items.length);
    expect(svg.match(/data-edge="/g)).toHaveLength(view.edges.length);
    expect(svg).toContain("Demo &lt;shop&gt; &amp; co");
    expect(svg).toContain("Wave 1");
    for (const c of view.legend) expect(svg).toContain(c.label);
    expect(svg).toContain('data-node="orders-api"');
  });

  it("draws groups with their counts", () => {
    const svg = viewToSvg(buildView(demo, { ...DEFAULT_VIEW, group: "wave" }), "grouped");
    expect(svg).toContain('data-node="group:wave:2"');
    expect(svg).toMatch(/Wave 2 · \d+ serv/);
  });
});

describe("visibleEdgesCsv", () => {
  it("lists each shown dependency once, with the items that draw it", () => {
    const view = buildView(demo, { ...DEFAULT_VIEW, group: "team", dep: ["async"] });
    const rows = parse(visibleEdgesCsv(view, demo.graph.edges), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(view.edges.reduce((s, e) => s + e.count, 0));
    expect(rows.every((r) => r.kind === "async")).toBe(true);
    expect(rows[0].drawn_from).toMatch(/^group:team:/);
    expect(Object.keys(rows[0])).toEqual(["from", "to", "kind", "blocked", "drawn_from", "drawn_to"]);
  });
});
