import { describe, expect, it } from "vitest";
import { moveVerdict, orderBreakSentence, type MovableCard } from "./move-check";

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

describe("orderBreakSentence", () => {
  const link = (slice: string, wave: number, service = "svc") => ({ sliceId: `id-${slice}`, slice, wave, service, other: "x" });

  it("says which slices the move must follow and which must follow it, from the refusal's details", () => {
    expect(orderBreakSentence("Web", { toWave: 3, mustFollow: [link("api", 4)], mustPrecede: [link("Edge", 2), link("Ops", 3)] })).toBe(
      "Moving Web to wave 3 breaks the order: it depends on api (wave 4); Edge (wave 2), Ops (wave 3) must move after it.",
    );
  });

  it("names a slice linked by several services once", () => {
    expect(orderBreakSentence("Shipping", { toWave: 1, mustFollow: [link("Orders core", 2, "orders"), link("Orders core", 2, "payments")], mustPrecede: [] })).toBe(
      "Moving Shipping to wave 1 breaks the order: it depends on Orders core (wave 2).",
    );
  });
});
