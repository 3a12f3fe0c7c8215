import { describe, expect, it } from "vitest";
import { buildBoard } from "./board";
import { storedProgramme, storedSlice } from "./test-programme";

// Issue 14, point 7: a slice pinned against the order keeps its warning on the card and stays
// in "who waits on whom", though the blocking rule (planned earlier, not live) leaves it out.
describe("a slice placed against the order", () => {
  const pinned = storedProgramme([
    storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], wave: 2 }),
    // Api depends on Leaf but is pinned into wave 1, before it.
    storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"], wave: 1, pinnedWave: 1, pinReason: "contract" }),
    storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 2 }),
  ]);

  it("carries the broken links on its card; a slice in order carries none", () => {
    const board = buildBoard(pinned, new Map(), {});
    const cards = new Map(board.columns.flatMap((c) => c.cards).map((c) => [c.name, c]));
    expect(cards.get("Api")!.breaks).toEqual(["api depends on leaf in Leaf (wave 2)"]);
    // Web (wave 2) follows Api (wave 1): in order. Leaf must move before Api, and does not: it breaks too.
    expect(cards.get("Web")!.breaks).toEqual([]);
    expect(cards.get("Leaf")!.breaks).toEqual(["leaf must move before api in Api (wave 1)"]);
  });

  it("is listed beside who waits on whom, though the blocking rule does not count it", () => {
    const board = buildBoard(pinned, new Map(), {});
    expect(board.waits.flatMap((t) => t.waiting.map((w) => w.name))).not.toContain("Api");
    expect(board.againstOrder.map((s) => [s.name, s.wave, s.pinnedWave, s.pinReason, s.breaks])).toEqual([
      ["Api", 1, 1, "contract", ["api depends on leaf in Leaf (wave 2)"]],
      ["Leaf", 2, null, null, ["leaf must move before api in Api (wave 1)"]],
    ]);
  });

  it("lists nothing when every slice keeps the order", () => {
    const ordered = storedProgramme([
      storedSlice({ id: "s-leaf", name: "Leaf", serviceIds: ["leaf"], wave: 1 }),
      storedSlice({ id: "s-api", name: "Api", serviceIds: ["api"], wave: 2 }),
      storedSlice({ id: "s-web", name: "Web", serviceIds: ["web"], wave: 3 }),
    ]);
    ordered.waves.push({ id: "w3", number: 3, name: null, goal: null, plannedStart: null, plannedEnd: null, facilityIds: [] });
    const board = buildBoard(ordered, new Map(), {});
    expect(board.againstOrder).toEqual([]);
  });
});
