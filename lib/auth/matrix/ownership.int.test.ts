import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { isAppError } from "@/lib/errors";
import { createService } from "@/lib/seed/factories";
import type { Actor } from "@/lib/auth/actor";
import { buildFixture, ROLES } from "./fixture";
import { OWNERSHIP } from "./ownership";
import type { Outcome } from "./table";

// The hole: a lead could set their own service's owner team to none (the form's "no team"),
// disowning it, because "no team" was left out of the owners the lead had to belong to.
// Each case runs for every role on a fresh world; a refusal changes no owner and writes no event.
let t: TestDatabase;
let services: typeof import("@/lib/services/mutations/update-service") & typeof import("@/lib/services/mutations/bulk-edit-services");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  services = Object.assign({}, await import("@/lib/services/mutations/update-service"), await import("@/lib/services/mutations/bulk-edit-services"));
});

async function outcomeOf(run: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    if (isAppError(error) && error.code === "FORBIDDEN") return "forbidden";
    if (isAppError(error) && error.code === "NOT_FOUND") return "not_found";
    return `unexpected: ${String(error)}`;
  }
}

describe("owner team changes", () => {
  for (const [name, c] of Object.entries(OWNERSHIP)) {
    it(`${name}: each role gets what the table says, and refusals write nothing`, async () => {
      const results: Record<string, Outcome | string> = {};
      for (const role of ROLES) {
        const f = await buildFixture(t.db);
        const owners = () => t.db.service.findMany({ where: { programmeId: f.programme.id }, select: { name: true, teamId: true }, orderBy: { name: "asc" } });
        const [before, events] = [await owners(), await t.db.event.count({ where: { programmeId: f.programme.id } })];
        results[role] = await outcomeOf(() => c.run(services, f.actors[role], f));
        if (results[role] !== "allowed") {
          expect(await owners(), `${name} as ${role}`).toEqual(before);
          expect(await t.db.event.count({ where: { programmeId: f.programme.id } })).toBe(events);
        }
      }
      expect(results).toEqual(c.outcomes);
    });
  }

  it("lets a lead of two teams move a service between them, but not to none", async () => {
    const f = await buildFixture(t.db);
    await t.db.teamMember.create({ data: { teamId: f.teamB.id, userId: f.users.leadOwn.id, isLead: true } });
    const lead: Actor = f.actors.leadOwn;
    const form = (team: string | null) => ({ id: f.svcA.id, name: f.svcA.name, kind: "api", tier: 3, strategy: "rehost", team });
    await services.updateService(lead, f.slug, form("beta"));
    expect((await t.db.service.findUniqueOrThrow({ where: { id: f.svcA.id } })).teamId).toBe(f.teamB.id);
    await services.bulkEditServices(lead, f.slug, { ids: [f.svcA.id, f.svcA2.id], team: "alpha" });
    expect((await t.db.service.findMany({ where: { id: { in: [f.svcA.id, f.svcA2.id] } } })).map((s) => s.teamId)).toEqual([f.teamA.id, f.teamA.id]);
    await expect(services.updateService(lead, f.slug, form(null))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(services.bulkEditServices(lead, f.slug, { ids: [f.svcA.id], team: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("keeps a service no team owns a manager's: a lead cannot claim it", async () => {
    const f = await buildFixture(t.db);
    const orphan = await createService(t.db, { programmeId: f.programme.id, name: "orphan" });
    const claim = { id: orphan.id, name: "orphan", kind: "api", tier: 3, strategy: "rehost", team: "alpha" };
    await expect(services.updateService(f.actors.leadOwn, f.slug, claim)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(services.bulkEditServices(f.actors.leadOwn, f.slug, { ids: [orphan.id, f.svcA.id], tier: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.db.service.findUniqueOrThrow({ where: { id: orphan.id } })).teamId).toBeNull();
    await services.updateService(f.actors.manager, f.slug, claim);
    expect((await t.db.service.findUniqueOrThrow({ where: { id: orphan.id } })).teamId).toBe(f.teamA.id);
  });
});
