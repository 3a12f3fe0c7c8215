import { describe, expect, it } from "vitest";
import { moveBreaks, placementViolations, sliceBounds, type PlacedSlice } from "./placement";
import { deps, svc } from "./test-support";

// web -> api -> leaf; api uses db (infrastructure, so db moves after api); a <-> b is a cycle.
const services = [svc("web"), svc("api"), svc("leaf"), svc("db", "datastore"), svc("a"), svc("b")];
const dependencies = deps("web->api, api->leaf, api->db, a->b, b->a");
const slice = (id: string, serviceIds: string[], wave: number | null): PlacedSlice => ({ id, name: id, serviceIds, wave });
const DEFAULT_WAVES: Record<string, number | null> = { leaf: 1, api: 2, web: 3, db: 4, a: 1, b: 1 };
const placed = (waves: Record<string, number | null>) => {
  const at = { ...DEFAULT_WAVES, ...waves };
  return Object.keys(DEFAULT_WAVES).map((name) => slice(`S-${name}`, [name], at[name]));
};

describe("sliceBounds", () => {
  it("gives each slice the range between what it follows and what follows it", () => {
    const bounds = sliceBounds({ services, dependencies, slices: placed({}) });
    expect(bounds.get("S-api")).toMatchObject({ earliest: 2, latest: 2, earliestBy: { slice: "S-leaf", wave: 1, service: "api", other: "leaf" }, latestBy: { slice: "S-web", wave: 3 } });
    expect(bounds.get("S-leaf")).toMatchObject({ earliest: 1, latest: 1, earliestBy: null });
    expect(bounds.get("S-web")).toMatchObject({ earliest: 3, latest: null, latestBy: null });
    // Infrastructure follows its users: db may not move before api's wave + 1.
    expect(bounds.get("S-db")).toMatchObject({ earliest: 3, latest: null, earliestBy: { slice: "S-api" } });
  });

  it("pins the halves of a cycle split across slices to one wave", () => {
    const bounds = sliceBounds({ services, dependencies, slices: placed({ a: 2, b: 2 }) });
    expect(bounds.get("S-a")).toMatchObject({ earliest: 2, latest: 2 });
  });

  it("ignores slices in no wave", () => {
    const bounds = sliceBounds({ services, dependencies, slices: placed({ leaf: null }) });
    expect(bounds.get("S-api")?.earliest).toBe(1);
  });
});

describe("moveBreaks", () => {
  it("is empty for a move inside the bounds", () => {
    expect(moveBreaks({ services, dependencies, slices: placed({ web: 3 }) }, "S-web", 5)).toEqual({ mustFollow: [], mustPrecede: [] });
  });

  it("names the slices a move ahead of its dependencies breaks with", () => {
    const result = moveBreaks({ services, dependencies, slices: placed({}) }, "S-api", 1);
    expect(result.mustFollow).toEqual([{ sliceId: "S-leaf", slice: "S-leaf", wave: 1, service: "api", other: "leaf" }]);
    expect(result.mustPrecede).toEqual([]);
  });

  it("names the slices that must follow a slice moved too late", () => {
    const result = moveBreaks({ services, dependencies, slices: placed({}) }, "S-api", 4);
    expect(result.mustPrecede.map((link) => link.slice)).toEqual(["S-web", "S-db"]);
  });
});

describe("placementViolations", () => {
  it("reports nothing for an ordered placement", () => {
    expect(placementViolations({ services, dependencies, slices: placed({}) })).toEqual([]);
  });

  it("reports each broken pair once, saying who depends on whom", () => {
    const violations = placementViolations({ services, dependencies, slices: placed({ leaf: 2, db: 2, a: 1, b: 2 }) });
    expect(violations.map((v) => v.message)).toEqual([
      "slice S-a (wave 1) must move after S-b (wave 2): a depends on b",
      "slice S-api (wave 2) must move after S-leaf (wave 2): api depends on leaf",
      "slice S-b (wave 2) must move after S-a (wave 1): b depends on a",
      "slice S-db (wave 2) must move after S-api (wave 2): db is used by api",
    ]);
    expect(violations.every((v) => v.kind === "order")).toBe(true);
  });
});
