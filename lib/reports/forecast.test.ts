import { describe, expect, it } from "vitest";
import { forecast, HORIZON_WEEKS, TRIALS, type ForecastInput } from "./forecast";
import { hashSeed, mulberry32 } from "./prng";

const input = (over: Partial<ForecastInput> = {}): ForecastInput => ({
  target: "live",
  remaining: 10,
  scope: 20,
  throughput: [2, 2, 2, 2],
  baseWeek: "2026-W47",
  targetDate: null,
  seedKey: "prog-1",
  finishedBy: null,
  ...over,
});

describe("the Monte Carlo forecast", () => {
  it("finishes a steady pace in exactly the weeks it needs", () => {
    const f = forecast(input({ targetDate: "2026-12-27" }));
    // 10 left at 2 a week: 5 weeks after W47 is W52, whose Sunday is 27 December.
    expect(f).toMatchObject({ status: "forecast", trials: TRIALS, remaining: 10, weeksSampled: 4, dates: { p50: "2026-12-27", p85: "2026-12-27", p95: "2026-12-27" }, chanceByTarget: 1 });
    expect(forecast(input({ targetDate: "2026-12-26" }))).toMatchObject({ chanceByTarget: 0 });
  });

  it("runs at least ten thousand trials and orders its percentiles", () => {
    const f = forecast(input({ remaining: 40, throughput: [0, 3, 1, 0, 5, 2, 0, 4] }));
    if (f.status !== "forecast") throw new Error(f.status);
    expect(f.trials).toBeGreaterThanOrEqual(10_000);
    expect(f.dates.p50 <= f.dates.p85 && f.dates.p85 <= f.dates.p95).toBe(true);
    expect(f.dates.p50 < f.dates.p95).toBe(true);
  });

  it("is the same for the same programme and week, and draws other numbers for another", () => {
    const i = input({ remaining: 40, throughput: [0, 3, 1, 0, 5, 2, 0, 4], targetDate: "2027-03-01" });
    expect(forecast(i)).toEqual(forecast(i));
    const other = forecast({ ...i, seedKey: "prog-2" });
    const same = forecast(i);
    if (other.status !== "forecast" || same.status !== "forecast") throw new Error("expected forecasts");
    expect(other.seed).not.toBe(same.seed);
  });

  it("takes longer when scope is added, rather than hiding it", () => {
    const before = forecast(input({ remaining: 10, throughput: [1, 3, 2, 0, 2] }));
    const after = forecast(input({ remaining: 16, scope: 26, throughput: [1, 3, 2, 0, 2] }));
    if (before.status !== "forecast" || after.status !== "forecast") throw new Error("expected forecasts");
    expect(after.dates.p50 > before.dates.p50).toBe(true);
    expect(after.dates.p95 > before.dates.p95).toBe(true);
  });

  it("counts zero weeks: they slow the forecast down", () => {
    const busy = forecast(input({ throughput: [2, 2, 2, 2] }));
    const idle = forecast(input({ throughput: [2, 0, 2, 0, 2, 0, 2, 0] }));
    if (busy.status !== "forecast" || idle.status !== "forecast") throw new Error("expected forecasts");
    expect(idle.weeksSampled).toBe(8);
    expect(idle.dates.p50 > busy.dates.p50).toBe(true);
  });

  it("samples only the last eight weeks", () => {
    const f = forecast(input({ throughput: [50, 50, 1, 1, 1, 1, 1, 1, 1, 1] }));
    expect(f).toMatchObject({ status: "forecast", weeksSampled: 8, throughput: [1, 1, 1, 1, 1, 1, 1, 1] });
  });

  it("says there is too little history below three weeks instead of inventing a date", () => {
    expect(forecast(input({ throughput: [5, 5] }))).toEqual({ status: "insufficient_history", target: "live", weeksOfHistory: 2, weeksNeeded: 3 });
  });

  it("says there is no pace when nothing finished, or too few trials finish within the horizon", () => {
    expect(forecast(input({ throughput: [0, 0, 0] }))).toMatchObject({ status: "no_pace", remaining: 10 });
    expect(forecast(input({ remaining: 2000, throughput: [0, 0, 0, 0, 0, 0, 0, 1] }))).toMatchObject({ status: "no_pace" });
    expect(HORIZON_WEEKS).toBe(520);
  });

  it("reports a finished line with its day", () => {
    expect(forecast(input({ remaining: 0, finishedBy: "2026-11-08" }))).toEqual({ status: "finished", target: "live", finishedBy: "2026-11-08" });
  });
});

describe("the generator", () => {
  it("is mulberry32: the same sequence for a seed, floats in [0, 1)", () => {
    const a = mulberry32(hashSeed("x"));
    const b = mulberry32(hashSeed("x"));
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    // Known first output of mulberry32 seeded with 0 (the reference implementation's).
    expect(mulberry32(0)()).toBeCloseTo(0.26642920868471265, 12);
    expect(hashSeed("")).toBe(0x811c9dc5);
  });
});
