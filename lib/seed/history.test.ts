import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE, itemsForSlice } from "@/lib/checklists/default-template";
import { stageIndex, STAGES } from "@/lib/slices/stages";
import { createRng } from "./prng";
import { planTicks, replayMoves, straightJourney, type Move } from "./history";
import { openGatesAt, replayStages } from "./test-helpers";

const start = new Date("2026-01-05T10:00:00Z");
const now = new Date("2026-03-01T12:00:00Z");
const items = itemsForSlice(DEFAULT_TEMPLATE, { stateful: true, hasDatastore: true });

describe("replayMoves", () => {
  it.each(STAGES.slice(1))("a straight journey to %s% ends there, one event per move", (target) => {
    const moves = straightJourney(start, 24, target);
    const h = replayMoves("s1", moves);
    expect(h.stage).toBe(target);
    expect(h.events).toHaveLength(moves.length);
    expect(replayStages(h.events)).toBe(target);
    expect(h.status).toBe(target === "mirror" ? "parallel_run" : target === "100" ? "live" : "shifting");
  });

  it("records a rollback with its reason and signal and keeps the highest stage reached", () => {
    const moves: Move[] = [...straightJourney(start, 24, "10"), { kind: "rollback", at: now, to: "0", reason: "5xx 4%", signal: "error_rate", observed: "4%" }];
    const h = replayMoves("s1", moves);
    expect(h).toMatchObject({ stage: "0", status: "rolled_back", maxStage: "10" });
    expect(h.events.at(-1)).toMatchObject({ action: "slice.rolled_back", before: { stage: "10", status: "shifting" }, after: { stage: "0", status: "rolled_back", reason: "5xx 4%", signal: "error_rate", observed: "4%" } });
    expect(replayStages(h.events)).toBe("0");
  });

  it("marks a jump as a skip with the stages it passed", () => {
    const h = replayMoves("s1", [{ kind: "status", at: start, to: "preparing" }, { kind: "stage", at: now, to: "10" }]);
    expect(h.events[1].after).toMatchObject({ kind: "skip", skipped: ["mirror", "1"] });
  });

  it("refuses a downward stage move that is not a rollback", () => {
    expect(() => replayMoves("s1", [...straightJourney(start, 24, "10"), { kind: "stage", at: now, to: "1" }])).toThrow(/rollback/);
  });

  it("is done only through an explicit status move after 100%", () => {
    const h = replayMoves("s1", straightJourney(start, 24, "100", "done"));
    expect(h.status).toBe("done");
    expect(h.doneAt).not.toBeNull();
  });
});

describe("planTicks", () => {
  it.each(STAGES)("resolves every item gating %s% or earlier before the slice first reached it", (target) => {
    const h = replayMoves("s1", target === "0" ? [{ kind: "status", at: start, to: "preparing" }] : straightJourney(start, 30, target));
    const ticks = new Map(planTicks(items, h, { rng: createRng(1), now }).map((t) => [t.key, t]));
    const state = items.map((it) => ({ ...it, state: ticks.get(it.key)?.state ?? "open" }));
    expect(openGatesAt(state, target)).toEqual([]);
    for (const it of items) {
      const tick = ticks.get(it.key);
      if (!tick) continue;
      expect(tick.at.getTime()).toBeLessThan(now.getTime());
      expect(tick.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
      if (it.gateStage !== null && stageIndex(it.gateStage) <= stageIndex(target)) {
        expect(tick.at.getTime(), it.key).toBeLessThan(h.reachedAt[it.gateStage]!.getTime());
      }
    }
  });

  it("ticks retirement items before a slice is done, and none before it is live", () => {
    const done = replayMoves("s1", straightJourney(start, 24, "100", "done"));
    const ticks = planTicks(items, done, { rng: createRng(2), now, aheadShare: 0 });
    const retired = items.filter((it) => it.category === "retired");
    for (const it of retired) expect(ticks.find((t) => t.key === it.key)?.at.getTime()).toBeLessThan(done.doneAt!.getTime());

    const shifting = replayMoves("s2", straightJourney(start, 24, "50"));
    const early = planTicks(items, shifting, { rng: createRng(2), now, aheadShare: 1 });
    expect(early.filter((t) => retired.some((r) => r.key === t.key))).toEqual([]);
  });

  it("resolves not-applicable items with their reason", () => {
    const h = replayMoves("s1", straightJourney(start, 24, "1"));
    const ticks = planTicks(items, h, { rng: createRng(3), now, na: { "jobs-ported": "no jobs" } });
    expect(ticks.find((t) => t.key === "jobs-ported")).toMatchObject({ state: "na", reason: "no jobs" });
  });

  it("ticks nothing on a slice that never started", () => {
    expect(planTicks(items, replayMoves("s1", []), { rng: createRng(4), now, aheadShare: 1 })).toEqual([]);
  });
});
