import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CONFIG_SOURCES,
  DEPENDENCY_KINDS,
  SERVICE_DEFAULTS,
  SERVICE_FIELDS,
  SERVICE_KINDS,
  STRATEGIES,
  completeService,
  inventoryDependencySchema,
  inventoryServiceSchema,
  serviceNameSchema,
  suggestServiceName,
} from "./model";
import { APPLIES_TO, CHECKLIST_CATEGORIES, FACILITY_STATUSES, ITEM_STATES } from "./ferry-json-schema";

// The pure core may not import Prisma, so the enum lists are copies; this keeps them honest.
const prisma = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
const prismaEnum = (name: string) => {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(prisma)?.[1];
  if (!body) throw new Error(`enum ${name} not in schema.prisma`);
  return body.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter((w) => w && !w.startsWith("//"));
};
const prismaFields = (model: string) => {
  const body = new RegExp(`model ${model} \\{([^}]*)\\}`).exec(prisma)![1];
  return body.split("\n").map((l) => l.trim().split(/\s+/)[0]).filter((w) => /^[a-z]/.test(w ?? ""));
};

describe("model mirrors schema.prisma", () => {
  it.each([
    ["ServiceKind", SERVICE_KINDS],
    ["Strategy", STRATEGIES],
    ["ConfigSource", CONFIG_SOURCES],
    ["DependencyKind", DEPENDENCY_KINDS],
    ["ChecklistCategory", CHECKLIST_CATEGORIES],
    ["AppliesTo", APPLIES_TO],
    ["ItemState", ITEM_STATES],
    ["FacilityStatus", FACILITY_STATUSES],
  ])("enum %s", (name, values) => {
    expect([...values]).toEqual(prismaEnum(name));
  });

  it("has every inventory field of the Service model", () => {
    const volatile = new Set(["id", "programmeId", "teamId", "sliceId", "createdAt", "updatedAt", "programme", "slice", "dependsOn", "usedBy"]);
    const expected = prismaFields("Service").filter((f) => !volatile.has(f));
    // `team` is the relation field: the database links it by teamId, the inventory by name.
    expect(["name", ...SERVICE_FIELDS].sort()).toEqual(expected.sort());
  });
});

describe("service names", () => {
  it.each(["a", "orders", "orders-db", "a1", "x".repeat(63), "  padded  "])("accepts %j", (name) => {
    expect(serviceNameSchema.safeParse(name)).toMatchObject({ success: true, data: name.trim() });
  });

  it.each([
    ["", /empty/],
    ["   ", /empty/],
    ["x".repeat(64), /longer than 63/],
    ["Orders", /lowercase/],
    ["1orders", /start with a lowercase letter/],
    ["orders-", /not ending with a hyphen/],
    ["-orders", /start with/],
    ["orders_db", /hyphens/],
    ["orders.db", /hyphens/],
  ])("refuses %j", (name, message) => {
    const r = serviceNameSchema.safeParse(name);
    expect(r.success).toBe(false);
    expect(r.error!.issues).toHaveLength(1);
    expect(r.error!.issues[0].message).toMatch(message);
  });

  it.each([
    ["Orders_Service", "orders-service"],
    ["  Billing.API  ", "billing-api"],
    ["2fa", "fa"],
    ["___", null],
  ])("suggests a valid name for %j", (raw, suggestion) => {
    expect(suggestServiceName(raw)).toBe(suggestion);
    if (suggestion) expect(serviceNameSchema.safeParse(suggestion).success).toBe(true);
  });
});

describe("inventoryServiceSchema", () => {
  it("keeps undescribed fields undefined and turns empty text into null", () => {
    const s = inventoryServiceSchema.parse({ name: "orders", description: "  ", tags: ["a", " a", "", "b"] });
    expect(s).toEqual({ name: "orders", description: null, tags: ["a", "b"] });
    expect(s.kind).toBeUndefined();
  });

  it.each([
    [{ kind: "spaceship" }, "kind", /must be one of api, web, worker, cron, gateway, datastore, queue, cache \(got "spaceship"\)/],
    [{ strategy: "lift" }, "strategy", /rehost, replatform, refactor, retire, retain/],
    [{ configSources: ["env", "vault"] }, "configSources", /env, files, flags, remote \(got "vault"\)/],
    [{ tier: 5 }, "tier", /1 \(most critical\) to 4/],
    [{ tier: 1.5 }, "tier", /whole number/],
    [{ peakRps: -1 }, "peakRps", /negative/],
    [{ peakRps: 3_000_000_000 }, "peakRps", /larger than 2147483647/],
    [{ stateful: "yes" }, "stateful", /true or false/],
    [{ colour: "blue" }, undefined, /Unrecognized key/],
  ])("refuses %j with a clear message", (fields, field, message) => {
    const r = inventoryServiceSchema.safeParse({ name: "orders", ...fields });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path[0]).toBe(field);
    expect(r.error!.issues[0].message).toMatch(message);
  });

  it("refuses a self-dependency and defaults the kind to sync", () => {
    expect(inventoryDependencySchema.safeParse({ from: "a", to: "a" }).error?.issues[0].message).toMatch(/itself/);
    expect(inventoryDependencySchema.parse({ from: "a", to: "b" })).toEqual({ from: "a", to: "b", kind: "sync" });
  });
});

describe("completeService", () => {
  it("fills defaults and nulls without touching what is described", () => {
    const full = completeService({ name: "orders", tier: 1, tags: ["x"], description: null });
    expect(full).toMatchObject({ ...SERVICE_DEFAULTS, name: "orders", tier: 1, tags: ["x"], description: null, peakRps: null, team: null });
    expect(Object.keys(full)).toEqual(["name", ...SERVICE_FIELDS]);
  });
});
