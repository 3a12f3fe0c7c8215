import { beforeAll, describe, expect, it } from "vitest";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedTwoTeamEstate } from "@/lib/services/test-estate";
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

const setup = () => seedTwoTeamEstate(t.db, "dep");

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
