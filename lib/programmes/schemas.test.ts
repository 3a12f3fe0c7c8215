import { describe, expect, it } from "vitest";
import { createProgrammeSchema, slugify, slugSchema } from "./schemas";

describe("slugify", () => {
  it.each([
    ["Payments 2027", "payments-2027"],
    ["  Légacy → K8s!  ", "legacy-k8s"],
    ["2027 move", "p-2027-move"],
    ["!!!", "p-programme"],
  ])("%s -> %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(slugSchema.safeParse(slug).success).toBe(true);
  });
});

describe("createProgrammeSchema", () => {
  it("rejects unknown fields", () => {
    expect(createProgrammeSchema.safeParse({ name: "x", colour: "red" }).success).toBe(false);
  });
  it("rejects a malformed date and a bad slug", () => {
    expect(createProgrammeSchema.safeParse({ name: "x", targetDate: "30/06/2027" }).success).toBe(false);
    expect(createProgrammeSchema.safeParse({ name: "x", slug: "Has Spaces" }).success).toBe(false);
  });
  it("trims the name and accepts a date", () => {
    const r = createProgrammeSchema.parse({ name: "  Move  ", targetDate: "2027-06-30" });
    expect(r).toEqual({ name: "Move", targetDate: "2027-06-30" });
  });
});
