import { describe, expect, it } from "vitest";
import { diffInventory, summarizeDiff } from "./diff";
import { completeService, type Inventory } from "./model";
import { parseBackstageCatalog } from "./backstage";
import { parseServicesCsv } from "./csv";
import { parseFerryJson } from "./ferry-json";
import { fixture } from "./fixtures/load";

const current: Inventory = {
  teams: [
    { name: "payments", contactChannel: "#pay" },
    { name: "old-team", contactChannel: null },
  ],
  services: [
    completeService({ name: "orders", team: "payments", tier: 2, tags: ["a", "b"], description: "Orders" }),
    completeService({ name: "auth", team: "payments", shared: true }),
    completeService({ name: "legacy", team: "old-team" }),
  ],
  dependencies: [
    { from: "orders", to: "auth", kind: "sync" },
    { from: "orders", to: "legacy", kind: "data" },
    { from: "legacy", to: "auth", kind: "sync" },
  ],
};

const incoming: Inventory = {
  teams: [{ name: "payments", contactChannel: "#payments" }, { name: "identity" }],
  services: [
    { name: "orders", team: "payments", tier: 1, tags: ["b", "a"] }, // description not described
    { name: "auth", shared: true },
    { name: "new-svc", team: "identity" },
  ],
  dependencies: [
    { from: "orders", to: "auth", kind: "async" },
    { from: "new-svc", to: "orders", kind: "sync" },
  ],
};

describe("diffInventory", () => {
  const diff = diffInventory(current, incoming);

  it("sorts services into create, update (changed fields only), unchanged and removal candidates", () => {
    expect(diff.services).toEqual({
      create: [{ name: "new-svc", team: "identity" }],
      update: [{ name: "orders", changes: [{ field: "tier", from: 2, to: 1 }] }],
      unchanged: ["auth"],
      remove: ["legacy"],
    });
  });

  it("does the same for teams", () => {
    expect(diff.teams).toEqual({
      create: [{ name: "identity" }],
      update: [{ name: "payments", changes: [{ field: "contactChannel", from: "#pay", to: "#payments" }] }],
      unchanged: [],
      remove: ["old-team"],
    });
  });

  it("does the same for dependencies, leaving edges of absent services to go with them", () => {
    expect(diff.dependencies).toEqual({
      create: [{ from: "new-svc", to: "orders", kind: "sync" }],
      update: [{ from: "orders", to: "auth", changes: [{ field: "kind", from: "sync", to: "async" }] }],
      unchanged: [],
      remove: [{ from: "orders", to: "legacy", kind: "data" }],
    });
    expect(summarizeDiff(diff)).toEqual({ created: 3, updated: 3, unchanged: 1, removable: 3 });
  });

  it("treats null as a change (clear) and undefined as no statement", () => {
    const d = diffInventory(current, { ...incoming, services: [{ name: "orders", description: null, tags: [] }] });
    expect(d.services.update).toEqual([
      {
        name: "orders",
        changes: [
          { field: "description", from: "Orders", to: null },
          { field: "tags", from: ["a", "b"], to: [] },
        ],
      },
    ]);
  });

  it("creates a team that a service names even when the file lists no team entry", () => {
    const d = diffInventory(current, { teams: [], services: [{ name: "x", team: "ghost-team" }], dependencies: [] });
    expect(d.teams.create).toEqual([{ name: "ghost-team" }]);
  });

  it("lists team and dependency removals only where the file speaks for them", () => {
    const d = diffInventory(current, { ...incoming, coverage: { teams: false, dependencies: false } });
    expect(d.teams.remove).toEqual([]);
    expect(d.dependencies.remove).toEqual([]);
    expect(d.services.remove).toEqual(["legacy"]); // services are always listed
  });

  it("finds nothing to do between a programme and itself", () => {
    const d = diffInventory(current, current);
    expect(summarizeDiff(d)).toEqual({ created: 0, updated: 0, unchanged: 3 + 2 + 3, removable: 0 });
  });

  it.each([
    ["a Backstage catalog", () => parseBackstageCatalog(fixture("catalog.yaml")).inventory],
    ["a CSV", () => parseServicesCsv(fixture("services.csv"), ["legacy-billing"]).inventory],
    ["a Ferry JSON backup", () => parseFerryJson(fixture("programme.ferry.json")).inventory],
  ])("re-importing %s changes nothing", (_, read) => {
    const file = read();
    // What an apply into an empty programme would store: every created service completed with defaults.
    const first = diffInventory({ teams: [], services: [], dependencies: [] }, file);
    const stored: Inventory = {
      teams: first.teams.create.map((t) => ({ name: t.name, contactChannel: t.contactChannel ?? null })),
      services: first.services.create.map(completeService),
      dependencies: first.dependencies.create,
    };
    const again = summarizeDiff(diffInventory(stored, file));
    expect(again).toMatchObject({ created: 0, updated: 0, removable: 0 });
    expect(again.unchanged).toBe(file.services.length + stored.teams.length + file.dependencies.length);
  });

  // Its speed is measured by `npm run bench` (inventory_diff), not here: a timed assertion
  // fails on a busy machine without the code being any slower.
  it("diffs 5,000 services and 15,000 dependencies correctly", () => {
    const n = 5000;
    const name = (i: number) => `svc-${i}`;
    const big = (tierOf: (i: number) => number): Inventory => ({
      teams: Array.from({ length: 50 }, (_, t) => ({ name: `team-${t}`, contactChannel: null })),
      services: Array.from({ length: n }, (_, i) => completeService({ name: name(i), team: `team-${i % 50}`, tier: tierOf(i), tags: ["x", "y"] })),
      dependencies: Array.from({ length: 3 * n }, (_, k) => ({ from: name(Math.floor(k / 3)), to: name((Math.floor(k / 3) + 1 + (k % 3)) % n), kind: "sync" as const })),
    });
    const a = big(() => 3);
    const b = big((i) => (i % 10 === 0 ? 1 : 3));
    const d = diffInventory(a, b);
    expect(d.services.update).toHaveLength(n / 10);
    expect(d.services.unchanged).toHaveLength(n - n / 10);
    expect(d.dependencies.unchanged).toHaveLength(3 * n);
  });
});

describe("lists as sets", () => {
  it("treats a duplicate entry the programme holds as no change", () => {
    const current = { teams: [], services: [{ name: "a", tags: ["x", "x", "y"] }], dependencies: [] };
    expect(diffInventory(current, { teams: [], services: [{ name: "a", tags: ["y", "x"] }], dependencies: [] }).services.unchanged).toEqual(["a"]);
    expect(diffInventory(current, { teams: [], services: [{ name: "a", tags: ["x", "z"] }], dependencies: [] }).services.update).toHaveLength(1);
  });
});
