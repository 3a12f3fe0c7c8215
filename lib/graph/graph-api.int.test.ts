import { beforeAll, describe, expect, it } from "vitest";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { seedDemoProgramme } from "@/lib/seed";
import { createProgramme, createUser } from "@/lib/seed/factories";
import { apiRequest, routeParams } from "@/lib/slices/test-fixtures";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { seedTwoTeamEstate } from "@/lib/services/test-estate";
import { graphSchema } from "./schemas";

// GET /programmes/{slug}/graph called as Next calls it, on the demo estate in a real database.
let t: TestDatabase;
let slug: string;
let viewerToken: string;
let outsiderToken: string;
let route: typeof import("@/app/api/v1/programmes/[slug]/graph/route");

async function tokenFor(programmeId: string, role: Role): Promise<string> {
  const token = generateToken();
  const user = await createUser(t.db, { membership: { programmeId, role, leadOf: [] } });
  await t.db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
  return token;
}

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  route = await import("@/app/api/v1/programmes/[slug]/graph/route");
  slug = uniqueSlug("graph");
  const { programmeId } = await seedDemoProgramme(t.db, { slug });
  viewerToken = await tokenFor(programmeId, "viewer");
  const other = await createProgramme(t.db, { slug: uniqueSlug("other") });
  outsiderToken = await tokenFor(other.id, "manager");
});

const getGraph = (token: string | null, programme = slug) => route.GET(apiRequest("GET", `/programmes/${programme}/graph`, undefined, token), routeParams({ slug: programme }));

describe("GET /programmes/{slug}/graph", () => {
  it("answers a viewer with every service and dependency in API.md's shape", async () => {
    const res = await getGraph(viewerToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = await res.json();
    expect(() => graphSchema.strict().extend({}).parse(body)).not.toThrow();
    expect(body.nodes).toHaveLength(await t.db.service.count({ where: { programme: { slug } } }));
    expect(body.edges).toHaveLength(await t.db.dependency.count({ where: { programme: { slug } } }));
    expect(Object.keys(body.nodes[0]).sort()).toEqual(["kind", "name", "slice", "stage", "stateful", "status", "team", "wave"]);
    expect(Object.keys(body.edges[0]).sort()).toEqual(["blocked", "from", "kind", "to"]);
    const names = body.nodes.map((n: { name: string }) => n.name);
    expect(names).toEqual([...names].sort());
  });

  it("gives each service its slice's wave, status and stage in the API's spelling", async () => {
    const body = await (await getGraph(viewerToken)).json();
    const node = (name: string) => body.nodes.find((n: { name: string }) => n.name === name);
    expect(node("orders-api")).toMatchObject({ team: "Orders & Fulfilment", kind: "api", slice: "Orders core", wave: 2, status: "parallel_run", stage: "mirror" });
    expect(node("email-sender")).toMatchObject({ slice: "Transactional email", wave: 1, status: "done", stage: "100" });
    expect(node("cart-api")).toMatchObject({ slice: null, wave: null, status: null, stage: null });
    expect(node("orders-db")).toMatchObject({ kind: "datastore", stateful: true });
  });

  it("marks a dependency blocked exactly when the slice it waits for is not live", async () => {
    const body = await (await getGraph(viewerToken)).json();
    const edge = (from: string, to: string) => body.edges.find((e: { from: string; to: string }) => e.from === from && e.to === to);
    // Shipping (wave 3) waits for Orders core (wave 2, parallel run).
    expect(edge("shipping-api", "orders-api")).toMatchObject({ kind: "sync", blocked: true });
    // Fraud scoring (wave 1) is done: nothing waits on it.
    expect(edge("payments-api", "fraud-check").blocked).toBe(false);
    // Shared infrastructure moves after its users: sign-in (wave 4) waits for Accounts API (wave 2).
    expect(edge("accounts-api", "auth-service").blocked).toBe(true);
    // One slice, one move: the orders/inventory cycle blocks nothing.
    expect(edge("orders-api", "inventory-api").blocked).toBe(false);
    // A service in no slice neither waits nor is waited on.
    expect(edge("cart-api", "inventory-api").blocked).toBe(false);
    expect(edge("recommendations-api", "event-bus")).toMatchObject({ kind: "async" });
  });

  it("answers 404 to someone outside the programme and for an unknown one, 401 without a token", async () => {
    expect((await getGraph(outsiderToken)).status).toBe(404);
    expect((await getGraph(viewerToken, "no-such-programme")).status).toBe(404);
    expect((await getGraph(null)).status).toBe(401);
  });

  it("answers an empty programme with no nodes and no edges", async () => {
    const empty = await createProgramme(t.db, { slug: uniqueSlug("empty") });
    const res = await getGraph(await tokenFor(empty.id, "viewer"), empty.slug);
    expect(await res.json()).toEqual({ nodes: [], edges: [] });
  });

  // The answer is kept under the programme's latest event id (lib/events/memo.ts), so what
  // Ferry changes is seen at once and a row changed behind its back (no event) is not.
  it("is kept until an event lands: a change through Ferry is in the next answer", async () => {
    const estate = await seedTwoTeamEstate(t.db, "graph-kept");
    const token = await tokenFor(estate.programme.id, "viewer");
    const names = async () => ((await (await getGraph(token, estate.slug)).json()) as { nodes: { name: string }[] }).nodes.map((n) => n.name);
    const before = await names();
    expect(before).toContain("a");
    await t.db.service.update({ where: { id: estate.a.id }, data: { name: "renamed-without-an-event" } });
    expect(await names()).toEqual(before);
    const admin: Actor = { userId: null, name: "Test admin", isAdmin: true };
    const { createService } = await import("@/lib/services/mutations/create-service");
    await createService(admin, estate.slug, { name: "added-api", kind: "api", tier: "2", strategy: "rehost", team: "alpha", tags: "" });
    const after = await names();
    expect(after).toContain("added-api");
    // Built again from the rows: the rename made behind Ferry's back shows now too.
    expect(after).toContain("renamed-without-an-event");
    expect(after).not.toContain("a");
  });
});
