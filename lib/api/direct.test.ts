import { describe, expect, it } from "vitest";
import { pathPattern } from "./direct";

describe("direct route paths", () => {
  const match = pathPattern("/api/v1/programmes/:slug/slices/:id/checklist/:itemId");

  it("gives each parameter its decoded segment", () => {
    expect(match("/api/v1/programmes/core/slices/s1/checklist/i%2F2")).toEqual({ slug: "core", id: "s1", itemId: "i/2" });
  });

  it("matches whole paths only: no extra segment, no trailing slash, no empty segment", () => {
    expect(match("/api/v1/programmes/core/slices/s1/checklist/i2/x")).toBeNull();
    expect(match("/api/v1/programmes/core/slices/s1/checklist/i2/")).toBeNull();
    expect(match("/api/v1/programmes//slices/s1/checklist/i2")).toBeNull();
    expect(match("/prefix/api/v1/programmes/core/slices/s1/checklist/i2")).toBeNull();
  });

  it("leaves a malformed escape to Next, which answers it", () => {
    expect(match("/api/v1/programmes/core/slices/%E0%A4%A/checklist/i2")).toBeNull();
  });
});
