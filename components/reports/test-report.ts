/**
 * A hand-built weekly report for the report components' tests: every section holds something,
 * so a test that renders it sees each part. Never imported by production code.
 */
import type { WeeklyReport } from "@/lib/reports/types";

const weeks = ["2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47"] as const;

export function testReport(overrides: Partial<WeeklyReport> = {}): WeeklyReport {
  return {
    programme: { slug: "demo", name: "Legacy estate to Kubernetes", targetDate: "2027-03-31", timeZone: "Europe/London" },
    range: { week: "2026-W47", start: "2026-11-16T00:00:00.000Z", end: "2026-11-23T00:00:00.000Z", timeZone: "Europe/London" },
    empty: null,
    headline: {
      slicesTotal: { value: 12, previous: 11 },
      slicesFinished: { value: 5, previous: 3 },
      slicesDone: { value: 2, previous: 2 },
      servicesTotal: { value: 30, previous: 30 },
      servicesMigrated: { value: 11, previous: 12 },
      trafficShare: { value: 0.42, previous: 0.35 },
    },
    moved: {
      stageChanges: [{ at: "2026-11-17T10:00:00.000Z", sliceId: "s1", slice: "Checkout", team: "Payments", from: "10", to: "50", kind: "advance" }],
      completions: [{ at: "2026-11-18T09:30:00.000Z", sliceId: "s2", slice: "Search", team: "Discovery", status: "live" }],
      rollbacks: [{ at: "2026-11-19T14:05:00.000Z", sliceId: "s3", slice: "Shipping", team: "Fulfilment", from: "50", to: "10", reason: "p99 latency doubled", signal: "latency", observed: "p99 840 ms" }],
    },
    attention: [
      { sliceId: "s4", slice: "Orders", team: "Fulfilment", wave: 2, status: "preparing", stage: "0", reasons: [{ kind: "blocked", waitingOn: [{ slice: "Payments API", team: "Payments" }] }], isNew: true },
      {
        sliceId: "s3",
        slice: "Shipping",
        team: "Fulfilment",
        wave: 1,
        status: "rolled_back",
        stage: "10",
        reasons: [
          { kind: "rolled_back_twice", rollbacks: 2 },
          { kind: "planned_end_passed", plannedEnd: "2026-11-10" },
        ],
        isNew: false,
      },
      { sliceId: "s5", slice: "Ledger", team: "Finance", wave: 2, status: "planned", stage: "0", reasons: [{ kind: "no_progress", days: 16 }, { kind: "gate_open_past_wave_start", openGateItems: 3, waveStart: "2026-11-02" }], isNew: false },
    ],
    nextWeek: [{ sliceId: "s1", slice: "Checkout", team: "Payments", wave: 1, stage: "50", nextStage: "100", plannedStart: "2026-10-05", plannedEnd: "2026-11-27" }],
    waves: [
      { number: 1, label: "Wave 1: Leaves", plannedStart: "2026-10-05", plannedEnd: "2026-11-27", slices: 6, finished: { value: 4, previous: 3 }, done: 2 },
      { number: 2, label: "Wave 2", plannedStart: "2026-11-02", plannedEnd: "2027-01-15", slices: 6, finished: { value: 1, previous: 0 }, done: 0 },
    ],
    facilities: [
      { key: "logging", name: "Logging standard", status: "ready", previous: "in_progress", ownerTeam: "Platform", requiredByWaves: [1, 2] },
      { key: "tracing", name: "Tracing", status: "not_started", previous: "not_started", ownerTeam: null, requiredByWaves: [] },
    ],
    scope: { servicesAdded: ["fraud-check"], servicesRemoved: [], slicesAdded: ["Fraud"], slicesRemoved: [] },
    forecast: {
      live: { status: "forecast", target: "live", remaining: 7, weeksSampled: 6, throughput: [0, 1, 1, 0, 2, 2], trials: 10_000, seed: 47, dates: { p50: "2027-02-08", p85: "2027-03-22", p95: "2027-04-19" }, chanceByTarget: 0.62 },
      done: { status: "insufficient_history", target: "done", weeksOfHistory: 2, weeksNeeded: 3 },
    },
    burnUp: weeks.map((week, i) => ({ week, end: new Date(Date.UTC(2026, 9, 19 + 7 * i)).toISOString(), scope: i < 5 ? 11 : 12, live: [0, 0, 1, 2, 3, 5][i], done: [0, 0, 0, 1, 2, 2][i] })),
    notes: { notes: "Checkout reached 50%.\n<b>Not bold</b>", asks: "Need a DBA for Ledger.", author: "Maya Manager", updatedAt: "2026-11-20T16:00:00.000Z" },
    closed: null,
    corrections: [],
    skippedEvents: 0,
    ...overrides,
  };
}
