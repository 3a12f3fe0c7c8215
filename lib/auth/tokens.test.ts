import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, secretsEqual, tokenPrefix } from "./tokens";

describe("tokens", () => {
  it("generates distinct, prefixed tokens", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).not.toBe(b);
    expect(a.startsWith("ferry_")).toBe(true);
    expect(a.length).toBeGreaterThan(40);
    expect(tokenPrefix(a)).toHaveLength(12);
  });

  it("hashes deterministically without keeping the secret", () => {
    const t = generateToken();
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).not.toContain(t.slice(6));
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("compares secrets of any length", () => {
    expect(secretsEqual("same-secret-value", "same-secret-value")).toBe(true);
    expect(secretsEqual("same-secret-value", "same-secret-valuE")).toBe(false);
    expect(secretsEqual("short", "a-much-longer-secret")).toBe(false);
  });

  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["Bearer   abc  ", "abc"],
    ["Basic abc", null],
    ["Bearer", null],
    [null, null],
  ])("reads %s", (header, expected) => {
    expect(bearerToken(header)).toBe(expected);
  });
});
