import { describe, expect, it } from "vitest";
import { moveVerdict, type MovableCard } from "./move-check";

const card: MovableCard = { name: "API", wave: 3, earliest: 2, latest: 4, earliestBy: "api depends on leaf in Leaf (wave 1)", latestBy: "api must move before web in Web (wave 5)" };

describe("moveVerdict", () => {
  it.each([2, 3, 4])("keeps the order inside the bounds (wave %i)", (wave) => {
    expect(moveVerdict(card, wave).breaksOrder).toBe(false);
  });

  it("names the dependency a move too early breaks", () => {
    expect(moveVerdict(card, 1)).toEqual({ breaksOrder: true, message: "Moving API to wave 1 breaks the order: api depends on leaf in Leaf (wave 1)." });
  });

  it("names the dependent a move too late breaks", () => {
    expect(moveVerdict(card, 5).message).toMatch(/must move before web in Web \(wave 5\)/);
  });

  it("allows any wave when nothing bounds the slice above", () => {
    expect(moveVerdict({ ...card, latest: null, latestBy: null }, 40).breaksOrder).toBe(false);
  });
});
