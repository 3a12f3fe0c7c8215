import { describe, expect, it } from "vitest";
import type { Stage } from "@/lib/slices/stages";
import { compareReading, type StoredReading } from "./record";

const at = new Date("2026-12-01T10:00:00Z");
const reading = (weight: number, over: Partial<StoredReading> = {}): StoredReading => ({ sourceKind: "Rollout", weight, phase: "Paused", healthy: true, createdAt: at, ...over });

describe("the latest reading against the record", () => {
  it.each([
    [10, "10", true],
    [30, "10", true],
    [0, "0", true],
    [0, "mirror", true],
    [100, "100", true],
    [50, "10", false],
    [100, "50", false],
    [0, "10", false],
    [5, "10", false],
  ] as const)("%i%% read, %s recorded: agrees %s", (weight, stage, agrees) => {
    expect(compareReading(reading(weight), stage as Stage).agrees).toBe(agrees);
  });

  it("says plainly which way it disagrees and what to do", () => {
    expect(compareReading(reading(50), "10").text).toBe(
      "The Rollout serves more than Ferry records: 50% of traffic on the new path, but the slice is recorded at 10%. Move the slice to 50% (its gates apply), or turn the rollout back.",
    );
    expect(compareReading(reading(0), "10").text).toBe("The Rollout serves less than Ferry records: 0% of traffic on the new path, but the slice is recorded at 10%. If traffic was turned back outside Ferry, record the rollback.");
    expect(compareReading(reading(10), "10").text).toBe("The Rollout agrees with Ferry's record: 10% of traffic on the new path, recorded at 10%.");
  });

  it("never calls an unhealthy rollout in agreement", () => {
    const c = compareReading(reading(10, { healthy: false, phase: "Degraded" }), "10");
    expect(c.agrees).toBe(false);
    expect(c.text).toMatch(/^The Rollout reported itself unhealthy \(Degraded\)/);
  });

  it("says when the stage moved after the reading", () => {
    expect(compareReading(reading(10), "50", new Date("2026-12-01T11:00:00Z")).text).toMatch(/The stage has changed since this reading/);
    expect(compareReading(reading(10), "50", new Date("2026-12-01T09:00:00Z")).text).not.toMatch(/changed since/);
  });
});
