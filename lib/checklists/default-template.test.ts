import { describe, expect, it } from "vitest";
import { isStage, stageIndex, type Stage } from "@/lib/slices/stages";
import { APPLIES_TO, CHECKLIST_CATEGORIES, DEFAULT_TEMPLATE, itemsForSlice, sliceTraits, type AppliesToName } from "./default-template";

const items = DEFAULT_TEMPLATE.items;
const byKey = (key: string) => {
  const found = items.find((it) => it.key === key);
  if (!found) throw new Error(`no template item ${key}`);
  return found;
};
const gatesAtOrBefore = (gate: Stage | null, stage: Stage) => gate !== null && stageIndex(gate) <= stageIndex(stage);

describe("DEFAULT_TEMPLATE", () => {
  it("has unique, kebab-case keys", () => {
    const keys = items.map((it) => it.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("uses only valid stages, categories and applicability", () => {
    for (const it of items) {
      expect(it.gateStage === null || isStage(it.gateStage), `${it.key} gate ${it.gateStage}`).toBe(true);
      expect(CHECKLIST_CATEGORIES).toContain(it.category);
      expect(APPLIES_TO).toContain(it.appliesTo);
      expect(it.title.trim()).not.toBe("");
      expect(it.guidance.length, `${it.key} guidance`).toBeGreaterThan(30);
    }
  });

  it("covers every category of the definition of done", () => {
    expect(new Set(items.map((it) => it.category))).toEqual(new Set(CHECKLIST_CATEGORIES));
  });

  it("gates mirror on the deployable basics", () => {
    for (const key of ["production-image", "health-probes", "config-externalised", "gitops-deployed"]) expect(byKey(key).gateStage).toBe("mirror");
  });

  it("lets no real traffic in before the slice is observable and its rollback rehearsed", () => {
    const observable = items.filter((it) => it.category === "observable");
    expect(observable.length).toBeGreaterThanOrEqual(4);
    for (const it of [...observable, byKey("rollback-rehearsed"), byKey("rollback-plan"), byKey("mirror-compared")]) {
      expect(gatesAtOrBefore(it.gateStage, "1"), `${it.key} must gate 1% or earlier`).toBe(true);
    }
  });

  it("gates stateful work before 10% and sizing before 50%", () => {
    for (const key of ["data-migration-plan", "backup-restore"]) expect(gatesAtOrBefore(byKey(key).gateStage, "10"), key).toBe(true);
    expect(byKey("load-tested").gateStage).toBe("50");
  });

  it("leaves retirement ungated: it decides done, not a stage", () => {
    const retired = items.filter((it) => it.category === "retired");
    expect(retired.length).toBeGreaterThan(0);
    for (const it of retired) expect(it.gateStage).toBeNull();
  });
});

describe("itemsForSlice", () => {
  // One item per applicability, so each rule is checked independently of the template's content.
  const template = { items: APPLIES_TO.map((appliesTo) => ({ key: appliesTo, appliesTo })) };
  const cases: { name: string; stateful: boolean; hasDatastore: boolean; expected: AppliesToName[] }[] = [
    { name: "stateless, no datastore", stateful: false, hasDatastore: false, expected: ["all", "stateless"] },
    { name: "stateful, no datastore", stateful: true, hasDatastore: false, expected: ["all", "stateful"] },
    { name: "stateful with a datastore", stateful: true, hasDatastore: true, expected: ["all", "stateful", "datastore"] },
    { name: "stateless with a datastore (a managed cache, say)", stateful: false, hasDatastore: true, expected: ["all", "stateless", "datastore"] },
  ];
  it.each(cases)("$name", ({ stateful, hasDatastore, expected }) => {
    expect(itemsForSlice(template, { stateful, hasDatastore }).map((it) => it.key)).toEqual(expected);
  });

  it("keeps the template order and never drops an 'all' item", () => {
    const picked = itemsForSlice(DEFAULT_TEMPLATE, { stateful: false, hasDatastore: false });
    expect(picked.map((it) => it.key)).toEqual(items.filter((it) => it.appliesTo === "all" || it.appliesTo === "stateless").map((it) => it.key));
  });
});

describe("sliceTraits", () => {
  it.each([
    { services: [{ kind: "api", stateful: false }], expected: { stateful: false, hasDatastore: false } },
    { services: [{ kind: "web", stateful: true }, { kind: "api", stateful: false }], expected: { stateful: true, hasDatastore: false } },
    { services: [{ kind: "api", stateful: false }, { kind: "queue", stateful: true }], expected: { stateful: true, hasDatastore: true } },
    { services: [{ kind: "cache", stateful: false }], expected: { stateful: false, hasDatastore: true } },
    { services: [], expected: { stateful: false, hasDatastore: false } },
  ])("$services.length service(s) -> $expected", ({ services, expected }) => {
    expect(sliceTraits(services)).toEqual(expected);
  });
});
