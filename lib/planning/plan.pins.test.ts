/** Pins and team capacity: the plan works around them and never breaks the order on its own. */
import { describe, expect, it } from "vitest";
import { planWaves } from "./plan";
import { deps, sliceOf, svc, waveOf, wavesByService } from "./test-support";
import type { PlanSliceInput } from "./types";

const pinned = (id: string, services: string[], wave: number, pinReason: string | null = null): PlanSliceInput => ({
  id,
  name: id,
  team: "core",
  serviceIds: services,
  pinnedWave: wave,
  pinReason,
});

describe("planWaves: pins", () => {
  it("reports a pin that puts a slice before what it depends on, naming the services", () => {
    const plan = planWaves({
      services: [svc("checkout"), svc("payments"), svc("ledger")],
      dependencies: deps("checkout->payments, payments->ledger"),
      slices: [pinned("s-checkout", ["checkout"], 1)],
    });
    expect(wavesByService(plan)).toEqual({ ledger: 1, payments: 2, checkout: 1 });
    expect(plan.violations).toEqual([
      { kind: "pin", message: "slice s-checkout is pinned to wave 1, which breaks the order with payments (wave 2)", services: ["checkout", "payments"] },
    ]);
    expect(sliceOf(plan, "checkout").reason).toBe("pinned to wave 1 by a manager: breaks the order with payments");
  });

  it("reports shared infrastructure pinned before its users", () => {
    const plan = planWaves({
      services: [svc("api"), svc("web", "web"), svc("orders-db", "datastore")],
      dependencies: deps("web->api, api->orders-db"),
      slices: [pinned("db", ["orders-db"], 1, "licence ends")],
    });
    expect(waveOf(plan, "orders-db")).toBe(1);
    expect(plan.violations.map((violation) => [violation.kind, violation.services])).toEqual([["pin", ["api", "orders-db"]]]);
    expect(sliceOf(plan, "orders-db").reason).toBe("pinned to wave 1 by a manager (licence ends): breaks the order with api");
  });

  it("moves dependents later around a pin that keeps the order, and reports nothing", () => {
    const plan = planWaves({
      services: [svc("web", "web"), svc("api"), svc("other")],
      dependencies: deps("web->api"),
      slices: [pinned("s-api", ["api"], 3, "freeze until March")],
    });
    expect(wavesByService(plan)).toEqual({ other: 1, api: 3, web: 4 });
    expect(plan.violations).toEqual([]);
    expect(sliceOf(plan, "api").reason).toBe("pinned to wave 3 by a manager (freeze until March)");
    expect(sliceOf(plan, "web").reason).toBe("after api (wave 3), which it depends on");
    // Waves stay numbered 1..n: the one nothing lands in is listed empty, so wave numbers match pins.
    expect(plan.waves.map((wave) => [wave.number, wave.slices.length])).toEqual([[1, 1], [2, 0], [3, 1], [4, 1]]);
  });

  it("delays infrastructure behind a pinned application", () => {
    const plan = planWaves({
      services: [svc("api"), svc("db", "datastore")],
      dependencies: deps("api->db"),
      slices: [pinned("s-api", ["api"], 2)],
    });
    expect(wavesByService(plan)).toEqual({ api: 2, db: 3 });
  });

  it("reports two pins that contradict each other once, against the later one in the order", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b")],
      dependencies: deps("a->b"),
      slices: [pinned("pa", ["a"], 1), pinned("pb", ["b"], 2)],
    });
    expect(plan.violations).toHaveLength(1);
    expect(plan.violations[0]).toMatchObject({ kind: "pin", services: ["a", "b"] });
    expect(plan.violations[0].message).toContain("slice pa is pinned to wave 1");
  });

  it.each([0, -1, 1.5])("rejects a pin to wave %s", (wave) => {
    expect(() => planWaves({ services: [svc("a")], dependencies: [], slices: [pinned("p", ["a"], wave)] })).toThrow(RangeError);
  });
});

describe("planWaves: capacity", () => {
  it("moves the overflow to the next wave, giving the slot to the longer chain first", () => {
    const plan = planWaves({
      services: [svc("a", "api", "t"), svc("b", "api", "t"), svc("c", "api", "t"), svc("d", "api", "t")],
      dependencies: deps("d->c"),
      options: { capacityPerTeam: 2 },
    });
    expect(wavesByService(plan)).toEqual({ a: 1, c: 1, b: 2, d: 2 });
    expect(sliceOf(plan, "b").reason).toBe("moved to wave 2: team t is at capacity (2) in wave 1");
  });

  it("shifts dependents without breaking the order", () => {
    const plan = planWaves({
      services: [svc("a", "api", "t"), svc("b", "api", "t"), svc("c", "api", "t"), svc("db", "datastore", "t")],
      dependencies: deps("a->b, a->db"),
      options: { capacityPerTeam: 1 },
    });
    expect(wavesByService(plan)).toEqual({ b: 1, c: 2, a: 3, db: 4 });
    expect(sliceOf(plan, "a").reason).toBe("moved to wave 3: team t is at capacity (1) in wave 2");
    expect(plan.violations).toEqual([]);
  });

  it("names every full wave a slice was pushed past", () => {
    const plan = planWaves({ services: ["a", "b", "c"].map((name) => svc(name, "api", "t")), dependencies: [], options: { capacityPerTeam: 1 } });
    expect(sliceOf(plan, "c").reason).toBe("moved to wave 3: team t is at capacity (1) in waves 1-2");
  });

  it("limits each team separately and leaves slices without a team alone", () => {
    const plan = planWaves({
      services: [svc("a", "api", "x"), svc("b", "api", "y"), svc("c", "api", null), svc("d", "api", null)],
      dependencies: [],
      options: { capacityPerTeam: 1 },
    });
    expect(wavesByService(plan)).toEqual({ a: 1, b: 1, c: 1, d: 1 });
  });

  it("counts pinned slices against capacity and reports pins beyond it", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b"), svc("c")],
      dependencies: [],
      slices: [pinned("pa", ["a"], 1), pinned("pb", ["b"], 1)],
      options: { capacityPerTeam: 1 },
    });
    expect(wavesByService(plan)).toEqual({ a: 1, b: 1, c: 2 });
    expect(plan.violations).toEqual([{ kind: "capacity", message: "team core has 2 slices pinned to wave 1, above its capacity of 1", services: ["a", "b"] }]);
  });

  it("keeps mutually dependent slices together even when they exceed capacity, and says so", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b")],
      dependencies: deps("a->b, b->a"),
      slices: [
        { id: "sa", name: "sa", team: "core", serviceIds: ["a"] },
        { id: "sb", name: "sb", team: "core", serviceIds: ["b"] },
      ],
      options: { capacityPerTeam: 1 },
    });
    expect(wavesByService(plan)).toEqual({ a: 1, b: 1 });
    expect(plan.violations.map((violation) => violation.kind)).toEqual(["capacity"]);
  });

  it.each([0, -2, 1.5])("rejects capacity %s", (capacityPerTeam) => {
    expect(() => planWaves({ services: [svc("a")], dependencies: [], options: { capacityPerTeam } })).toThrow(RangeError);
  });
});
