import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import type { Actor } from "@/lib/auth/actor";
import { ADMIN_TOKEN, apiRequest, routeParams, seedSliceProgramme, type SliceProgramme } from "@/lib/slices/test-fixtures";

// The bug: PostgreSQL text and jsonb cannot hold NUL (U+0000), so a NUL that got past
// validation reached the driver and the caller saw a 500 (or a form saw "something went
// wrong"). Each case sends one NUL through a different door and expects the field's own
// validation error, with nothing written.
let t: TestDatabase;
let p: SliceProgramme;
let importRoute: typeof import("@/app/api/v1/programmes/[slug]/import/route");
let tickRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
let rolloutRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/rollout/route");
let programmesRoute: typeof import("@/app/api/v1/programmes/route");
let servicesRoute: typeof import("@/app/api/v1/programmes/[slug]/services/route");
let services: typeof import("@/lib/services/mutations/create-service");
const admin: Actor = { userId: null, name: "Test admin", isAdmin: true };
const CONTROL = /contains a control character \(U\+0000\)/;

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN_TOKEN;
  importRoute = await import("@/app/api/v1/programmes/[slug]/import/route");
  tickRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/checklist/[itemId]/route");
  rolloutRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/rollout/route");
  programmesRoute = await import("@/app/api/v1/programmes/route");
  servicesRoute = await import("@/app/api/v1/programmes/[slug]/services/route");
  services = await import("@/lib/services/mutations/create-service");
  p = await seedSliceProgramme(t.db);
});

const importFile = (query: string, body: string) =>
  importRoute.POST(new NextRequest(`http://localhost/api/v1/programmes/${p.slug}/import?${query}`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body }), routeParams({ slug: p.slug }));
const counts = async () => {
  const where = { programmeId: p.programmeId };
  return { teams: await t.db.team.count({ where }), services: await t.db.service.count({ where }), events: await t.db.event.count({ where }), readings: await t.db.rolloutReading.count({ where: { slice: where } }) };
};

describe("a NUL in an imported value is a row error, not a 500", () => {
  const files = {
    backstage: ["apiVersion: backstage.io/v1alpha1", "kind: Component", "metadata:", "  name: orders", '  description: "Takes\\0 orders"', "spec:", "  type: service", "  owner: payments", ""].join("\n"),
    csv: "name,team,description\norders,payments,ok\nbilling,pay\u0000ments,ok\n",
    ferry: JSON.stringify({ format: "ferry", version: 1, programme: { name: "P", slug: "p", environments: ["prod"] }, teams: [{ name: "payments" }], services: [{ name: "orders", team: "payments", configNotes: "a\u0000b" }] }, null, 2),
  };
  const expected = {
    backstage: { line: 5, message: expect.stringMatching(/^metadata\.description: contains a control character \(U\+0000\)/) },
    csv: { line: 3, message: expect.stringMatching(/^team: Team name contains a control character \(U\+0000\)/) },
    ferry: { line: 20, message: expect.stringMatching(/^services\[0\]\.configNotes: contains a control character \(U\+0000\)/) },
  };

  for (const format of ["backstage", "csv", "ferry"] as const) {
    it(`answers 400 with the line for ${format}, applied or previewed, and writes nothing`, async () => {
      const before = await counts();
      for (const dryRun of ["", "&dryRun=1"]) {
        const res = await importFile(`format=${format}${dryRun}`, files[format]);
        expect(res.status).toBe(400);
        const { error } = await res.json();
        expect(error.code).toBe("INVALID");
        expect(error.details).toContainEqual(expect.objectContaining(expected[format]));
      }
      expect(await counts()).toEqual(before);
    });
  }
});

describe("a NUL in a URL's path names nothing: 404, not a 500", () => {
  it("GET .../services with a NUL in the programme slug", async () => {
    const slug = `${p.slug}\u0000`;
    const res = await servicesRoute.GET(apiRequest("GET", `/programmes/${encodeURIComponent(slug)}/services`), routeParams({ slug }));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });

  it("PATCH .../checklist/{itemId} with a NUL in the item id, and the item is untouched", async () => {
    const s = await p.newSlice();
    const before = await counts();
    const itemId = `${s.items[0].id}\u0000`;
    const res = await tickRoute.PATCH(apiRequest("PATCH", `/programmes/${p.slug}/slices/${s.id}/checklist/x`, { state: "done" }), routeParams({ slug: p.slug, id: s.id, itemId }));
    expect(res.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("a NUL in a REST body or a form is INVALID on its field, not a 500", () => {
  it("PATCH .../checklist/{itemId}: a reason with \\u0000 answers 400 with the path and leaves the item open", async () => {
    const s = await p.newSlice();
    const before = await counts();
    const res = await tickRoute.PATCH(apiRequest("PATCH", `/programmes/${p.slug}/slices/${s.id}/checklist/${s.items[0].id}`, { state: "na", reason: "not\u0000 needed" }), routeParams({ slug: p.slug, id: s.id, itemId: s.items[0].id }));
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: "INVALID", details: [{ path: "reason", message: expect.stringMatching(CONTROL) }] });
    expect(await t.db.checklistItem.findUniqueOrThrow({ where: { id: s.items[0].id }, select: { state: true, reason: true } })).toEqual({ state: "open", reason: null });
    expect(await counts()).toEqual(before);
  });

  it("POST .../rollout: a YAML body with a NUL answers 400 and keeps no reading", async () => {
    const s = await p.newSlice();
    const before = await counts();
    const yaml = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: orders\u0000\n";
    const res = await rolloutRoute.POST(apiRequest("POST", `/programmes/${p.slug}/slices/${s.id}/rollout`, yaml), routeParams({ slug: p.slug, id: s.id }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "INVALID", details: [{ path: "yaml", message: expect.stringMatching(CONTROL) }] });
    expect(await counts()).toEqual(before);
  });

  it("POST /programmes: a name with \\u0000 answers 400 and creates no programme", async () => {
    const before = await t.db.programme.count();
    const res = await programmesRoute.POST(apiRequest("POST", "/programmes", { name: "Payments\u00002027" }), routeParams({}));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "INVALID", details: [{ path: "name", message: expect.stringMatching(CONTROL) }] });
    expect(await t.db.programme.count()).toBe(before);
  });

  it("createService (the service form's mutation): a NUL in a text field is a field error and nothing is written", async () => {
    const before = await counts();
    const form = { name: "nul-api", kind: "api", tier: "2", strategy: "rehost", description: "bad\u0000text" };
    await expect(services.createService(admin, p.slug, form)).rejects.toMatchObject({ issues: [{ path: ["description"], message: expect.stringMatching(CONTROL) }] });
    expect(await counts()).toEqual(before);
  });
});
