import { describe, expect, it } from "vitest";
import * as z from "zod";
import { auditFiltersSchema, eventsQuerySchema } from "@/lib/audit/schemas";
import { tickItemBodySchema } from "@/lib/checklists/schemas";
import { setWaveFacilitiesSchema } from "@/lib/facilities/schemas";
import { inventoryServiceSchema } from "@/lib/inventory/model";
import { ferryDocumentSchema } from "@/lib/inventory/ferry-json-schema";
import { importInventorySchema } from "@/lib/inventory/schemas";
import { createProgrammeSchema } from "@/lib/programmes/schemas";
import { bulkEditServicesSchema, createServiceSchema, serviceFiltersSchema } from "@/lib/services/schemas";
import { moveStageBodySchema, sliceListFiltersSchema } from "@/lib/slices/schemas";
import { moveSliceSchema, planRequestSchema, previewOptionsSchema, updateWaveSchema } from "@/lib/waves/schemas";
import { dateSchema, instantSchema } from "./date";
import { INT4_MAX, intFromTextSchema, intSchema } from "./number";
import { escapeLike } from "./search";
import { httpUrlSchema, isHttpUrl } from "./url";

const messages = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("dateSchema", () => {
  it.each([
    ["2026-03-31", []],
    ["2024-02-29", []],
    ["1970-01-01", []],
    ["9999-12-31", []],
    // The bug: Date.parse read 30 February as 2 March, and that is what got stored.
    ["2026-02-30", ["2026-02-30 is not a day in the calendar"]],
    ["2025-02-29", ["2025-02-29 is not a day in the calendar"]],
    ["2026-13-01", ["2026-13-01 is not a day in the calendar"]],
    ["0000-01-01", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["1969-12-31", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["10000-01-01", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["+012026-01-01", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["31/03/2026", ["use a date like 2027-06-30"]],
    ["2026-03-31\u0000", ["use a date like 2027-06-30"]],
    [20260331, ["use a date like 2027-06-30"]],
  ])("%j -> %j", (value, expected) => expect(messages(dateSchema(), value)).toEqual(expected));
});

describe("instantSchema", () => {
  it.each([
    ["2026-03-31T09:30:00Z", []],
    ["2026-03-31T09:30:00.123+02:00", []],
    ["9999-12-31T23:59:59Z", []],
    ["0000-01-01T00:00:00Z", ["use a date from 1970-01-01 to 9999-12-31"]],
    // In range as written, out of range in UTC: compared as the instant it is.
    ["1970-01-01T00:30:00+01:00", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["9999-12-31T23:30:00-01:00", ["use a date from 1970-01-01 to 9999-12-31"]],
    ["2026-02-30T00:00:00Z", ["use a date and time with a zone, like 2026-03-31T09:30:00Z"]],
    ["2026-03-31T09:30:00", ["use a date and time with a zone, like 2026-03-31T09:30:00Z"]],
  ])("%j -> %j", (value, expected) => expect(messages(instantSchema(), value)).toEqual(expected));
});

describe("intSchema and intFromTextSchema", () => {
  it.each([
    [intSchema(), 0, []],
    [intSchema(), INT4_MAX, []],
    [intSchema(), INT4_MAX + 1, [`must be at most ${INT4_MAX}`]],
    [intSchema(), 2 ** 60, [`must be at most ${INT4_MAX}`]],
    [intSchema(), -1, ["must be at least 0"]],
    [intSchema(), 1.5, ["must be a whole number"]],
    [intSchema(), "3", ["must be a whole number"]],
    [intSchema({ min: 1, max: 4, error: "Tier is 1 to 4" }), 9, ["Tier is 1 to 4"]],
    [intFromTextSchema(), " 42 ", []],
    [intFromTextSchema(), "2147483648", [`must be at most ${INT4_MAX}`]],
    [intFromTextSchema(), "99999999999999999999", [`must be at most ${INT4_MAX}`]],
    // z.coerce.number() read these as 0, 1000 and 16.
    [intFromTextSchema(), "", ["must be a whole number"]],
    [intFromTextSchema(), "1e3", ["must be a whole number"]],
    [intFromTextSchema(), "0x10", ["must be a whole number"]],
  ] as const)("%#: %j", (schema, value, expected) => expect(messages(schema, value)).toEqual(expected));

  it("refuses a range that does not fit an integer column", () => {
    expect(() => intSchema({ max: 2 ** 32 })).toThrow(/does not fit/);
  });
});

describe("httpUrlSchema", () => {
  it.each([
    ["https://github.com/acme/orders", true],
    ["http://grafana.internal/d/abc", true],
    ["javascript:alert(document.cookie)", false],
    ["JavaScript:alert(1)", false],
    ["data:text/html,<script>alert(1)</script>", false],
    ["ftp://files.example.com/x", false],
    ["/relative/path", false],
    ["https://", false],
  ])("%s -> %s", (value, ok) => {
    expect(isHttpUrl(value)).toBe(ok);
    expect(httpUrlSchema().safeParse(value).success).toBe(ok);
  });
});

describe("escapeLike", () => {
  it.each([
    ["plain", "plain"],
    ["50%", "50\\%"],
    ["a_b", "a\\_b"],
    ["C:\\path", "C:\\\\path"],
    ["\\%_", "\\\\\\%\\_"],
  ])("%j -> %j", (value, expected) => expect(escapeLike(value)).toBe(expected));
});

// Every input that reaches a date, integer or link column goes through the shared schemas:
// each row is a valid input, the field to spoil, and the value that must be refused there.
const service = { name: "orders", kind: "api", tier: "2", strategy: "rehost" };
const ferry = (patch: Record<string, unknown>) => ({ format: "ferry", version: 1, programme: { name: "P", slug: "p", environments: [] }, ...patch });
const BIG = 2 ** 31;
const cases: [string, z.ZodType, Record<string, unknown>, (string | number)[], unknown][] = [
  ["programme targetDate", createProgrammeSchema, { name: "x", targetDate: "2027-06-30" }, ["targetDate"], "2027-02-30"],
  ["programme targetDate", createProgrammeSchema, { name: "x" }, ["targetDate"], "0000-06-30"],
  ["wave plannedStart", updateWaveSchema, { number: "1", plannedStart: "2026-03-01" }, ["plannedStart"], "2026-02-30"],
  ["wave plannedEnd", updateWaveSchema, { number: "1" }, ["plannedEnd"], "10000-01-01"],
  ["wave number", updateWaveSchema, { number: "1" }, ["number"], String(BIG)],
  ["wave move version", moveSliceSchema, { sliceId: "s", toWave: "2" }, ["expectedVersion"], String(BIG)],
  ["wave move target", moveSliceSchema, { sliceId: "s", toWave: "2" }, ["toWave"], "1e3"],
  ["plan capacity", planRequestSchema, { capacityPerTeam: 3 }, ["capacityPerTeam"], BIG],
  ["stage move version", moveStageBodySchema, { to: "mirror", expectedVersion: 3 }, ["expectedVersion"], BIG],
  ["facility wave", setWaveFacilitiesSchema, { wave: "1", facilityKeys: [] }, ["wave"], String(BIG)],
  ["events since", eventsQuerySchema, { since: "2026-01-01T00:00:00Z" }, ["since"], "0000-01-01T00:00:00Z"],
  ["events afterId", eventsQuerySchema, { afterId: "5" }, ["afterId"], String(BIG)],
  ["import expectedRemovals", importInventorySchema, { format: "csv", text: "" }, ["expectedRemovals"], BIG],
  ["service form peakRps", createServiceSchema, { ...service, peakRps: "100" }, ["peakRps"], String(BIG)],
  ["service form repositoryUrl", createServiceSchema, { ...service, repositoryUrl: "https://git.example/orders" }, ["repositoryUrl"], "javascript:alert(1)"],
  ["bulk edit tier", bulkEditServicesSchema, { ids: ["a"], tier: 2 }, ["tier"], BIG],
  ["tick evidenceUrl", tickItemBodySchema, { state: "done" }, ["evidenceUrl"], "data:text/html,hi"],
  ["import peakRps", inventoryServiceSchema, { name: "orders", peakRps: 5 }, ["peakRps"], BIG],
  ["import repositoryUrl", inventoryServiceSchema, { name: "orders", repositoryUrl: "https://git.example/orders" }, ["repositoryUrl"], "javascript:alert(1)"],
  ["ferry targetDate", ferryDocumentSchema, ferry({}), ["programme", "targetDate"], "2026-02-30"],
  ["ferry wave date", ferryDocumentSchema, ferry({ waves: [{ number: 1 }] }), ["waves", 0, "plannedStart"], "0000-01-01"],
  ["ferry wave number", ferryDocumentSchema, ferry({ waves: [{ number: 1 }] }), ["waves", 0, "number"], BIG],
  ["ferry slice date", ferryDocumentSchema, ferry({ slices: [{ name: "s", team: "t" }] }), ["slices", 0, "plannedEnd"], "2025-02-29"],
  ["ferry rehearsal", ferryDocumentSchema, ferry({ slices: [{ name: "s", team: "t" }] }), ["slices", 0, "rollbackRehearsedAt"], "0000-01-01T00:00:00Z"],
  ["ferry pinnedWave", ferryDocumentSchema, ferry({ slices: [{ name: "s", team: "t" }] }), ["slices", 0, "pinnedWave"], -BIG - 1],
  ["ferry evidenceUrl", ferryDocumentSchema, ferry({ slices: [{ name: "s", team: "t", checklist: [{ key: "k", title: "t", category: "migrated" }] }] }), ["slices", 0, "checklist", 0, "evidenceUrl"], "javascript:alert(1)"],
  ["ferry item position", ferryDocumentSchema, ferry({ checklistTemplates: [{ name: "t", items: [{ key: "k", title: "t", category: "migrated" }] }] }), ["checklistTemplates", 0, "items", 0, "position"], BIG],
];

describe("every date, whole-number and link field refuses what its column cannot mean", () => {
  it.each(cases)("%s", (_, schema, valid, path, bad) => {
    expect(schema.safeParse(valid).error?.issues ?? []).toEqual([]);
    const input = structuredClone(valid);
    let at: Record<string | number, unknown> = input;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path.at(-1)!] = bad;
    expect(schema.safeParse(input).error?.issues).toContainEqual(expect.objectContaining({ path }));
  });
});

// URL filters fall back instead of failing the page, and never hand the database a value it refuses.
describe("URL filters drop out-of-range values", () => {
  it("services list", () => {
    const f = serviceFiltersSchema.parse({ page: String(BIG), tier: `2,${BIG}`, wave: `none,${BIG},3` });
    expect({ page: f.page, tier: f.tier, wave: f.wave }).toEqual({ page: 1, tier: [], wave: [] });
    expect(serviceFiltersSchema.parse({ page: "21474836" }).page).toBe(21474836);
  });
  it("slices, board preview and audit", () => {
    expect(sliceListFiltersSchema.parse({ wave: String(BIG) }).wave).toBeUndefined();
    expect(previewOptionsSchema.parse({ capacity: String(BIG) }).capacity).toBeUndefined();
    expect(auditFiltersSchema.parse({ from: "2026-02-30", to: "0000-01-01", before: String(BIG) })).toEqual({});
  });
});
