import { describe, expect, it } from "vitest";
import { neighbourhood } from "./focus";

// 0 depends on 1, 1 on 2, 2 on 3; 4 depends on 1; 5 is an island.
const edges = { from: Int32Array.from([0, 1, 2, 4]), to: Int32Array.from([1, 2, 3, 1]) };

describe("neighbourhood", () => {
  it("walks upstream: what the service depends on, to the depth asked", () => {
    expect([...neighbourhood(6, edges, 1, 1, "up")]).toEqual([-1, 0, 1, -1, -1, -1]);
    expect([...neighbourhood(6, edges, 1, 5, "up")]).toEqual([-1, 0, 1, 2, -1, -1]);
  });

  it("walks downstream: what depends on it, the blast radius", () => {
    expect([...neighbourhood(6, edges, 2, 1, "down")]).toEqual([-1, 1, 0, -1, -1, -1]);
    expect([...neighbourhood(6, edges, 2, 2, "down")]).toEqual([2, 1, 0, -1, 2, -1]);
  });

  it("walks both ways, each service at its shortest distance", () => {
    expect([...neighbourhood(6, edges, 1, 1, "both")]).toEqual([1, 0, 1, -1, 1, -1]);
    // 4 is reached downstream of 1 and then 0 is a sibling, not a neighbour of 4 within 1 hop.
    expect([...neighbourhood(6, edges, 4, 2, "both")]).toEqual([2, 1, 2, -1, 0, -1]);
  });

  it("survives cycles and an island, and an unknown start", () => {
    const cyc = { from: Int32Array.from([0, 1]), to: Int32Array.from([1, 0]) };
    expect([...neighbourhood(3, cyc, 0, 6, "both")]).toEqual([0, 1, -1]);
    expect([...neighbourhood(3, cyc, 2, 3, "both")]).toEqual([-1, -1, 0]);
    expect([...neighbourhood(3, cyc, 9, 3, "both")]).toEqual([-1, -1, -1]);
  });
});
