import { describe, expect, it } from "vitest";
import { parseBackstageCatalog } from "@/lib/inventory/backstage";
import { generateCatalog } from "./services";

describe("the benchmark catalog", () => {
  it("is a valid Backstage catalog of the size it promises", () => {
    const parsed = parseBackstageCatalog(generateCatalog(200, 600, 5));
    expect(parsed.errors).toEqual([]);
    expect(parsed.inventory.services).toHaveLength(200);
    expect(parsed.inventory.dependencies.length).toBeGreaterThan(500);
    expect(parsed.inventory.services.filter((s) => s.kind === "datastore")).toHaveLength(50);
  });
});
