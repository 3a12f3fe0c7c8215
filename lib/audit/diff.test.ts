import { describe, expect, it } from "vitest";
import { diffPayloads, formatValue } from "./diff";

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
