import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme, createService, createTeam, createUser } from "@/lib/seed/factories";
import type { Actor } from "@/lib/auth/actor";

// Dependency mutations on a real database: events in the same transaction, authorization
// inside (a lead edits the dependencies of their teams' services), and the bad inputs.
let t: TestDatabase;
let addDependency: typeof import("./mutations/add-dependency").addDependency;
let retypeDependency: typeof import("./mutations/retype-dependency").retypeDependency;
let removeDependency: typeof import("./mutations/remove-dependency").removeDependency;
const admin: Actor = { userId: null, name: "Test admin", isAdmin: true };

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  ({ addDependency } = await import("./mutations/add-dependency"));
  ({ retypeDependency } = await import("./mutations/retype-dependency"));
  ({ removeDependency } = await import("./mutations/remove-dependency"));
});

async function setup() {
  const programme = await createProgramme(t.db, { slug: uniqueSlug("dep") });
  const teamA = await createTeam(t.db, { programmeId: programme.id, name: "alpha" });
  const teamB = await createTeam(t.db, { programmeId: programme.id, name: "beta" });
  const svc = (name: string, teamId: string) => createService(t.db, { programmeId: programme.id, name, teamId });
  const [a, b, c] = [await svc("a", teamA.id), await svc("b", teamA.id), await svc("c", teamB.id)];
  const leadUser = await createUser(t.db, { membership: { programmeId: programme.id, role: "lead", leadOf: [teamA.id] } });
  const lead: Actor = { userId: leadUser.id, name: leadUser.name, isAdmin: false };
  const events = () => t.db.event.findMany({ where: { programmeId: programme.id }, orderBy: { id: "asc" } });
  return { slug: programme.slug, a, b, c, lead, events };
}

describe("dependencies", () => {
  it("adds, retypes and removes, refusing self-dependencies and allowing cycles", async () => {
    const s = await setup();
    const ab = await addDependency(admin, s.slug, { fromId: s.a.id, to: "b", kind: "sync" });
    await addDependency(admin, s.slug, { fromId: s.b.id, to: "a", kind: "async" }); // a cycle is a fact, not an error
    await expect(addDependency(admin, s.slug, { fromId: s.a.id, to: "a" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(addDependency(admin, s.slug, { fromId: s.a.id, to: "b" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(addDependency(admin, s.slug, { fromId: s.a.id, to: "nope" })).rejects.toMatchObject({ code: "INVALID" });
    await retypeDependency(admin, s.slug, { id: ab.id, kind: "data" });
    expect((await t.db.dependency.findUniqueOrThrow({ where: { id: ab.id } })).kind).toBe("data");
    await expect(removeDependency(s.lead, s.slug, { id: ab.id })).resolves.toEqual({ id: ab.id });
    expect((await s.events()).map((e) => e.action)).toEqual(["dependency.created", "dependency.created", "dependency.updated", "dependency.deleted"]);
    // c belongs to beta: the alpha lead may not give it dependencies.
    await expect(addDependency(s.lead, s.slug, { fromId: s.c.id, to: "a" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
