/**
 * The ordering rules of DOMAIN.md "Wave planning" on small hand-made graphs: leaves first,
 * shared infrastructure last, dependency order among infrastructure, cycles, the critical
 * path and the tightness of the default plan.
 */
import { describe, expect, it } from "vitest";
import { planWaves } from "./plan";
import { deps, sliceOf, svc, waveOf, wavesByService } from "./test-support";
import type { PlanService } from "./types";

type Case = { name: string; services: PlanService[]; dependencies: string; waves: Record<string, number> };

const cases: Case[] = [
  {
    name: "leaves first along a chain",
    services: [svc("web", "web"), svc("checkout"), svc("payments"), svc("ledger")],
    dependencies: "web->checkout, checkout->payments, payments->ledger",
    waves: { ledger: 1, payments: 2, checkout: 3, web: 4 },
  },
  {
    name: "independent leaves share the first wave",
    services: [svc("a"), svc("b", "worker"), svc("c", "cron")],
    dependencies: "",
    waves: { a: 1, b: 1, c: 1 },
  },
  {
    name: "the latest dependency sets the wave (diamond)",
    services: [svc("top"), svc("left"), svc("right"), svc("leaf")],
    dependencies: "top->left, top->right, right->leaf",
    waves: { leaf: 1, left: 1, right: 2, top: 3 },
  },
  {
    name: "an application using a datastore is not held back; the datastore follows it",
    services: [svc("orders"), svc("orders-db", "datastore")],
    dependencies: "orders->orders-db",
    waves: { orders: 1, "orders-db": 2 },
  },
  {
    name: "shared infrastructure moves after every application, not only its users",
    services: [svc("a"), svc("b"), svc("c"), svc("db", "datastore")],
    dependencies: "a->b, b->db",
    waves: { b: 1, c: 1, a: 2, db: 3 },
  },
  {
    name: "a service marked shared is infrastructure whatever its kind",
    services: [svc("web", "web"), svc("auth", "api", "identity", { shared: true })],
    dependencies: "web->auth",
    waves: { web: 1, auth: 2 },
  },
  {
    name: "queues and caches are infrastructure too",
    services: [svc("worker", "worker"), svc("jobs", "queue"), svc("sessions", "cache")],
    dependencies: "worker->jobs, worker->sessions",
    waves: { worker: 1, jobs: 2, sessions: 2 },
  },
  {
    name: "infrastructure keeps the dependency order among itself",
    services: [svc("api"), svc("db", "datastore"), svc("cache", "cache"), svc("search", "datastore")],
    dependencies: "api->cache, cache->db, search->cache",
    waves: { api: 1, db: 2, cache: 3, search: 4 },
  },
  {
    name: "infrastructure that depends on an application moves after it",
    services: [svc("x"), svc("w", "worker"), svc("q", "queue")],
    dependencies: "q->w, w->x",
    waves: { x: 1, w: 2, q: 3 },
  },
  {
    name: "services in a cycle move together, their dependents after them",
    services: [svc("billing"), svc("ledger"), svc("invoices")],
    dependencies: "billing->ledger, ledger->billing, invoices->billing",
    waves: { billing: 1, ledger: 1, invoices: 2 },
  },
  {
    name: "a cycle waits for what any of its members depends on",
    services: [svc("a"), svc("b"), svc("c")],
    dependencies: "a->b, b->a, b->c",
    waves: { c: 1, a: 2, b: 2 },
  },
  {
    name: "a call cycle through a datastore is ordered, not grouped",
    services: [svc("api"), svc("db", "datastore")],
    dependencies: "api->db, db->api",
    waves: { api: 1, db: 2 },
  },
  {
    name: "a cycle among infrastructure moves together after the applications",
    services: [svc("app"), svc("db1", "datastore"), svc("db2", "datastore")],
    dependencies: "app->db1, db1->db2, db2->db1",
    waves: { app: 1, db1: 2, db2: 2 },
  },
  {
    name: "unknown services and self-dependencies carry no order",
    services: [svc("a"), svc("b")],
    dependencies: "a->a, a->ghost, ghost->b, b->a",
    waves: { a: 1, b: 2 },
  },
];

