import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme, createService, createSlice, createTeam } from "@/lib/seed/factories";
import { auditFiltersSchema } from "@/lib/audit/schemas";
import { serviceFiltersSchema } from "@/lib/services/schemas";
import { sliceListFiltersSchema } from "@/lib/slices/schemas";

// The bug: Prisma's `contains` wraps the value in % without escaping it, so on Postgres a
// search for "%" matched every service, "_" any one character, and a "\" escaped the next
// character instead of matching itself. Each search names rows that differ only there.
let t: TestDatabase;
let services: typeof import("@/lib/services/queries");
let slices: typeof import("@/lib/slices/queries/slice-list");
let audit: typeof import("@/lib/audit/queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  services = await import("@/lib/services/queries");
  slices = await import("@/lib/slices/queries/slice-list");
  audit = await import("@/lib/audit/queries");
});

// Names that the forms would refuse, written straight to the database: what is searched is
// whatever is stored (descriptions, systems and actor names do hold such characters).
const NAMES = ["a%b", "axxb", "a_b", "a\\b", "ab"];
const CASES: [string, string[]][] = [
  ["%", ["a%b"]],
  ["_", ["a_b"]],
  ["\\", ["a\\b"]],
  ["a%b", ["a%b"]],
  ["a_b", ["a_b"]],
  ["A\\B", ["a\\b"]],
  ["b", ["a%b", "a\\b", "a_b", "ab", "axxb"]],
];

describe("a search matches its text literally", () => {
  it("services list: name, description and system", async () => {
    const p = await createProgramme(t.db, { slug: uniqueSlug("like") });
    for (const [i, name] of NAMES.entries()) await createService(t.db, { programmeId: p.id, name: `svc-${i}`, description: i % 2 ? name : null, system: i % 2 ? null : name });
    for (const [q, expected] of CASES) {
      const { rows } = await services.listServices(p.id, serviceFiltersSchema.parse({ q }));
      expect(rows.map((r) => NAMES[Number(r.name.slice(4))]).sort(), q).toEqual(expected);
    }
  });

  it("slices list: slice and service names", async () => {
    const p = await createProgramme(t.db, { slug: uniqueSlug("like") });
    const team = await createTeam(t.db, { programmeId: p.id, name: "t" });
    for (const name of NAMES) await createSlice(t.db, { programmeId: p.id, teamId: team.id, name });
    for (const [q, expected] of CASES) {
      const { rows } = await slices.listSlices(p.id, sliceListFiltersSchema.parse({ q }), null);
      expect(rows.map((r) => r.name).sort(), q).toEqual(expected);
    }
  });

  it("audit log: actor names", async () => {
    const p = await createProgramme(t.db, { slug: uniqueSlug("like") });
    await t.db.event.createMany({ data: NAMES.map((actorName) => ({ programmeId: p.id, actorName, entityType: "service", entityId: "x", action: "service.updated" })) });
    for (const [q, expected] of CASES) {
      const { rows } = await audit.listAuditEvents(p.id, auditFiltersSchema.parse({ actor: q }));
      expect(rows.map((r) => r.actorName).sort(), q).toEqual(expected);
    }
  });
});
