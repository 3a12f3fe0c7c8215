import { describe, expect, it } from "vitest";
import { gateSummary, isRetired, openGatingItems, openItemsOfPassedGates, type GateItem } from "./gates";

// Issue 14, point 8: an item a template change adds after the slice passed its gate is a
// follow-up: counted, shown, but it neither holds a move nor reopens "done".
const item = (id: string, over: Partial<GateItem> = {}): GateItem => ({ id, title: id, category: "observable", gateStage: "1", state: "open", ...over });

describe("follow-up items", () => {
  it("gate nothing: the next stage is ready with an open follow-up gating an earlier one", () => {
    const items = [item("metrics", { state: "done" }), item("tracing", { followUp: true })];
    expect(openGatingItems(items, "10")).toEqual([]);
    expect(gateSummary(items, "1").label).toBe("Ready for 10%");
    // Counted all the same: one of two resolved.
    expect(gateSummary(items, "1").progress).toMatchObject({ open: 1, total: 2 });
  });

  it("do not reopen done: an open follow-up retirement item leaves the old path retired", () => {
    const items = [item("vms", { category: "retired", gateStage: null, state: "done" }), item("dns", { category: "retired", gateStage: null, followUp: true })];
    expect(isRetired(items)).toBe(true);
    expect(gateSummary(items, "100").label).toBe("Done: old path retired");
  });

  it("are not among the open items of passed gates, which an ordinary reopened item is", () => {
    const items = [item("reopened", { gateStage: "mirror" }), item("late", { gateStage: "mirror", followUp: true }), item("ahead", { gateStage: "50" })];
    expect(openItemsOfPassedGates(items, "10").map((i) => i.id)).toEqual(["reopened"]);
    expect(openItemsOfPassedGates(items, "0")).toEqual([]);
  });
});
