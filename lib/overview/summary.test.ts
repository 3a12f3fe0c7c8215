import { describe, expect, it } from "vitest";
import { summariseOverview, type OverviewInput } from "./summary";

const wave = (id: string, number: number) => ({ id, number, name: null, goal: null, plannedStart: null, plannedEnd: null });

describe("summariseOverview", () => {
  it("is all zeros for an empty programme", () => {
    const o = summariseOverview({ slices: [], sliceLoad: [], waves: [] });
    expect(o.slices.total).toBe(0);
    expect(o.services).toEqual({ total: 0, migrated: 0, unsliced: 0 });
    expect(o.trafficShare).toBeNull();
    expect(o.waves).toEqual([]);
  });

  it("counts services in live and done slices as migrated, and unsliced ones apart", () => {
    const input: OverviewInput = {
      slices: [
        { id: "a", status: "done", stage: "100", waveId: "w1" },
        { id: "b", status: "live", stage: "100", waveId: "w1" },
        { id: "c", status: "shifting", stage: "10", waveId: "w2" },
      ],
      sliceLoad: [
        { sliceId: "a", services: 2, peakRps: 100 },
        { sliceId: "b", services: 1, peakRps: 0 },
        { sliceId: "c", services: 3, peakRps: 300 },
        { sliceId: null, services: 4, peakRps: 600 },
      ],
      waves: [wave("w2", 2), wave("w1", 1)],
    };
    const o = summariseOverview(input);
    expect(o.services).toEqual({ total: 10, migrated: 3, unsliced: 4 });
    expect(o.slices.finished).toBe(2);
    expect(o.slices.byStatus.shifting).toBe(1);
    // 100 rps fully served + 10% of 300 = 130 of 1000.
    expect(o.trafficShare).toBeCloseTo(0.13);
    expect(o.waves.map((w) => [w.number, w.slices, w.finished])).toEqual([
      [1, 2, 2],
      [2, 1, 0],
    ]);
  });

  it("serves no real traffic while mirroring", () => {
    const o = summariseOverview({
      slices: [{ id: "m", status: "parallel_run", stage: "mirror", waveId: null }],
      sliceLoad: [{ sliceId: "m", services: 1, peakRps: 50 }],
      waves: [],
    });
    expect(o.trafficShare).toBe(0);
  });
});
