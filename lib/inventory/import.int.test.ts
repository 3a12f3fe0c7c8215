import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedDemoProgramme } from "@/lib/seed";
import { createProgramme, createUser } from "@/lib/seed/factories";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { MAX_IMPORT_BYTES } from "./limits";
import { fixture } from "./fixtures/load";

// The import, export and services routes as Next calls them, on a real database.
let t: TestDatabase;
let importRoute: typeof import("@/app/api/v1/programmes/[slug]/import/route");
let exportRoute: typeof import("@/app/api/v1/programmes/[slug]/export/route");
let servicesRoute: typeof import("@/app/api/v1/programmes/[slug]/services/route");
const ADMIN = "inventory-admin-token-0123";

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  importRoute = await import("@/app/api/v1/programmes/[slug]/import/route");
  exportRoute = await import("@/app/api/v1/programmes/[slug]/export/route");
  servicesRoute = await import("@/app/api/v1/programmes/[slug]/services/route");
});

const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const url = (slug: string, path: string) => `http://localhost/api/v1/programmes/${slug}/${path}`;
const post = (slug: string, query: string, body: BodyInit, token = ADMIN, headers: Record<string, string> = {}) =>
  importRoute.POST(new NextRequest(url(slug, `import?${query}`), { method: "POST", headers: { authorization: `Bearer ${token}`, ...headers }, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), ctx(slug));
const exportText = async (slug: string) => {
  const res = await exportRoute.GET(new NextRequest(url(slug, "export"), { headers: { authorization: `Bearer ${ADMIN}` } }), ctx(slug));
  expect(res.status).toBe(200);
  return res.text();
};
// Three services, two teams, two dependencies: small enough to assert on exactly.
const CSV = [
  "name,team,kind,stateful,tier,strategy,depends_on,tags",
  "orders,payments,api,false,1,replatform,orders-db:data;auth,java;checkout",
  "auth,identity,api,false,2,refactor,,",
  "orders-db,payments,datastore,true,1,retain,,postgres",
].join("\n");
const emptyProgramme = async () => (await createProgramme(t.db, { slug: uniqueSlug("imp") })).slug;
const counts = async (slug: string) => {
  const p = await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const where = { programmeId: p.id };
  return {
    teams: await t.db.team.count({ where }),
    services: await t.db.service.count({ where }),
    dependencies: await t.db.dependency.count({ where }),
    events: await t.db.event.count({ where }),
  };
};

describe("export and re-import of a whole programme", () => {
  it("round-trips the demo programme byte for byte through an empty programme", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const original = await exportText(source);
    const doc = JSON.parse(original);
    expect(doc.services.length).toBe(41);
    expect(doc.slices.length).toBeGreaterThan(0);
    expect(doc.slices.some((s: { checklist: unknown[] }) => s.checklist.length > 0)).toBe(true);

    const target = await emptyProgramme();
    const res = await post(target, "format=ferry", original);
    expect(res.status).toBe(200);
    const report = await res.json();
    expect(report).toMatchObject({ applied: true, errors: [], removed: 0 });
    expect(report.created).toBeGreaterThan(41);

    // The slug is the target programme's own; every other byte must match.
    const restored = await exportText(target);
    expect(restored).toBe(original.replace(`"slug": "${source}"`, `"slug": "${target}"`));
  });

  it("changes nothing when the same backup is imported again", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const original = await exportText(source);
    const before = await counts(source);
    const report = await (await post(source, "format=ferry", original)).json();
    expect(report).toMatchObject({ created: 0, updated: 0, applied: true });
    expect(report.unchanged).toBeGreaterThan(41);
    // Only the import itself is recorded: the state exports the same, the history gains that one event.
    expect(await counts(source)).toEqual({ ...before, events: before.events + 1 });
    const again = JSON.parse(await exportText(source));
    expect({ ...again, history: [] }).toEqual({ ...JSON.parse(original), history: [] });
    expect(again.history.slice(0, -1)).toEqual(JSON.parse(original).history);
    expect(again.history.at(-1)).toMatchObject({ action: "inventory.imported", entity: [] });
  });
});

