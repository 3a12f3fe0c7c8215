import { describe, expect, it } from "vitest";
import { blockedSlices, type BlockingSliceInput } from "./blocking";
import { deps, svc } from "./test-support";
import type { SliceStatus } from "./types";

const slice = (id: string, team: string | null, serviceIds: string[], wave: number | null, status: SliceStatus): BlockingSliceInput => ({ id, name: id, team, serviceIds, wave, status });
const ref = (id: string, team: string | null, wave: number, status: SliceStatus) => ({ id, name: id, team, wave, status });

const services = [svc("web", "web", "shop"), svc("api", "api", "pay"), svc("leaf", "api", "pay"), svc("db", "datastore", "data"), svc("search", "api", "find")];
const dependencies = deps("web->api, web->search, api->leaf, api->db");

describe("blockedSlices", () => {
  it("blocks a slice while a slice it waits for is not live, grouped by the team waited on", () => {
    const result = blockedSlices({
      services,
      dependencies,
      slices: [
        slice("s-leaf", "pay", ["leaf"], 1, "live"),
        slice("s-api", "pay", ["api"], 2, "preparing"),
        slice("s-search", "find", ["search"], 1, "parallel_run"),
        slice("s-web", "shop", ["web"], 3, "planned"),
        slice("s-db", "data", ["db"], 4, "planned"),
      ],
    });
    const api = ref("s-api", "pay", 2, "preparing");
    const search = ref("s-search", "find", 1, "parallel_run");
    expect(result.blocked).toEqual([
      { ...ref("s-web", "shop", 3, "planned"), waitsOn: [search, api] },
      // Shared infrastructure waits for its users: they move first.
      { ...ref("s-db", "data", 4, "planned"), waitsOn: [api] },
    ]);
    expect(result.byTeam).toEqual([
      { team: "find", waiting: [{ ...ref("s-web", "shop", 3, "planned"), waitsOn: [search] }] },
      {
        team: "pay",
        waiting: [
          { ...ref("s-web", "shop", 3, "planned"), waitsOn: [api] },
          { ...ref("s-db", "data", 4, "planned"), waitsOn: [api] },
        ],
      },
    ]);
  });

  it.each<{ name: string; slices: BlockingSliceInput[] }>([
    {
      name: "what it waits for is live or done",
      slices: [slice("s-api", "pay", ["api"], 1, "done"), slice("s-web", "shop", ["web"], 2, "planned")],
    },
    {
      name: "the slice itself is already live",
      slices: [slice("s-api", "pay", ["api"], 1, "planned"), slice("s-web", "shop", ["web"], 2, "live")],
    },
    {
      name: "the dependency is planned in the same or a later wave (a plan violation, not a wait)",
      slices: [slice("s-api", "pay", ["api"], 2, "planned"), slice("s-web", "shop", ["web"], 2, "planned")],
    },
    {
      name: "either slice is in no wave yet",
      slices: [slice("s-api", "pay", ["api"], null, "planned"), slice("s-web", "shop", ["web"], 2, "planned")],
    },
    {
      name: "the dependency is in the same slice",
      slices: [slice("s-both", "pay", ["api", "web"], 1, "planned")],
    },
  ])("does not block when $name", ({ slices }) => {
    expect(blockedSlices({ services, dependencies, slices })).toEqual({ blocked: [], byTeam: [] });
  });

  it("does not count an application as waiting for the infrastructure it uses", () => {
    const slices = [slice("s-db", "data", ["db"], 1, "planned"), slice("s-api", "pay", ["api"], 2, "planned")];
    expect(blockedSlices({ services, dependencies, slices }).blocked).toEqual([]);
  });

  it("lists slices waited on that have no team last", () => {
    const slices = [slice("s-api", null, ["api"], 1, "planned"), slice("s-search", "find", ["search"], 1, "planned"), slice("s-web", "shop", ["web"], 2, "planned")];
    expect(blockedSlices({ services, dependencies, slices }).byTeam.map((group) => group.team)).toEqual(["find", null]);
  });
});
