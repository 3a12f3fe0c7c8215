import { describe, expect, it } from "vitest";
import { programmeStartPath } from "./start-path";

describe("programmeStartPath", () => {
  it.each([
    ["lead", "/p/shop/my-work"],
    ["manager", "/p/shop"],
    ["viewer", "/p/shop"],
  ] as const)("a %s starts at %s", (role, path) => {
    expect(programmeStartPath("shop", role)).toBe(path);
  });

  it("keeps the slug a single path segment", () => {
    expect(programmeStartPath("a b", "lead")).toBe("/p/a%20b/my-work");
  });
});
