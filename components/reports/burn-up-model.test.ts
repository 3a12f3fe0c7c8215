import { describe, expect, it } from "vitest";
import type { Forecast } from "@/lib/reports/types";
import { burnUpModel, tickCount } from "./burn-up-model";
import { testReport } from "./test-report";

const DAY = 86_400_000;
const none: Forecast = { status: "insufficient_history", target: "live", weeksOfHistory: 0, weeksNeeded: 3 };

describe("the burn-up chart's geometry", () => {
  it("draws nothing without a week", () => {
    expect(burnUpModel([], { live: none, done: { ...none, target: "done" } }, "2027-03-31")).toBeNull();
  });

  it("spans from the first week's Monday past the latest of the last week, the fans and the target", () => {
    const report = testReport();
    const model = burnUpModel(report.burnUp, report.forecast, "2027-03-31")!;
    expect(model.start).toBe(new Date(report.burnUp[0].end).getTime() - 7 * DAY);
    // The live forecast's P95 (19 Apr 2027) is later than the target: the axis reaches past it.
    expect(model.end).toBeGreaterThan(Date.parse("2027-04-19"));
    expect(model.scope.map((p) => p.v)).toEqual([11, 11, 11, 11, 11, 12]);
    expect(model.live.at(-1)).toEqual({ t: Date.parse(report.burnUp.at(-1)!.end), v: 5 });
    expect(model.yMax).toBeCloseTo(13.2);
    expect(model.scopeAhead).toEqual([model.scope.at(-1), { t: model.end, v: 12 }]);
    expect(model.target).toBe(Date.parse("2027-03-31"));
  });

  it("draws a fan only for a forecast with dates, from the line's last value up to the scope", () => {
    const report = testReport();
    const model = burnUpModel(report.burnUp, report.forecast, null)!;
    expect(model.fans).toEqual([{ target: "live", from: model.live.at(-1), level: 12, p50: Date.parse("2027-02-08"), p85: Date.parse("2027-03-22"), p95: Date.parse("2027-04-19") }]);
    expect(model.target).toBeNull();
  });

  it("reaches the target when it is the latest mark", () => {
    const report = testReport();
    const model = burnUpModel(report.burnUp, { live: none, done: { ...none, target: "done" } }, "2027-06-30")!;
    expect(model.fans).toEqual([]);
    expect(model.end).toBeGreaterThan(Date.parse("2027-06-30"));
  });

  it("keeps the y axis at least 1 high (plus headroom) for an empty programme's weeks", () => {
    const model = burnUpModel([{ week: "2026-W47", end: "2026-11-23T00:00:00.000Z", scope: 0, live: 0, done: 0 }], { live: none, done: { ...none, target: "done" } }, null)!;
    expect(model.yMax).toBeCloseTo(1.1);
  });

  it.each([
    [240, 3],
    [680, 10],
    [1200, 18],
  ])("%d px wide gets %d x-axis labels", (width, count) => expect(tickCount(width)).toBe(count));
});
