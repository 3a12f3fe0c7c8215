import { describe, expect, it } from "vitest";
import { buildBoard, progressFromCounts } from "./board";
import { storedProgramme, storedSlice } from "./test-programme";

describe("progressFromCounts", () => {
  it("counts not applicable as resolved, rounds down and reads no items as 0%", () => {
    expect(progressFromCounts({ done: 2, na: 1, open: 1 })).toEqual({ resolved: 3, total: 4, percent: 75 });
    expect(progressFromCounts({ done: 1, open: 2 })).toEqual({ resolved: 1, total: 3, percent: 33 });
    expect(progressFromCounts(undefined)).toEqual({ resolved: 0, total: 0, percent: 0 });
  });
});

describe("buildBoard", () => {
  // Leaf and Api (pinned) in wave 1, whose facility is not ready; Web in wave 2 waits on Api.
  const data = storedProgramme(
    [
      storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], wave: 1, waveId: "w1" }),
      storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"], wave: 1, waveId: "w1", pinnedWave: 1, pinReason: "freeze" }),
      storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 2, waveId: "w2", status: "preparing" }),
    ],
    "in_progress",
  );

  it("lays the waves out as columns of cards by name, at most `limit` each, with the column's facilities and dates", () => {
    const board = buildBoard(data, new Map([["s-leaf", { done: 1, open: 2 }]]), {}, 1);
    const [first, second] = board.columns;
    expect(first).toMatchObject({ number: 1, name: "First", plannedStart: "2026-03-02", plannedEnd: null, unready: ["Service mesh"], matching: 2, total: 2 });
    expect(first.cards.map((c) => c.name)).toEqual(["Api"]);
    expect(second.cards.map((c) => c.name)).toEqual(["Web"]);
    expect(buildBoard(data, new Map([["s-leaf", { done: 1, open: 2 }]]), {}, null).columns[0].cards.map((c) => [c.name, c.progress.percent])).toEqual([
      ["Api", 0],
      ["Leaf", 33],
    ]);
    expect(board).toMatchObject({ unplanned: [], teams: ["shop"], blockedCount: 1, sliceCount: 3 });
  });

  it("gives each card the waves it may take without breaking the order, and whom it waits on", () => {
    const [api] = buildBoard(data, new Map(), {}).columns[0].cards;
    expect(api).toMatchObject({ stage: "0", pinnedWave: 1, pinReason: "freeze", earliest: 2, latest: 1, earliestBy: "api depends on leaf in Leaf (wave 1)", latestBy: "api must move before web in Web (wave 2)" });
    const [web] = buildBoard(data, new Map(), {}).columns[1].cards;
    expect(web).toMatchObject({ waitsOn: ["Api (shop)"], earliest: 2, latest: null, latestBy: null });
  });

  it("filters the cards by team and status without changing a column's total, and lists slices without a wave apart", () => {
    const board = buildBoard(data, new Map(), { status: "preparing" });
    expect(board.columns.map((c) => [c.matching, c.total, c.cards.length])).toEqual([
      [0, 2, 0],
      [1, 1, 1],
    ]);
    expect(buildBoard(data, new Map(), { team: "pay" }).columns.every((c) => c.cards.length === 0)).toBe(true);
    const loose = storedProgramme([storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"] })]);
    expect(buildBoard(loose, new Map(), {}).unplanned.map((c) => c.name)).toEqual(["Leaf"]);
  });
});
