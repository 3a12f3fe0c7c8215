import { describe, expect, it } from "vitest";
import { readHistory, SLICE_HISTORY_ACTIONS } from "./history";
import { buildWeeklyReport, detailSinceFor } from "./report";
import { at, NO_NOTES, scenarioEvents, scenarioInput } from "./test-history";

const report = (week: `${number}-W${string}`, input = scenarioInput()) => buildWeeklyReport(input, week, NO_NOTES);

describe("the weekly report", () => {
  it("gives the headline beside the end of the week before", () => {
    const r = report("2026-W45");
    expect(r.empty).toBeNull();
    expect(r.range).toEqual({ week: "2026-W45", start: "2026-11-02T00:00:00.000Z", end: "2026-11-09T00:00:00.000Z", timeZone: "UTC" });
    expect(r.headline).toEqual({
      slicesTotal: { value: 3, previous: 3 },
      slicesFinished: { value: 1, previous: 0 },
      slicesDone: { value: 1, previous: 0 },
      servicesTotal: { value: 4, previous: 4 },
      servicesMigrated: { value: 2, previous: 0 },
      // checkout serves 200 of 1,100 peak rps; a week before, 10% of its 200.
      trafficShare: { value: 0.1818, previous: 0.0182 },
    });
  });

  it("lists what moved: stage changes, completions, and rollbacks with reason, signal and value", () => {
    const { moved } = report("2026-W45");
    expect(moved.stageChanges.map((c) => [c.slice, c.from, c.to, c.kind])).toEqual([["checkout", "10", "50", "advance"], ["orders", "0", "mirror", "advance"], ["checkout", "50", "100", "advance"]]);
    expect(moved.completions.map((c) => [c.slice, c.status, c.at])).toEqual([["checkout", "live", "2026-11-04T10:00:00.000Z"], ["checkout", "done", "2026-11-06T10:00:00.000Z"]]);
    expect(moved.rollbacks).toEqual([{ at: "2026-11-05T09:00:00.000Z", sliceId: "B", slice: "orders", team: "fulfilment", from: "mirror", to: "0", reason: "p99 above the SLO", signal: "latency", observed: null }]);
    expect(report("2026-W44").moved.rollbacks[0]).toMatchObject({ reason: "5xx above 2%", signal: "error_rate", observed: "5.2% 5xx" });
  });

  it("shows a slice done then reopened: done falls back, nothing counts as completed", () => {
    const r = report("2026-W46");
    expect(r.headline.slicesDone).toEqual({ value: 0, previous: 1 });
    expect(r.headline.slicesFinished).toEqual({ value: 1, previous: 1 });
    expect(r.moved.completions).toEqual([]);
    expect(r.waves.find((w) => w.number === 1)).toMatchObject({ finished: { value: 1, previous: 1 }, done: 0 });
  });

  it("names scope added mid-week, and counts it in the headline", () => {
    const r = report("2026-W46");
    expect(r.scope).toEqual({ servicesAdded: ["ledger-api"], servicesRemoved: [], slicesAdded: ["ledger"], slicesRemoved: [] });
    expect(r.headline.slicesTotal).toEqual({ value: 4, previous: 3 });
  });

  it("reports a week with no events as unchanged", () => {
    const r = report("2026-W47");
    expect(r.moved).toEqual({ stageChanges: [], completions: [], rollbacks: [] });
    expect(r.scope).toEqual({ servicesAdded: [], servicesRemoved: [], slicesAdded: [], slicesRemoved: [] });
    for (const c of Object.values(r.headline)) expect(c.value).toBe(c.previous);
  });

  it("lists slices needing attention with every reason, new or carried over", () => {
    const r = report("2026-W45");
    expect(r.attention.map((a) => [a.slice, a.isNew, a.reasons.map((x) => x.kind)])).toEqual([
      ["orders", false, ["planned_end_passed", "rolled_back_twice", "gate_open_past_wave_start"]],
      ["search", false, ["blocked", "gate_open_past_wave_start"]],
    ]);
    expect(r.attention[1].reasons[0]).toEqual({ kind: "blocked", waitingOn: [{ slice: "orders", team: "fulfilment" }] });
    expect(r.attention[1].reasons[1]).toEqual({ kind: "gate_open_past_wave_start", openGateItems: 2, waveStart: "2026-11-02" });
    // The week before, checkout had passed its wave's planned end at 10%: new on the list then.
    expect(report("2026-W44").attention.find((a) => a.slice === "checkout")).toMatchObject({ isNew: true, reasons: [{ kind: "planned_end_passed", plannedEnd: "2026-10-25" }] });
  });

  it("flags a slice in progress with no progress for two weeks", () => {
    const r = report("2026-W47");
    expect(r.attention.find((a) => a.slice === "orders")?.reasons).toContainEqual({ kind: "no_progress", days: 17 });
  });

  it("lists next week's planned moves", () => {
    const r = report("2026-W46");
    // Wave 2 ends on Sunday 22 November, in W47.
    expect(r.nextWeek.map((m) => [m.slice, m.stage, m.nextStage, m.plannedEnd])).toEqual([["ledger", "0", "mirror", "2026-11-22"], ["search", "0", "mirror", "2026-11-22"]]);
  });

  it("gives facility readiness beside the week before, with the waves that need each", () => {
    expect(report("2026-W44").facilities).toEqual([
      { key: "ingress", name: "Ingress", status: "ready", previous: "in_progress", ownerTeam: "platform", requiredByWaves: [1, 2] },
      { key: "monitoring", name: "Monitoring", status: "in_progress", previous: "in_progress", ownerTeam: null, requiredByWaves: [2] },
    ]);
  });

  it("draws the burn-up from the first week to the report's", () => {
    expect(report("2026-W47").burnUp.map((p) => [p.week, p.scope, p.live, p.done])).toEqual([
      ["2026-W41", 3, 0, 0],
      ["2026-W42", 3, 0, 0],
      ["2026-W43", 3, 0, 0],
      ["2026-W44", 3, 0, 0],
      ["2026-W45", 3, 1, 1],
      ["2026-W46", 4, 1, 0],
      ["2026-W47", 4, 1, 0],
    ]);
  });

  it("forecasts from the weeks so far, and says when there are too few", () => {
    expect(report("2026-W42").forecast.live).toEqual({ status: "insufficient_history", target: "live", weeksOfHistory: 2, weeksNeeded: 3 });
    const live = report("2026-W47").forecast.live;
    expect(live).toMatchObject({ status: "forecast", remaining: 3, weeksSampled: 7, throughput: [0, 0, 0, 0, 1, 0, 0] });
    expect(report("2026-W47").forecast.done).toMatchObject({ status: "forecast", remaining: 4 });
  });

  it("draws the same forecast for the programme restored under another id, and others for another start", () => {
    const input = scenarioInput();
    const forecastOf = (i: typeof input) => JSON.stringify(buildWeeklyReport(i, "2026-W47", NO_NOTES).forecast);
    // A restore makes a new programme id: the forecast was seeded by the id and moved by a week.
    expect(forecastOf({ ...input, programme: { ...input.programme, id: "restored-elsewhere" } })).toBe(forecastOf(input));
    expect(forecastOf({ ...input, startedAt: input.startedAt + 1 })).not.toBe(forecastOf(input));
  });

  it("is the same report when issued twice, even after later events", () => {
    const first = JSON.stringify(report("2026-W45"));
    expect(JSON.stringify(report("2026-W45"))).toBe(first);
    // Later events do not change a past week: the current state moves with them.
    const later = [...scenarioEvents(), { id: 99, at: at("2026-11-24T10:00:00Z"), entityType: "slice", entityId: "C", action: "slice.stage_moved", before: { stage: "0", status: "planned" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } }];
    const current = scenarioInput().current;
    current.slices = current.slices.map((s) => (s.id === "C" ? { ...s, stage: "mirror", status: "parallel_run" } : s));
    expect(JSON.stringify(buildWeeklyReport(scenarioInput({ events: later, current }), "2026-W45", NO_NOTES))).toBe(first);
  });

  it("is empty, not an error, before the programme and for a future week", () => {
    expect(report("2026-W30")).toMatchObject({ empty: "before_programme", attention: [], burnUp: [], headline: { slicesTotal: { value: 0, previous: 0 } } });
    expect(report("2027-W10")).toMatchObject({ empty: "future_week", moved: { stageChanges: [] } });
    // The current week is reported as of now.
    expect(report("2026-W48").empty).toBeNull();
    expect(report("2026-W48").burnUp.at(-1)).toMatchObject({ week: "2026-W48", end: "2026-11-25T12:00:00.000Z" });
  });

  it("counts its weeks in the programme's time zone", () => {
    // Sunday 8 November 20:00 UTC is already Monday 05:00 in Tokyo: W45 in UTC, W46 there.
    const late = [...scenarioEvents(), { id: 50, at: at("2026-11-08T20:00:00Z"), entityType: "slice", entityId: "C", action: "slice.stage_moved", before: { stage: "0", status: "planned" }, after: { stage: "mirror", status: "parallel_run", kind: "advance" } }];
    const current = scenarioInput().current;
    current.slices = current.slices.map((s) => (s.id === "C" ? { ...s, stage: "mirror", status: "parallel_run" } : s));
    const utc = buildWeeklyReport(scenarioInput({ events: late, current }), "2026-W45", NO_NOTES);
    const tokyo = buildWeeklyReport(scenarioInput({ events: late, current, programme: { timeZone: "Asia/Tokyo" } }), "2026-W45", NO_NOTES);
    expect(tokyo.range).toMatchObject({ start: "2026-11-01T15:00:00.000Z", end: "2026-11-08T15:00:00.000Z", timeZone: "Asia/Tokyo" });
    expect(utc.moved.stageChanges.map((c) => c.slice)).toContain("search");
    expect(tokyo.moved.stageChanges.map((c) => c.slice)).not.toContain("search");
    const tokyoNext = buildWeeklyReport(scenarioInput({ events: late, current, programme: { timeZone: "Asia/Tokyo" } }), "2026-W46", NO_NOTES);
    expect(tokyoNext.moved.stageChanges.map((c) => c.slice)).toContain("search");
  });
});

describe("a history with details from shortly before the week only", () => {
  it("gives the same report as the whole history", () => {
    for (const week of ["2026-W45", "2026-W46", "2026-W47"] as const) {
      const since = detailSinceFor(week, "UTC");
      const windowed = scenarioEvents().filter((e) => (SLICE_HISTORY_ACTIONS as readonly string[]).includes(e.action) || e.at >= since);
      expect(windowed.length).toBeLessThan(scenarioEvents().length);
      const input = scenarioInput();
      input.history = readHistory(windowed, since);
      expect(buildWeeklyReport(input, week, NO_NOTES)).toEqual(report(week));
    }
  });

  it("refuses to build a week the details do not reach back to", () => {
    const input = scenarioInput();
    input.history = readHistory(scenarioEvents(), detailSinceFor("2026-W46", "UTC"));
    expect(() => buildWeeklyReport(input, "2026-W45", NO_NOTES)).toThrow(/needs them from/);
  });
});
