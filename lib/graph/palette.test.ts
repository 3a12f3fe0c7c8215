import { describe, expect, it } from "vitest";
import { BLOCKED_COLOUR, CRITICAL_COLOUR, EDGE_STYLES, categories, categoryKey, edgeLook } from "./palette";

const all = ["cycles", "critical", "blocked"];
const edge = { kind: "async" as const, count: 1, blocked: 0, isCycle: false, isCritical: false };

describe("edgeLook", () => {
  it("draws a blocked dependency in red, a bundle only when every dependency in it is blocked", () => {
    expect(edgeLook({ ...edge, blocked: 1 }, all)).toMatchObject({ colour: BLOCKED_COLOUR, blocked: true, label: null });
    expect(edgeLook({ ...edge, count: 4, blocked: 2 }, all)).toMatchObject({ colour: EDGE_STYLES.async.colour, blocked: false, label: "4 · 2 blocked" });
    expect(edgeLook({ ...edge, count: 4, blocked: 4 }, all).blocked).toBe(true);
  });

  it("keeps the kind's dash pattern and drops highlights that are turned off", () => {
    expect(edgeLook({ ...edge, blocked: 1 }, []).colour).toBe(EDGE_STYLES.async.colour);
    expect(edgeLook({ ...edge, isCritical: true }, all).colour).toBe(CRITICAL_COLOUR);
    expect(edgeLook(edge, all).dash).toBe(EDGE_STYLES.async.dash);
    expect(edgeLook({ ...edge, count: 1 }, all).width).toBeLessThan(edgeLook({ ...edge, count: 16 }, all).width);
  });
});

describe("categories", () => {
  it("orders waves by number, statuses by lifecycle, with a badge each", () => {
    expect(categories("wave", ["10", "2", "none"]).map((c) => c.badge)).toEqual(["W2", "W10", "W–"]);
    expect(categories("status", ["live", "planned"]).map((c) => c.key)).toEqual(["planned", "live"]);
    expect(categories("team", ["Orders & Fulfilment"], ["Orders & Fulfilment"])[0].badge).toBe("OF");
    expect(categoryKey({ wave: null, status: null, stage: "10", team: "A" }, "stage")).toBe("10");
  });
});
