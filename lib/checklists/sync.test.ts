import { describe, expect, it } from "vitest";
import { keyForTitle, planTemplateSync, type SyncSliceItem, type SyncTemplateItem } from "./sync";

const t = (key: string, extra: Partial<SyncTemplateItem> = {}): SyncTemplateItem => ({ key, title: key, guidance: null, category: "migrated", gateStage: "1", position: 0, appliesTo: "all", ...extra });
const s = (key: string, state: SyncSliceItem["state"] = "open", extra: Partial<SyncSliceItem> = {}): SyncSliceItem => ({ id: `id-${key}`, key, title: key, guidance: null, category: "migrated", gateStage: "1", position: 0, state, ...extra });
const stateless = { stateful: false, hasDatastore: false };

describe("planTemplateSync", () => {
  it("adds new items, updates changed ones and never touches state", () => {
    const plan = planTemplateSync([t("a", { title: "A renamed", gateStage: "10" }), t("b")], stateless, [s("a", "done")]);
    expect(plan.add.map((i) => i.key)).toEqual(["b"]);
    expect(plan.update).toEqual([{ id: "id-a", changes: { title: "A renamed", gateStage: "10" } }]);
    expect(plan.remove).toEqual([]);
  });

  it("removes open items the template dropped but keeps ticked and n/a ones", () => {
    const plan = planTemplateSync([t("a")], stateless, [s("a"), s("gone-open"), s("gone-done", "done"), s("gone-na", "na")]);
    expect(plan.remove).toEqual(["id-gone-open"]);
    expect(plan.kept).toEqual(["id-gone-done", "id-gone-na"]);
  });

  it("follows applies-to: a stateful-only item is not added to a stateless slice and removed while open", () => {
    const template = [t("a"), t("pvc", { appliesTo: "stateful" })];
    expect(planTemplateSync(template, stateless, [s("a")]).add).toEqual([]);
    expect(planTemplateSync(template, stateless, [s("a"), s("pvc")]).remove).toEqual(["id-pvc"]);
    expect(planTemplateSync(template, { stateful: true, hasDatastore: false }, [s("a")]).add.map((i) => i.key)).toEqual(["pvc"]);
  });

  it("is empty when the slice already matches", () => {
    const plan = planTemplateSync([t("a")], stateless, [s("a", "done")]);
    expect(plan).toEqual({ add: [], late: [], update: [], remove: [], kept: [] });
  });
});

describe("items a slice has already passed the gate of", () => {
  const template = [t("a"), t("probes", { gateStage: "1" }), t("load", { gateStage: "50" }), t("dns", { category: "retired", gateStage: null })];
  const current = [s("a", "done")];

  it.each([
    ["a live slice at 10%", { stage: "10", status: "live" }, ["load", "dns"], ["probes"]],
    ["a done slice at 100%", { stage: "100", status: "done" }, [], ["probes", "load", "dns"]],
    ["a live slice at 100%, whose retirement is the next step", { stage: "100", status: "live" }, ["dns"], ["probes", "load"]],
    ["a shifting slice at 10% (it must meet them before it moves on)", { stage: "10", status: "shifting" }, ["probes", "load", "dns"], []],
    ["a slice with no standing given", undefined, ["probes", "load", "dns"], []],
  ] as const)("%s: added %j, late %j", (_, standing, added, late) => {
    const plan = planTemplateSync(template, stateless, current, standing);
    expect(plan.add.map((i) => i.key)).toEqual(added);
    expect(plan.late.map((i) => i.key)).toEqual(late);
  });
});

describe("keyForTitle", () => {
  it("slugs the title and avoids taken keys", () => {
    expect(keyForTitle("Sized by a load test!", new Set())).toBe("sized-by-a-load-test");
    expect(keyForTitle("Probes", new Set(["probes", "probes-2"]))).toBe("probes-3");
    expect(keyForTitle("!!!", new Set())).toBe("item");
  });
});
