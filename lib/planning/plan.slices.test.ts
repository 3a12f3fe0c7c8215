/** Slices of several services, slice proposals, facilities and determinism. */
import { describe, expect, it } from "vitest";
import { planWaves, planWithDetails } from "./plan";
import { proposeSlices } from "./propose-slices";
import { randomEstate, shuffledInput } from "./random-graph";
import { deps, sliceOf, svc, wavesByService } from "./test-support";
import type { PlanInput, PlanSliceInput } from "./types";

const slice = (id: string, serviceIds: string[], team: string | null = "core"): PlanSliceInput => ({ id, name: id, team, serviceIds });

describe("planWaves: slices of several services", () => {
  it("places a slice at the latest wave any of its services needs", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b"), svc("d")],
      dependencies: deps("a->b"),
      slices: [slice("s1", ["a", "d"])],
    });
    expect(wavesByService(plan)).toEqual({ b: 1, a: 2, d: 2 });
    expect(sliceOf(plan, "d")).toMatchObject({ id: "s1", services: ["a", "d"], reason: "after b (wave 1), which it depends on" });
  });

  it("ignores dependencies inside a slice", () => {
    const plan = planWaves({ services: [svc("a"), svc("b")], dependencies: deps("a->b"), slices: [slice("s1", ["b", "a"])] });
    expect(plan.waves).toEqual([{ number: 1, slices: [{ id: "s1", name: "s1", team: "core", services: ["a", "b"], reason: "leaf: depends on no service outside the slice" }] }]);
  });

  it("counts each user of a slice's infrastructure once", () => {
    const plan = planWaves({
      services: [svc("api"), svc("worker", "worker"), svc("db1", "datastore"), svc("db2", "datastore")],
      dependencies: deps("api->db1, api->db2, worker->db2"),
      slices: [slice("data", ["db1", "db2"])],
    });
    expect(sliceOf(plan, "db1").reason).toBe("shared infrastructure: after its 2 users");
  });

  it("moves mutually dependent slices together and reports the order they break", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b"), svc("c")],
      dependencies: deps("a->b, b->c"),
      slices: [slice("s1", ["a", "c"]), slice("s2", ["b"])],
    });
    expect(wavesByService(plan)).toEqual({ a: 1, b: 1, c: 1 });
    expect(plan.violations).toEqual([
      { kind: "order", message: "slices s1, s2 depend on each other, so they move together in wave 1: merge or split them", services: ["a", "b", "c"] },
    ]);
    expect(sliceOf(plan, "b").reason).toBe("depends on slice s1, which depends back on it: moves with it");
  });

  it("keeps a cycle split across slices in one wave without calling it a violation", () => {
    const plan = planWaves({ services: [svc("a"), svc("b")], dependencies: deps("a->b, b->a"), slices: [slice("sa", ["a"]), slice("sb", ["b"])] });
    expect(wavesByService(plan)).toEqual({ a: 1, b: 1 });
    expect(plan.violations).toEqual([]);
    expect(plan.cycles).toEqual([["a", "b"]]);
  });

  it("moves applications that depend on a slice carrying infrastructure after it, without breaking the order", () => {
    const plan = planWaves({
      services: [svc("web", "web"), svc("api"), svc("db", "datastore"), svc("other")],
      dependencies: deps("web->api, api->db"),
      slices: [slice("bundle", ["api", "db"])],
    });
    expect(wavesByService(plan)).toEqual({ other: 1, api: 2, db: 2, web: 3 });
    expect(plan.violations).toEqual([]);
  });

  it("plans a service listed in two slices with the first by name, and reports it", () => {
    const plan = planWaves({ services: [svc("a")], dependencies: [], slices: [slice("zeta", ["a"]), slice("alpha", ["a"])] });
    expect(sliceOf(plan, "a").id).toBe("alpha");
    expect(plan.violations).toEqual([{ kind: "membership", message: "a is listed in slices alpha and zeta; planned with alpha", services: ["a"] }]);
  });

  it("takes membership from a service's sliceId as well as the slice's list", () => {
    const plan = planWaves({ services: [svc("a", "api", "core", { sliceId: "s1" }), svc("b")], dependencies: [], slices: [slice("s1", ["b"])] });
    expect(sliceOf(plan, "a").services).toEqual(["a", "b"]);
  });

  it("plans an empty slice in the first wave", () => {
    const plan = planWaves({ services: [], dependencies: [], slices: [slice("later", [])] });
    expect(plan.waves).toEqual([{ number: 1, slices: [{ id: "later", name: "later", team: "core", services: [], reason: "no services yet" }] }]);
  });
});

