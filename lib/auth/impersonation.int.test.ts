import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// The impersonation chain an attacker found: the manager of programme B adds programme A's
// manager (or the administrator) to B, mints a token for them and acts in A as them, with A's
// audit log crediting the victim. Every step of it must fail, and tokens must name the
// programmes they concern on those programmes' audit logs.
let t: TestDatabase;
let usersRoute: typeof import("@/app/api/v1/users/route");
let tokensRoute: typeof import("@/app/api/v1/tokens/route");
let programmesRoute: typeof import("@/app/api/v1/programmes/route");
let servicesRoute: typeof import("@/app/api/v1/programmes/[slug]/services/route");
let eventsRoute: typeof import("@/app/api/v1/programmes/[slug]/events/route");
const ADMIN = "impersonation-admin-token-0123456789";
let slugA: string;
let slugB: string;
const people = { managerA: "", managerB: "", admin: "" };
const tokens = { managerA: "", managerB: "", admin: "" };

withAppDatabase((opened) => (t = opened));

const post = (url: string, body: unknown, token: string) =>
  new NextRequest(`http://localhost${url}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const get = (url: string, token: string) => new NextRequest(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } });
const noParams = { params: Promise.resolve({}) };
const email = (who: string) => `${uniqueSlug(who)}@example.test`;

async function addMember(slug: string, address: string, role: "manager" | "lead" | "viewer", by = ADMIN): Promise<Response> {
  return usersRoute.POST(post(`/api/v1/users?programme=${slug}`, { email: address, name: address.split("@")[0], role }, by), noParams);
}
async function mint(address: string, by: string): Promise<Response> {
  return tokensRoute.POST(post("/api/v1/tokens", { email: address, name: "minted" }, by), noParams);
}
async function tokenOf(res: Response): Promise<string> {
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  usersRoute = await import("@/app/api/v1/users/route");
  tokensRoute = await import("@/app/api/v1/tokens/route");
  programmesRoute = await import("@/app/api/v1/programmes/route");
  servicesRoute = await import("@/app/api/v1/programmes/[slug]/services/route");
  eventsRoute = await import("@/app/api/v1/programmes/[slug]/events/route");
  slugA = uniqueSlug("victim");
  slugB = uniqueSlug("attacker");
  await t.db.programme.create({ data: { slug: slugA, name: "Victim" } });
  await t.db.programme.create({ data: { slug: slugB, name: "Attacker" } });
  people.managerA = email("manager-a");
  people.managerB = email("manager-b");
  people.admin = email("admin");
  expect((await addMember(slugA, people.managerA, "manager")).status).toBe(201);
  expect((await addMember(slugB, people.managerB, "manager")).status).toBe(201);
  await t.db.user.create({ data: { email: people.admin, name: "Administrator", isAdmin: true } });
  for (const who of ["managerA", "managerB", "admin"] as const) tokens[who] = await tokenOf(await mint(people[who], ADMIN));
});

describe("the impersonation chain across programmes", () => {
  it("step 1 is harmless: B's manager may add A's manager to B, but gains nothing by it", async () => {
    expect((await addMember(slugB, people.managerA, "viewer", tokens.managerB)).status).toBe(201);
  });

  it("step 2 fails: B's manager cannot mint a token for A's manager, nor for the administrator", async () => {
    const before = await t.db.apiToken.count();
    expect((await mint(people.managerA, tokens.managerB)).status).toBe(403);
    expect((await addMember(slugB, people.admin, "viewer", tokens.managerB)).status).toBe(201);
    expect((await mint(people.admin, tokens.managerB)).status).toBe(403);
    expect(await t.db.apiToken.count()).toBe(before);
  });

  it("a token is never wider than its creator: a manager's token made for a programme cannot mint beyond it", async () => {
    // A's manager, also a viewer of B, makes a personal token scoped to B (as on B's tokens page)...
    const { createApiToken } = await import("./mutations/create-api-token");
    const managerA = await t.db.user.findUniqueOrThrow({ where: { email: people.managerA } });
    const programmeB = await t.db.programme.findUniqueOrThrow({ where: { slug: slugB } });
    const { token: scoped } = await createApiToken({ userId: managerA.id, name: "A", isAdmin: false }, { email: people.managerA, name: "b only" }, { programmeId: programmeB.id });
    // ...which sees B only, and every token it mints for itself is scoped to B as well.
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugA}/services`, scoped), { params: Promise.resolve({ slug: slugA }) })).status).toBe(404);
    const listed = await (await programmesRoute.GET(get("/api/v1/programmes", scoped), noParams)).json();
    expect(listed.map((p: { slug: string }) => p.slug)).toEqual([slugB]);
    const child = await tokenOf(await mint(people.managerA, scoped));
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugA}/services`, child), { params: Promise.resolve({ slug: slugA }) })).status).toBe(404);
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugB}/services`, child), { params: Promise.resolve({ slug: slugB }) })).status).toBe(200);
  });

  it("A's audit log never credits A's manager with something B's manager did", async () => {
    const managerA = await t.db.user.findUniqueOrThrow({ where: { email: people.managerA } });
    const programmeA = await t.db.programme.findUniqueOrThrow({ where: { slug: slugA } });
    const managerB = await t.db.user.findUniqueOrThrow({ where: { email: people.managerB } });
    expect(await t.db.apiToken.count({ where: { userId: managerA.id, programmeId: null } })).toBe(1); // the admin's, from beforeAll
    expect(await t.db.event.count({ where: { programmeId: programmeA.id, actorId: managerB.id } })).toBe(0);
  });
});

