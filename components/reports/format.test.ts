import { describe, expect, it } from "vitest";
import type { AttentionReason, Forecast } from "@/lib/reports/types";
import { forecastHeadline, forecastSentence, formatChance, formatDay, reasonText, teamsWaitedOn } from "@/lib/reports/words";
import { countChange, shareChange, weekDays, weekLabel } from "./format";

describe("changes since last week", () => {
  it.each([
    [{ value: 5, previous: 3 }, "up", "up 2 since last week"],
    [{ value: 3, previous: 5 }, "down", "down 2 since last week"],
    [{ value: 4, previous: 4 }, "same", "no change since last week"],
  ])("%j -> %s, %s", (change, direction, text) => expect(countChange(change)).toEqual({ direction, text }));

  it.each([
    [{ value: 0.42, previous: 0.35 }, { direction: "up", text: "up 7 points since last week" }],
    [{ value: 0.35, previous: 0.36 }, { direction: "down", text: "down 1 point since last week" }],
    // Shares that round to the same whole percent shown did not change as far as the reader sees.
    [{ value: 0.421, previous: 0.419 }, { direction: "same", text: "no change since last week" }],
    [{ value: 0.1, previous: null }, { direction: "same", text: "no figure last week" }],
    [{ value: null, previous: 0.2 }, null],
  ])("share %j", (change, expected) => expect(shareChange(change)).toEqual(expected));
});

describe("dates and weeks", () => {
  it("formats days and instants as the UTC day", () => {
    expect(formatDay("2027-03-31")).toBe("31 Mar 2027");
    expect(formatDay("2026-11-19T23:30:00.000Z")).toBe("19 Nov 2026");
    expect(formatDay(null)).toBe("—");
  });

  it("labels ISO weeks by their week-numbering year", () => {
    expect(weekLabel("2026-W47")).toBe("Week 47, 2026");
    expect(weekLabel("2027-W01")).toBe("Week 1, 2027");
  });

  it("names a week's days in its time zone, the end being exclusive", () => {
    expect(weekDays({ start: "2026-11-16T00:00:00.000Z", end: "2026-11-23T00:00:00.000Z", timeZone: "UTC" })).toBe("16 Nov – 22 Nov 2026");
    // Monday 00:00 in Auckland is Sunday 11:00 UTC the day before.
    expect(weekDays({ start: "2026-11-15T11:00:00.000Z", end: "2026-11-22T11:00:00.000Z", timeZone: "Pacific/Auckland" })).toBe("16 Nov – 22 Nov 2026");
    // A week across the year end is dated by its last day's year.
    expect(weekDays({ start: "2026-12-28T00:00:00.000Z", end: "2027-01-04T00:00:00.000Z", timeZone: "UTC" })).toBe("28 Dec – 3 Jan 2027");
  });
});

describe("the forecast in words", () => {
  const forecast = (over: Partial<Extract<Forecast, { status: "forecast" }>> = {}): Forecast => ({
    status: "forecast",
    target: "live",
    remaining: 7,
    weeksSampled: 6,
    throughput: [0, 1, 1, 0, 2, 2],
    trials: 10_000,
    seed: 1,
    dates: { p50: "2027-02-08", p85: "2027-03-22", p95: "2027-04-19" },
    chanceByTarget: 0.62,
    ...over,
  });

  it("gives the odds of finishing by the target first, then the percentile dates", () => {
    expect(forecastSentence(forecast(), "2027-03-31")).toBe(
      "At the current pace, 62% chance of every slice live (traffic fully moved) by 31 Mar 2027. Half the simulated futures reach it by 8 Feb 2027, 85% by 22 Mar 2027, 95% by 19 Apr 2027.",
    );
    expect(forecastHeadline(forecast(), "2027-03-31")).toBe("62% by 31 Mar 2027");
  });

  it("without a target, says so and gives the dates", () => {
    expect(forecastSentence(forecast({ chanceByTarget: null }), null)).toMatch(/^At the current pace, every slice live \(traffic fully moved\): no target date is set\. Half/);
    expect(forecastHeadline(forecast({ chanceByTarget: null }), null)).toBe("Likely 8 Feb 2027");
  });

  it("says there is too little history instead of inventing a date", () => {
    const f: Forecast = { status: "insufficient_history", target: "done", weeksOfHistory: 2, weeksNeeded: 3 };
    expect(forecastSentence(f, "2027-03-31")).toBe("Insufficient history to forecast every slice done (old path retired): 2 weeks recorded, 3 needed. No date is given rather than a guess.");
    expect(forecastHeadline(f, "2027-03-31")).toBe("Insufficient history");
    expect(forecastSentence({ ...f, weeksOfHistory: 1 }, null)).toContain("1 week recorded");
  });

  it("says when there is no pace and when it is finished", () => {
    expect(forecastSentence({ status: "no_pace", target: "done", remaining: 9, weeksSampled: 8 }, null)).toBe("No forecast for every slice done (old path retired): too little finished in the last 8 weeks for the 9 remaining to finish at this pace.");
    expect(forecastSentence({ status: "finished", target: "live", finishedBy: "2026-11-20" }, null)).toBe("Finished: every slice live (traffic fully moved) since 20 Nov 2026.");
  });

  it.each([
    [0.62, "62%"],
    [0.996, "over 99%"],
    [0.004, "under 1%"],
    [1, "100%"],
    [0, "0%"],
  ])("chance %d reads %s", (chance, text) => expect(formatChance(chance)).toBe(text));
});

describe("why a slice needs attention", () => {
  it.each([
    [{ kind: "blocked", waitingOn: [{ slice: "Payments API", team: "Payments" }, { slice: "Auth", team: "Identity" }] }, "Blocked: waits on Payments API (Payments), Auth (Identity)"],
    [{ kind: "planned_end_passed", plannedEnd: "2026-11-10" }, "Planned end 10 Nov 2026 has passed"],
    [{ kind: "no_progress", days: 16 }, "No progress for 16 days"],
    [{ kind: "rolled_back_twice", rollbacks: 2 }, "Rolled back 2 times"],
    [{ kind: "gate_open_past_wave_start", openGateItems: 1, waveStart: "2026-11-02" }, "1 gate item still open; the wave started 2 Nov 2026"],
  ] satisfies [AttentionReason, string][])("%j", (reason, text) => expect(reasonText(reason)).toBe(text));

  it("lists the teams waited on once each", () => {
    expect(
      teamsWaitedOn([
        { kind: "blocked", waitingOn: [{ slice: "A", team: "Payments" }, { slice: "B", team: "Payments" }, { slice: "C", team: "Identity" }] },
        { kind: "no_progress", days: 20 },
      ]),
    ).toEqual(["Payments", "Identity"]);
  });
});
