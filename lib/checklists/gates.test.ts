import { describe, expect, it } from "vitest";
import type { ChecklistCategory, ItemState } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/slices/stages";
import { checklistProgress, gateSummary, isRetired, openGatingItems, type GateItem } from "./gates";

let seq = 0;
const item = (gateStage: Stage | null, state: ItemState = "open", category: ChecklistCategory = "observable"): GateItem => {
  seq += 1;
  return { id: `i${seq}`, title: `Item ${seq} gating ${gateStage ?? "nothing"}`, category, gateStage, state };
};
const ids = (items: GateItem[]) => items.map((i) => i.id).sort();

describe("openGatingItems", () => {
  // One open item gating each stage, plus resolved and ungated items that never block.
  const g0 = item("0");
  const gMirror = item("mirror");
  const g1 = item("1");
  const g10 = item("10");
  const g50 = item("50");
  const g100 = item("100");
  const done1 = item("1", "done");
  const na10 = item("10", "na");
  const ungated = item(null);
  const all = [g0, gMirror, g1, g10, g50, g100, done1, na10, ungated];

  it.each([
    ["0", [g0]],
    ["mirror", [g0, gMirror]],
    ["1", [g0, gMirror, g1]],
    ["10", [g0, gMirror, g1, g10]],
    ["50", [g0, gMirror, g1, g10, g50]],
    ["100", [g0, gMirror, g1, g10, g50, g100]],
  ] as [Stage, GateItem[]][])("entering %s is blocked by the open items gating it or an earlier stage", (target, expected) => {
    expect(ids(openGatingItems(all, target))).toEqual(ids(expected));
  });

  it("an item gating 1% also blocks 10%, 50% and 100% but not mirror", () => {
    const only = [item("1")];
    expect(openGatingItems(only, "mirror")).toHaveLength(0);
    for (const target of ["1", "10", "50", "100"] as Stage[]) expect(openGatingItems(only, target)).toEqual(only);
  });

  it("done and not-applicable items never block", () => {
    const resolved = [item("1", "done"), item("1", "na"), item("100", "done"), item("mirror", "na")];
    expect(openGatingItems(resolved, "100")).toEqual([]);
  });

  it("keeps the caller's extra fields", () => {
    const rich = [{ ...item("10"), evidenceUrl: null as string | null }];
    expect(openGatingItems(rich, "10")[0].evidenceUrl).toBeNull();
  });
});

describe("checklistProgress", () => {
  it.each([
    { states: [], expected: { done: 0, na: 0, open: 0, total: 0, percent: 0 } },
    { states: ["done", "na", "open"], expected: { done: 1, na: 1, open: 1, total: 3, percent: 66 } },
    { states: ["done", "done", "na", "na"], expected: { done: 2, na: 2, open: 0, total: 4, percent: 100 } },
    { states: ["open", "open"], expected: { done: 0, na: 0, open: 2, total: 2, percent: 0 } },
  ] as { states: ItemState[]; expected: object }[])("counts $states", ({ states, expected }) => {
    expect(checklistProgress(states.map((s) => item(null, s)))).toEqual(expected);
  });

  it("rounds down so one open item in 200 never reads as 100%", () => {
    const items = [...Array.from({ length: 199 }, () => item(null, "done")), item(null)];
    expect(checklistProgress(items).percent).toBe(99);
  });
});

describe("isRetired", () => {
  it.each([
    ["no retirement items", [item(null, "done", "migrated")], false],
    ["every retirement item done", [item(null, "done", "retired"), item(null, "done", "retired")], true],
    ["done and not applicable", [item(null, "done", "retired"), item(null, "na", "retired")], true],
    ["one retirement item open", [item(null, "done", "retired"), item(null, "open", "retired")], false],
    ["other categories open do not count", [item(null, "done", "retired"), item("100", "open", "observable")], true],
  ] as [string, GateItem[], boolean][])("%s -> %s", (_name, items, expected) => {
    expect(isRetired(items)).toBe(expected);
  });
});

describe("gateSummary", () => {
  it("counts the items open before the next stage up", () => {
    const items = [item("1"), item("10"), item("mirror"), item("50"), item("10", "done")];
    const summary = gateSummary(items, "1");
    expect(summary.nextStage).toBe("10");
    expect(summary.label).toBe("3 items open before 10%");
    expect(summary.openItems.map((i) => i.gateStage).sort()).toEqual(["1", "10", "mirror"]);
    expect(summary.openItems[0]).toEqual({ id: expect.any(String), title: expect.any(String), gateStage: expect.any(String) });
    expect(summary.progress).toMatchObject({ done: 1, open: 4, total: 5, percent: 20 });
  });

  it("uses the singular and the mirror label", () => {
    expect(gateSummary([item("mirror")], "0").label).toBe("1 item open before mirror");
  });

  it("says ready when nothing blocks", () => {
    const summary = gateSummary([item("10"), item("1", "na")], "mirror");
    expect(summary).toMatchObject({ nextStage: "1", label: "Ready for 1%", openItems: [] });
  });

  it("at 100% reports the retirement items standing between live and done", () => {
    const open = [item(null, "open", "retired"), item(null, "open", "retired"), item(null, "done", "retired")];
    expect(gateSummary(open, "100")).toMatchObject({ nextStage: null, label: "2 retirement items open before done" });
    expect(gateSummary(open.map((i) => ({ ...i, state: "done" as const })), "100").label).toBe("Done: old path retired");
    expect(gateSummary([item("100", "done")], "100").label).toMatch(/No retirement items/);
  });
});