describe("proposeSlices", () => {
  const services = [svc("a", "api", "red"), svc("b", "api", "blue"), svc("c", "api", "blue"), svc("d", "api", null), svc("e")];
  const dependencies = deps("a->b, b->c, c->a, d->e");

  it("proposes one slice per unsliced service, owned by its team, and one per cycle", () => {
    expect(proposeSlices({ services, dependencies })).toEqual([
      { id: "new:a", name: "a", team: "blue", serviceIds: ["a", "b", "c"], services: ["a", "b", "c"] },
      { id: "new:d", name: "d", team: null, serviceIds: ["d"], services: ["d"] },
      { id: "new:e", name: "e", team: "core", serviceIds: ["e"], services: ["e"] },
    ]);
  });

  it("leaves services already in a slice where they are", () => {
    const proposals = proposeSlices({ services, dependencies, slices: [slice("existing", ["b", "e"])] });
    expect(proposals.map((proposal) => proposal.serviceIds)).toEqual([["a", "c"], ["d"]]);
  });

  it("renames a proposal that would take an existing slice's name", () => {
    const proposals = proposeSlices({ services: [svc("a"), svc("b")], dependencies: [], slices: [slice("a", ["b"])] });
    expect(proposals).toEqual([{ id: "new:a", name: "a (2)", team: "core", serviceIds: ["a"], services: ["a"] }]);
  });

  it("reports proposals and pins in the details an apply needs", () => {
    const { placements } = planWithDetails({ services: [svc("a"), svc("b")], dependencies: deps("a->b"), slices: [{ ...slice("sb", ["b"]), pinnedWave: 1 }] });
    expect(placements).toEqual([
      { sliceId: "new:a", name: "a", team: "core", wave: 2, serviceIds: ["a"], isProposed: true, isPinned: false },
      { sliceId: "sb", name: "sb", team: "core", wave: 1, serviceIds: ["b"], isProposed: false, isPinned: true },
    ]);
  });
});

describe("planWaves: facilities", () => {
  const input: PlanInput = {
    services: [svc("a"), svc("b"), svc("db", "datastore")],
    dependencies: deps("a->b, a->db"),
    facilities: [
      { key: "ingress", name: "Ingress", ready: true },
      { key: "monitoring", name: "Monitoring", ready: false },
      { key: "tracing", name: "Tracing", ready: false },
    ],
    waveRequirements: [
      { wave: 1, facilityKeys: ["ingress"] },
      { wave: 2, facilityKeys: ["monitoring", "ingress"] },
      { wave: 3, facilityKeys: ["tracing", "mesh"] },
      { wave: 9, facilityKeys: ["monitoring"] },
    ],
  };

  it("reports each wave that needs a facility that is not ready, with the services moving in it", () => {
    expect(planWaves(input).violations).toEqual([
      { kind: "facility", message: "wave 2 needs Monitoring, which is not ready", services: ["a"] },
      { kind: "facility", message: "wave 3 needs Tracing, mesh (unknown facility), which are not ready", services: ["db"] },
    ]);
  });
});

describe("planWaves: determinism", () => {
  it("gives the same plan for the same input in any order", () => {
    const base: PlanInput = {
      services: [svc("web", "web", "shop"), svc("cart", "api", "shop"), svc("stock", "api", "shop"), svc("pay", "api", "pay"), svc("db", "datastore", "data"), svc("q", "queue", "data")],
      dependencies: deps("web->cart, cart->stock, stock->cart, cart->pay, pay->db, web->q, q->db"),
      slices: [slice("payments", ["pay"], "pay"), { ...slice("web-slice", ["web"], "shop"), pinnedWave: 1 }],
      options: { capacityPerTeam: 1 },
      facilities: [{ key: "logs", name: "Logs", ready: false }],
      waveRequirements: [{ wave: 2, facilityKeys: ["logs"] }],
    };
    const expected = JSON.stringify(planWaves(base));
    for (let seed = 1; seed <= 20; seed++) expect(JSON.stringify(planWaves(shuffledInput(base, seed)))).toBe(expected);
  });

  it("gives the same plan for a shuffled 2,000-service estate", () => {
    const estate = randomEstate(7, { services: 2000, dependencies: 8000, cycles: 10 });
    const expected = JSON.stringify(planWaves({ ...estate, options: { capacityPerTeam: 2 } }));
    expect(JSON.stringify(planWaves({ ...shuffledInput(estate, 99), options: { capacityPerTeam: 2 } }))).toBe(expected);
  });
});