describe("service accounts", () => {
  it("a manager mints tokens for their own programme's service account, and the token reaches that programme only", async () => {
    const bot = email("bot");
    const { createUser } = await import("./mutations/create-user");
    const managerB = await t.db.user.findUniqueOrThrow({ where: { email: people.managerB } });
    await createUser({ userId: managerB.id, name: "B", isAdmin: false }, slugB, { email: bot, name: "Pipeline", role: "lead", isServiceAccount: true });
    const botToken = await tokenOf(await mint(bot, tokens.managerB));
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugB}/services`, botToken), { params: Promise.resolve({ slug: slugB }) })).status).toBe(200);
    // Another programme's manager adds the service account to A and still cannot mint for it.
    expect((await addMember(slugA, bot, "manager", tokens.managerA)).status).toBe(201);
    expect((await mint(bot, tokens.managerA)).status).toBe(403);
    // Even the administrator's token for it stays in its home programme.
    const adminMade = await tokenOf(await mint(bot, ADMIN));
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugA}/services`, adminMade), { params: Promise.resolve({ slug: slugA }) })).status).toBe(404);
    expect((await servicesRoute.GET(get(`/api/v1/programmes/${slugA}/services`, botToken), { params: Promise.resolve({ slug: slugA }) })).status).toBe(404);
  });

  it("the administrator's token made for an administrator user is no wider than administration itself; a scoped one is never admin", async () => {
    expect((await programmesRoute.POST(post("/api/v1/programmes", { name: "By admin user", slug: uniqueSlug("adm") }, tokens.admin), noParams)).status).toBe(201);
    const programmeB = await t.db.programme.findUniqueOrThrow({ where: { slug: slugB } });
    const { createApiToken } = await import("./mutations/create-api-token");
    const admin = await t.db.user.findUniqueOrThrow({ where: { email: people.admin } });
    const { token: scoped } = await createApiToken({ userId: admin.id, name: "Administrator", isAdmin: true }, { email: people.admin, name: "b only" }, { programmeId: programmeB.id });
    expect((await programmesRoute.POST(post("/api/v1/programmes", { name: "By scoped", slug: uniqueSlug("scp") }, scoped), noParams)).status).toBe(403);
    expect((await mint(people.managerA, scoped)).status).toBe(403);
  });
});

describe("api_token events", () => {
  it("name the programmes the token concerns and show on their audit logs", async () => {
    const e = email("member");
    expect((await addMember(slugA, e, "viewer")).status).toBe(201);
    expect((await addMember(slugB, e, "viewer")).status).toBe(201);
    const own = await tokenOf(await mint(e, ADMIN));
    const row = await t.db.apiToken.findFirstOrThrow({ where: { user: { email: e } } });
    for (const slug of [slugA, slugB]) {
      const res = await eventsRoute.GET(get(`/api/v1/programmes/${slug}/events`, ADMIN), { params: Promise.resolve({ slug }) });
      const list: { action: string; entityId: string }[] = await res.json();
      expect(list.filter((ev) => ev.action === "api_token.created" && ev.entityId === row.id)).toHaveLength(1);
    }
    const { revokeApiToken } = await import("./mutations/revoke-api-token");
    await revokeApiToken({ userId: row.userId, name: "member", isAdmin: false }, { tokenId: row.id });
    expect(await t.db.event.count({ where: { action: "api_token.revoked", entityId: row.id, programmeId: { not: null } } })).toBe(2);
    expect(own).toMatch(/\S{20,}/);
  });
});

describe("a token made on a programme's page", () => {
  // Regression: the use case looked the user up before the programme, so its answer told an
  // outsider whether a user id exists ("User was not found" or the programme's 404).
  it("tells someone who cannot see the programme nothing about the user named", async () => {
    const { createProgrammeToken } = await import("./mutations/create-programme-token");
    const managerB = await t.db.user.findUniqueOrThrow({ where: { email: people.managerB }, select: { id: true, name: true } });
    const outsider = { userId: managerB.id, name: managerB.name, isAdmin: false };
    const managerA = await t.db.user.findUniqueOrThrow({ where: { email: people.managerA }, select: { id: true } });
    const answers = await Promise.all(
      [managerA.id, "no-such-user"].map((forUserId) => createProgrammeToken(outsider, slugA, { name: "probe", forUserId }).then(() => null, (error: Error) => error.message)),
    );
    expect(answers[0]).toMatch(/programme/i);
    expect(answers[1]).toBe(answers[0]);
    expect(await t.db.apiToken.count({ where: { name: "probe" } })).toBe(0);
  });
});
