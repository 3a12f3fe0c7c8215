import { describe, expect, it } from "vitest";
import { readHistory, type CurrentState, type RawEvent } from "./history";
import { stateAt, Walker } from "./reconstruct";
import { at, scenarioCurrent, scenarioEvents } from "./test-history";

const history = () => readHistory(scenarioEvents()).events;
const slice = (state: ReturnType<typeof stateAt>, id: string) => state.slices.find((s) => s.id === id)!;

describe("state reconstruction", () => {
  it("is the current state when nothing happened since", () => {
    const now = stateAt(scenarioCurrent(), history(), at("2026-11-25T12:00:00Z"));
    expect(slice(now, "A")).toMatchObject({ status: "live", stage: "100", checklist: { open: 1, done: 1, na: 0, total: 2 }, rollbacks: 0, services: ["cart-api", "checkout-api"] });
    expect(slice(now, "B")).toMatchObject({ status: "rolled_back", rollbacks: 2, lastProgressAt: "2026-11-05T09:00:00.000Z", openGateItems: 1 });
    expect(now.slices.map((s) => s.name)).toEqual(["checkout", "ledger", "orders", "search"]);
  });

  it("walks a rollback back to the stage before it", () => {
    const beforeSecond = stateAt(scenarioCurrent(), history(), at("2026-11-05T09:00:00Z"));
    expect(slice(beforeSecond, "B")).toMatchObject({ stage: "mirror", status: "parallel_run", rollbacks: 1 });
    const afterSecond = stateAt(scenarioCurrent(), history(), at("2026-11-05T09:00:00.001Z"));
    expect(slice(afterSecond, "B")).toMatchObject({ stage: "0", status: "rolled_back", rollbacks: 2 });
  });

  it("shows a slice done then reopened as done in between, with its ticks", () => {
    const done = stateAt(scenarioCurrent(), history(), at("2026-11-09T00:00:00Z"));
    expect(slice(done, "A")).toMatchObject({ status: "done", checklist: { open: 0, done: 2, na: 0, total: 2 } });
    const reopened = stateAt(scenarioCurrent(), history(), at("2026-11-16T00:00:00Z"));
    expect(slice(reopened, "A")).toMatchObject({ status: "live", checklist: { open: 1, done: 1, na: 0, total: 2 } });
  });

  it("removes what was created after the instant, services and slices alike", () => {
    const before = stateAt(scenarioCurrent(), history(), at("2026-11-11T00:00:00Z"));
    expect(before.slices.map((s) => s.id)).toEqual(["A", "B", "C"]);
    expect(before.services.map((s) => s.name)).not.toContain("ledger-api");
    const start = stateAt(scenarioCurrent(), history(), at("2026-10-05T00:00:00Z"));
    expect(start.slices.map((s) => [s.id, s.status, s.stage])).toEqual([["A", "planned", "0"], ["B", "planned", "0"], ["C", "planned", "0"]]);
    expect(slice(start, "A")).toMatchObject({ checklist: { open: 2, done: 0 }, openGateItems: 1, lastProgressAt: null });
    expect(start.facilities.map((f) => [f.key, f.status, f.ownerTeam])).toEqual([["ingress", "in_progress", "platform"], ["monitoring", "in_progress", null]]);
  });

  it("rebuilds splits, merges, deleted and renamed services, wave and facility changes", () => {
    const current: CurrentState = {
      at: at("2026-06-30T00:00:00Z"),
      slices: [{ id: "S", name: "core-merged", team: "core", wave: 3, stage: "0", status: "planned", plannedStart: null, plannedEnd: null }],
      services: [
        { id: "x", name: "x-api", team: "core", sliceId: "S", peakRps: 90, kind: "api", shared: false },
        { id: "y", name: "y-worker", team: "core", sliceId: "S", peakRps: null, kind: "worker", shared: false },
      ],
      dependencies: [],
      checklist: [],
      waves: [{ id: "w3", number: 3, name: "Late", plannedStart: "2026-07-01", plannedEnd: null, facilities: ["mesh"] }],
      facilities: [],
      teams: [],
    };
    const rows: Omit<RawEvent, "id">[] = [
      { at: at("2026-06-01T00:00:00Z"), entityType: "slice", entityId: "S2", action: "slice.created", before: null, after: { name: "core-y", services: ["y-worker"], splitFrom: "S" } },
      { at: at("2026-06-01T00:00:00Z"), entityType: "slice", entityId: "S", action: "slice.split", before: { services: ["x-api", "y-worker", "z-cron"] }, after: { services: ["x-api", "z-cron"], splitOff: "core-y" } },
      { at: at("2026-06-05T00:00:00Z"), entityType: "service", entityId: "z", action: "service.deleted", before: { name: "z-cron" }, after: null },
      { at: at("2026-06-10T00:00:00Z"), entityType: "service", entityId: "x", action: "service.updated", before: { name: "x-old", peakRps: 40 }, after: { name: "x-api", peakRps: 90 } },
      { at: at("2026-06-15T00:00:00Z"), entityType: "slice", entityId: "S2", action: "slice.deleted", before: { name: "core-y", services: ["y-worker"] }, after: { mergedInto: "S" } },
      { at: at("2026-06-15T00:00:00Z"), entityType: "slice", entityId: "S", action: "slice.merged", before: { name: "core", wave: 2, services: ["x-api"] }, after: { name: "core-merged", wave: 2, services: ["x-api", "y-worker"], merged: ["core-y"] } },
      { at: at("2026-06-20T00:00:00Z"), entityType: "slice", entityId: "S", action: "slice.wave_changed", before: { wave: 2, pinnedWave: null, pinReason: null }, after: { wave: 3, pinnedWave: 3, pinReason: "freeze" } },
      { at: at("2026-06-25T00:00:00Z"), entityType: "wave", entityId: "w3", action: "wave.facilities_changed", before: { number: 3, facilities: [] }, after: { number: 3, facilities: ["mesh"] } },
    ];
    const events = readHistory(rows.map((r, i) => ({ id: i + 1, ...r }))).events;
    const walker = new Walker(current, events);
    const services = (s: ReturnType<Walker["snapshot"]>) => s.slices.map((x) => [x.id, x.name, x.wave, x.services]);

    expect(services(walker.rewindTo(at("2026-06-21T00:00:00Z")).snapshot())).toEqual([["S", "core-merged", 3, ["x-api", "y-worker"]]]);
    const merged = walker.rewindTo(at("2026-06-16T00:00:00Z")).snapshot();
    expect(services(merged)).toEqual([["S", "core-merged", 2, ["x-api", "y-worker"]]]);
    expect(merged.waves[0].facilities).toEqual([]);
    expect(services(walker.rewindTo(at("2026-06-12T00:00:00Z")).snapshot())).toEqual([["S", "core", 2, ["x-api"]], ["S2", "core-y", 2, ["y-worker"]]]);
    const renamed = walker.rewindTo(at("2026-06-07T00:00:00Z")).snapshot();
    expect(renamed.services.map((s) => [s.name, s.peakRps])).toEqual([["x-old", 40], ["y-worker", null]]);
    const split = walker.rewindTo(at("2026-06-01T00:00:00Z")).snapshot();
    // Before the split: one slice; the deleted service is back, though its slice is not recorded.
    expect(services(split)).toEqual([["S", "core", 2, ["x-old", "y-worker"]]]);
    expect(split.services.map((s) => s.name)).toEqual(["x-old", "y-worker", "z-cron"]);
  });

  it("keeps its finish counts equal to the slices' statuses at every instant it passes", () => {
    const events = history();
    const walker = new Walker(scenarioCurrent(), events);
    for (const t of [...new Set(events.map((e) => e.at))].reverse()) {
      const state = walker.rewindTo(t).snapshot();
      const live = state.slices.filter((s) => s.status === "live" || s.status === "done").length;
      expect(walker.counts(), new Date(t).toISOString()).toEqual({ scope: state.slices.length, live, done: state.slices.filter((s) => s.status === "done").length });
    }
  });

  it("undoes dependencies added, removed and added again, leaving the others as loaded", () => {
    const current: CurrentState = {
      ...scenarioCurrent(),
      services: ["a", "b", "c"].map((id) => ({ id, name: `${id}-api`, team: null, sliceId: null, peakRps: null, kind: "api" as const, shared: false })),
      dependencies: [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
      ],
    };
    const rows: Omit<RawEvent, "id">[] = [
      { at: at("2026-11-01T00:00:00Z"), entityType: "dependency", entityId: "d1", action: "dependency.deleted", before: { from: "a-api", to: "c-api", kind: "sync" }, after: null },
      { at: at("2026-11-02T00:00:00Z"), entityType: "dependency", entityId: "d2", action: "dependency.deleted", before: { from: "a-api", to: "b-api", kind: "sync" }, after: null },
      { at: at("2026-11-03T00:00:00Z"), entityType: "dependency", entityId: "d3", action: "dependency.created", before: null, after: { from: "a-api", to: "b-api", kind: "sync" } },
      { at: at("2026-11-04T00:00:00Z"), entityType: "dependency", entityId: "d4", action: "dependency.created", before: null, after: { from: "b-api", to: "c-api", kind: "sync" } },
    ];
    const read = readHistory(rows.map((r, i) => ({ id: i + 1, ...r })));
    expect(read.skipped).toBe(0);
    const walker = new Walker(current, read.events);
    const deps = (t: string) => walker.rewindTo(at(t)).snapshot().dependencies.map((d) => `${d.from}>${d.to}`).sort();
    expect(deps("2026-11-05T00:00:00Z")).toEqual(["a-api>b-api", "b-api>c-api"]);
    expect(deps("2026-11-04T00:00:00Z")).toEqual(["a-api>b-api"]);
    expect(deps("2026-11-03T00:00:00Z")).toEqual([]);
    expect(deps("2026-11-02T00:00:00Z")).toEqual(["a-api>b-api"]);
    expect(deps("2026-11-01T00:00:00Z")).toEqual(["a-api>b-api", "a-api>c-api"]);
  });

  it("skips and counts events the catalogue cannot read, and goes on", () => {
    const rows = [
      ...scenarioEvents(),
      { id: 100, at: at("2026-11-20T00:00:00Z"), entityType: "slice", entityId: "A", action: "slice.polished", before: null, after: null },
      { id: 101, at: at("2026-11-20T00:00:01Z"), entityType: "slice", entityId: "A", action: "slice.stage_moved", before: { stage: "5", status: "live" }, after: { stage: "100", status: "live", kind: "advance" } },
    ];
    const read = readHistory(rows);
    expect(read.skipped).toBe(2);
    expect(read.events).toHaveLength(scenarioEvents().length);
    expect(slice(stateAt(scenarioCurrent(), read.events, at("2026-11-09T00:00:00Z")), "A").status).toBe("done");
  });

  it("counts a tick of a slice it does not know as an orphan rather than failing", () => {
    const rows = [{ id: 1, at: at("2026-11-20T00:00:00Z"), entityType: "checklist_item", entityId: "zz", action: "checklist_item.ticked", before: { state: "open" }, after: { state: "done", title: "x", sliceId: "gone" } }];
    const walker = new Walker(scenarioCurrent(), readHistory(rows).events).rewindTo(0);
    expect(walker.orphans).toBe(1);
  });
});
