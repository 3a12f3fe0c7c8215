import { describe, expect, it } from "vitest";
import { diffEvent, diffPayloads, formatValue } from "./diff";

describe("diffPayloads", () => {
  it("lists changed, added and removed fields in name order", () => {
    expect(diffPayloads({ stage: "1", status: "shifting", same: 1 }, { stage: "10", status: "shifting", same: 1, reason: "canary ok" })).toEqual([
      { field: "reason", from: "—", to: "canary ok" },
      { field: "stage", from: "1", to: "10" },
    ]);
  });
  it("treats a creation as every field from nothing", () => {
    expect(diffPayloads(null, { name: "x" })).toEqual([{ field: "name", from: "—", to: "x" }]);
  });
  it("compares nested values by content", () => {
    expect(diffPayloads({ teams: ["a", "b"] }, { teams: ["a", "b"] })).toEqual([]);
    expect(diffPayloads({ teams: ["a"] }, { teams: ["a", "b"] })).toEqual([{ field: "teams", from: '["a"]', to: '["a","b"]' }]);
  });
  it("handles payloads that are not objects", () => {
    expect(diffPayloads(1, 2)).toEqual([{ field: "value", from: "1", to: "2" }]);
    expect(diffPayloads(null, null)).toEqual([]);
  });
});

describe("formatValue", () => {
  it("cuts long values", () => {
    expect(formatValue("x".repeat(200))).toHaveLength(118);
  });
});

describe("diffEvent", () => {
  it("diffs an event the catalogue reads", () => {
    const moved = { action: "slice.stage_moved", entityType: "slice", before: { stage: "1", status: "shifting" }, after: { stage: "10", status: "shifting", kind: "advance" } };
    expect(diffEvent(moved)).toEqual([
      { field: "kind", from: "—", to: "advance" },
      { field: "stage", from: "1", to: "10" },
    ]);
  });
  it("shows a row the catalogue cannot read as stored, without failing", () => {
    expect(diffEvent({ action: "slice.stage_moved", entityType: "slice", before: null, after: { stage: "10" } })).toEqual([{ field: "stage", from: "—", to: "10" }]);
    expect(diffEvent({ action: "gone.away", entityType: "widget", before: 1, after: 2 })).toEqual([{ field: "value", from: "1", to: "2" }]);
  });
});