describe("planWaves: ordering rules", () => {
  it.each(cases)("$name", ({ services, dependencies, waves }) => {
    const plan = planWaves({ services, dependencies: deps(dependencies) });
    expect(wavesByService(plan)).toEqual(waves);
    expect(plan.violations).toEqual([]);
    // Tightness: with no pins and no capacity, the plan has exactly as many waves as the critical path.
    expect(plan.waves).toHaveLength(plan.criticalPath.length);
  });

  it("reports each cycle by name and proposes it as one slice", () => {
    const plan = planWaves({
      services: [svc("billing"), svc("ledger"), svc("invoices"), svc("cart"), svc("stock")],
      dependencies: deps("billing->ledger, ledger->billing, invoices->billing, cart->stock, stock->cart"),
    });
    expect(plan.cycles).toEqual([["billing", "ledger"], ["cart", "stock"]]);
    expect(sliceOf(plan, "ledger")).toMatchObject({ id: "new:billing", services: ["billing", "ledger"], reason: "cycle with ledger: moves together" });
  });

  it("merges two cycles that share a service into one group", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b"), svc("c"), svc("d")],
      dependencies: deps("a->b, b->a, b->c, c->b, d->c"),
    });
    expect(plan.cycles).toEqual([["a", "b", "c"]]);
    expect(sliceOf(plan, "a").services).toEqual(["a", "b", "c"]);
    expect(sliceOf(plan, "a").reason).toBe("cycle with b, c: moves together");
    expect(waveOf(plan, "d")).toBe(2);
  });

  it("names no cycle for a call cycle through shared infrastructure", () => {
    const plan = planWaves({ services: [svc("api"), svc("auth", "api", "id", { shared: true })], dependencies: deps("api->auth, auth->api") });
    expect(plan.cycles).toEqual([]);
  });
});

describe("planWaves: critical path and tightness", () => {
  it("follows the longest application chain, then the infrastructure levels", () => {
    const plan = planWaves({
      services: [svc("a"), svc("b"), svc("c"), svc("x"), svc("db", "datastore"), svc("index", "datastore")],
      dependencies: deps("a->b, b->c, x->c, a->index, index->db"),
    });
    expect(plan.criticalPath).toEqual(["c", "b", "a", "db", "index"]);
    expect(plan.waves.map((wave) => wave.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it("counts a cycle as one step of the path", () => {
    const plan = planWaves({
      services: [svc("top"), svc("p"), svc("q"), svc("leaf")],
      dependencies: deps("top->p, p->q, q->p, q->leaf"),
    });
    expect(plan.criticalPath).toEqual(["leaf", "q", "top"]);
    expect(plan.waves).toHaveLength(3);
  });

  it("names the service of a multi-service slice that links the chain", () => {
    const plan = planWaves({
      services: [svc("alpha"), svc("zed"), svc("top")],
      dependencies: deps("top->zed"),
      slices: [{ id: "s", name: "s", team: "core", serviceIds: ["alpha", "zed"] }],
    });
    expect(plan.criticalPath).toEqual(["zed", "top"]);
  });

  it("is the fewest waves even when the plan has more (capacity)", () => {
    const services = [svc("a", "api", "t"), svc("b", "api", "t"), svc("c", "api", "t")];
    const plan = planWaves({ services, dependencies: [], options: { capacityPerTeam: 1 } });
    expect(plan.waves).toHaveLength(3);
    expect(plan.criticalPath).toHaveLength(1);
  });

  it("is empty for an empty programme, as is the rest of the plan", () => {
    expect(planWaves({ services: [], dependencies: [] })).toEqual({ waves: [], cycles: [], violations: [], criticalPath: [] });
  });
});

describe("planWaves: reasons", () => {
  const plan = planWaves({
    services: [svc("web", "web"), svc("payments"), svc("ledger"), svc("mailer", "worker"), svc("orders-db", "datastore"), svc("cache", "cache")],
    dependencies: deps("web->payments, payments->ledger, payments->orders-db, mailer->orders-db, cache->orders-db"),
  });

  it.each([
    ["ledger", "leaf: depends on no other service"],
    ["payments", "after ledger (wave 1), which it depends on"],
    ["mailer", "depends only on shared infrastructure, which moves after it"],
    ["orders-db", "shared infrastructure: after its 2 users"],
    ["cache", "shared infrastructure: after orders-db (wave 4), which it depends on"],
  ])("%s: %s", (service, reason) => {
    expect(sliceOf(plan, service).reason).toBe(reason);
  });
});