describe("POST /programmes/{slug}/import", () => {
  it("imports a Backstage catalog, then finds nothing to change on a second run", async () => {
    const slug = await emptyProgramme();
    const catalog = fixture("catalog.yaml");
    const preview = await (await post(slug, "format=backstage&dryRun=1", catalog)).json();
    expect(preview.applied).toBe(false);
    expect(preview.created).toBeGreaterThan(0);
    expect(await counts(slug)).toMatchObject({ services: 0, teams: 0, events: 0 });

    const first = await (await post(slug, "format=backstage", catalog)).json();
    expect(first).toMatchObject({ applied: true, created: preview.created, updated: 0 });
    const after = await counts(slug);
    expect(after.services).toBe(preview.changes.services.create.length);
    expect(after.dependencies).toBe(preview.changes.dependencies.create.length);
    expect(after.events).toBe(first.created + 1);

    const second = await (await post(slug, "format=backstage", catalog)).json();
    expect(second).toMatchObject({ created: 0, updated: 0, removable: 0 });
    expect(second.unchanged).toBe(first.created);
    expect(await counts(slug)).toEqual({ ...after, events: after.events + 1 });
  });

  it("refuses a file with row errors with every line, and writes nothing", async () => {
    const slug = await emptyProgramme();
    await post(slug, "format=csv", CSV);
    const before = await counts(slug);
    for (const [format, file] of [["backstage", "catalog-bad.yaml"], ["csv", "services-bad.csv"], ["backstage", "alias-bomb.yaml"]]) {
      for (const dry of ["", "&dryRun=1"]) {
        const res = await post(slug, `format=${format}${dry}`, fixture(file));
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.error.code).toBe("INVALID");
        expect(body.error.details.length).toBeGreaterThan(0);
        for (const d of body.error.details) expect(d).toEqual({ line: expect.any(Number), message: expect.any(String) });
      }
    }
    expect(await counts(slug)).toEqual(before);
  });

  it("refuses a backup that repeats a service name before writing anything", async () => {
    const slug = await emptyProgramme();
    const doc = { format: "ferry", version: 1, programme: { name: "X", slug, environments: ["prod"] }, teams: [{ name: "a" }], services: [{ name: "one", team: "a" }, { name: "one", team: "a" }] };
    const res = await post(slug, "format=ferry", JSON.stringify(doc));
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].message).toMatch(/Duplicate service "one"/);
    expect(await counts(slug)).toMatchObject({ services: 0, teams: 0, events: 0 });
  });

  it("is atomic: when the database refuses a write part-way, everything before it is rolled back", async () => {
    const slug = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug });
    const doc = JSON.parse(await exportText(slug));
    // Drop a team that owns slices from the file, with everything that names it, and confirm
    // removals: the new service is written first, then deleting the team hits the slices the
    // file does not mention (ON DELETE RESTRICT), so the whole import must roll back.
    const dropped = doc.slices[0].team;
    doc.teams = doc.teams.filter((x: { name: string }) => x.name !== dropped);
    doc.slices = doc.slices.filter((x: { team: string }) => x.team !== dropped);
    for (const svc of doc.services) if (svc.team === dropped) delete svc.team;
    for (const f of doc.facilities) if (f.ownerTeam === dropped) delete f.ownerTeam;
    doc.services.push({ name: "brand-new" });
    // The history and people name the dropped team and slices too; this test is about the state.
    delete doc.history;
    delete doc.people;
    const before = await counts(slug);
    const res = await post(slug, "format=ferry&removeMissing=1", JSON.stringify(doc));
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toContain(`"${dropped}"`);
    expect(await t.db.service.count({ where: { programme: { slug }, name: "brand-new" } })).toBe(0);
    expect(await counts(slug)).toEqual(before);
  });

  it("lists services missing from the file as removal candidates and deletes them only when asked", async () => {
    const slug = await emptyProgramme();
    await post(slug, "format=csv", CSV);
    // auth leaves the file, and so does the dependency on it.
    const withoutAuth = CSV.replace(/\nauth,.*/, "").replace("orders-db:data;auth", "orders-db:data");
    const kept = await (await post(slug, "format=csv", withoutAuth)).json();
    expect(kept.changes.services.remove).toEqual(["auth"]);
    expect(kept.changes.dependencies.remove).toEqual([{ from: "orders", to: "auth", kind: "sync" }]);
    expect(kept.removed).toBe(0);
    expect(await t.db.service.count({ where: { programme: { slug }, name: "auth" } })).toBe(1);
    const removed = await (await post(slug, "format=csv&removeMissing=1", withoutAuth)).json();
    expect(removed.removed).toBe(2);
    expect(await t.db.service.count({ where: { programme: { slug }, name: "auth" } })).toBe(0);
  });

  it("answers 413 before parsing, by declared length and by bytes actually sent", async () => {
    const slug = await emptyProgramme();
    const declared = await post(slug, "format=csv", "name\n", ADMIN, { "content-length": String(MAX_IMPORT_BYTES + 1) });
    expect(declared.status).toBe(413);
    const big = new Uint8Array(MAX_IMPORT_BYTES + 10).fill(97);
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < big.length; i += 1 << 20) c.enqueue(big.subarray(i, i + (1 << 20)));
        c.close();
      },
    });
    const streamed = await post(slug, "format=csv", stream);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("rejects an unknown format or query field", async () => {
    const slug = await emptyProgramme();
    expect((await post(slug, "format=xml", "x")).status).toBe(400);
    expect((await post(slug, "format=csv&force=1", "name\n")).status).toBe(400);
  });

  it("lets only a manager import; a viewer may still read and export", async () => {
    const slug = await emptyProgramme();
    const p = await t.db.programme.findUniqueOrThrow({ where: { slug } });
    const token = generateToken();
    const user = await createUser(t.db, { membership: { programmeId: p.id, role: "viewer" } });
    await t.db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
    const res = await post(slug, "format=csv", CSV, token);
    expect(res.status).toBe(403);
    expect(await counts(slug)).toMatchObject({ services: 0 });
    const exp = await exportRoute.GET(new NextRequest(url(slug, "export"), { headers: { authorization: `Bearer ${token}` } }), ctx(slug));
    expect(exp.status).toBe(200);
    const unknown = await post(uniqueSlug("nope"), "format=csv", "name\n");
    expect(unknown.status).toBe(404);
  });
});

describe("GET /programmes/{slug}/services", () => {
  it("lists every service with its team, dependencies, slice and wave", async () => {
    const slug = await emptyProgramme();
    await post(slug, "format=csv", CSV);
    const res = await servicesRoute.GET(new NextRequest(url(slug, "services"), { headers: { authorization: `Bearer ${ADMIN}` } }), ctx(slug));
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.map((s: { name: string }) => s.name)).toEqual(["auth", "orders", "orders-db"]);
    expect(list[1]).toEqual({ name: "orders", team: "payments", kind: "api", stateful: false, dependsOn: ["auth", "orders-db"], slice: null, wave: null });
  });
});
