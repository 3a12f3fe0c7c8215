import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import type { Actor } from "./actor";

// Users, tokens and the events feed through their REST routes, on a real database.
let t: TestDatabase;
let users: typeof import("@/app/api/v1/users/route");
let tokens: typeof import("@/app/api/v1/tokens/route");
let events: typeof import("@/app/api/v1/programmes/[slug]/events/route");
let setMemberRole: typeof import("./mutations/set-member-role").setMemberRole;
let removeMember: typeof import("./mutations/remove-member").removeMember;
const ADMIN = "people-admin-token-0123456789";
let slug: string;
let otherSlug: string;

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  users = await import("@/app/api/v1/users/route");
  tokens = await import("@/app/api/v1/tokens/route");
  events = await import("@/app/api/v1/programmes/[slug]/events/route");
  ({ setMemberRole } = await import("./mutations/set-member-role"));
  ({ removeMember } = await import("./mutations/remove-member"));
  slug = uniqueSlug("people");
  otherSlug = uniqueSlug("other");
  const p = await t.db.programme.create({ data: { slug, name: "People" } });
  await t.db.programme.create({ data: { slug: otherSlug, name: "Other" } });
  await t.db.team.create({ data: { programmeId: p.id, name: "payments" } });
});

const call = (url: string, body: unknown, token = ADMIN) =>
  new NextRequest(`http://localhost${url}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
const noParams = { params: Promise.resolve({}) };
const email = () => `${uniqueSlug("p")}@example.test`;

async function tokenFor(userEmail: string): Promise<string> {
  const res = await tokens.POST(call("/api/v1/tokens", { email: userEmail, name: "test" }), noParams);
  expect(res.status).toBe(201);
  return (await res.json()).token;
}

describe("POST /api/v1/users", () => {
  it("adds a lead to the programme and their teams, with an event", async () => {
    const e = email();
    const res = await users.POST(call(`/api/v1/users?programme=${slug}`, { email: e, name: "Lee", role: "lead", teams: ["payments"] }), noParams);
    expect(res.status).toBe(201);
    const { id } = await res.json();
    const member = await t.db.membership.findFirstOrThrow({ where: { userId: id, programme: { slug } } });
    expect(member.role).toBe("lead");
    expect(await t.db.teamMember.count({ where: { userId: id, isLead: true, team: { name: "payments" } } })).toBe(1);
    expect(await t.db.event.count({ where: { action: "membership.created", entityId: id } })).toBe(1);
  });

  it.each([
    ["no programme", "/api/v1/users", { email: "a@b.test", name: "A", role: "viewer" }, 400],
    ["an unknown role", "/api/v1/users?programme=SLUG", { email: "a@b.test", name: "A", role: "owner" }, 400],
    ["an unknown team", "/api/v1/users?programme=SLUG", { email: "a@b.test", name: "A", role: "lead", teams: ["nope"] }, 400],
    ["an unknown field", "/api/v1/users?programme=SLUG", { email: "a@b.test", name: "A", role: "viewer", admin: true }, 400],
    ["an unknown programme", "/api/v1/users?programme=no-such-programme", { email: "a@b.test", name: "A", role: "viewer" }, 404],
  ])("refuses %s and writes nothing", async (_label, url, body, status) => {
    const before = await t.db.user.count();
    const res = await users.POST(call(url.replace("SLUG", slug), body), noParams);
    expect(res.status).toBe(status);
    expect(await t.db.user.count()).toBe(before);
  });

  it("lets only managers add people, and hides other programmes", async () => {
    const viewerEmail = email();
    await users.POST(call(`/api/v1/users?programme=${slug}`, { email: viewerEmail, name: "V", role: "viewer" }), noParams);
    const viewerToken = await tokenFor(viewerEmail);
    expect((await users.POST(call(`/api/v1/users?programme=${slug}`, { email: email(), name: "X", role: "viewer" }, viewerToken), noParams)).status).toBe(403);
    // Programme B does not exist for a member of programme A only.
    expect((await users.POST(call(`/api/v1/users?programme=${otherSlug}`, { email: email(), name: "X", role: "viewer" }, viewerToken), noParams)).status).toBe(404);
  });
});

describe("POST /api/v1/tokens", () => {
  it("stores only a hash and the token authenticates until revoked", async () => {
    const e = email();
    const { id } = await (await users.POST(call(`/api/v1/users?programme=${slug}`, { email: e, name: "Bot", role: "viewer" }), noParams)).json();
    const token = await tokenFor(e);
    const stored = await t.db.apiToken.findFirstOrThrow({ where: { userId: id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const get = (tok: string) => events.GET(new NextRequest(`http://localhost/api/v1/programmes/${slug}/events`, { headers: { authorization: `Bearer ${tok}` } }), { params: Promise.resolve({ slug }) });
    expect((await get(token)).status).toBe(200);
    const { revokeApiToken } = await import("./mutations/revoke-api-token");
    await revokeApiToken({ userId: id, name: "Bot", isAdmin: false }, { tokenId: stored.id });
    expect((await get(token)).status).toBe(401);
  });

  it("lets a person make their own token but not someone else's", async () => {
    const a = email();
    const b = email();
    await users.POST(call(`/api/v1/users?programme=${slug}`, { email: a, name: "A", role: "lead" }), noParams);
    await users.POST(call(`/api/v1/users?programme=${slug}`, { email: b, name: "B", role: "viewer" }), noParams);
    const tokenA = await tokenFor(a);
    expect((await tokens.POST(call("/api/v1/tokens", { email: a, name: "mine" }, tokenA), noParams)).status).toBe(201);
    expect((await tokens.POST(call("/api/v1/tokens", { email: b, name: "theirs" }, tokenA), noParams)).status).toBe(403);
  });
});

describe("GET /api/v1/programmes/{slug}/events", () => {
  it("lists events oldest first, from a time, and refuses a bad query", async () => {
    const get = (query: string) => events.GET(new NextRequest(`http://localhost/api/v1/programmes/${slug}/events${query}`, { headers: { authorization: `Bearer ${ADMIN}` } }), { params: Promise.resolve({ slug }) });
    const all = await (await get("")).json();
    expect(all.length).toBeGreaterThan(2);
    const times = all.map((e: { at: string }) => e.at);
    expect([...times].sort()).toEqual(times);
    const later = await (await get(`?since=${encodeURIComponent(all[all.length - 1].at)}`)).json();
    expect(later.length).toBeGreaterThanOrEqual(1);
    expect(later.length).toBeLessThan(all.length);
    expect((await get("?since=yesterday")).status).toBe(400);
    expect((await get("?colour=red")).status).toBe(400);
  });
});

describe("people mutations", () => {
  it("keeps at least one manager", async () => {
    const admin: Actor = { userId: null, name: "admin", isAdmin: true };
    const s = uniqueSlug("mgr");
    const p = await t.db.programme.create({ data: { slug: s, name: "Managers" } });
    const u = await t.db.user.create({ data: { email: email(), name: "Only manager", memberships: { create: { programmeId: p.id, role: "manager" } } } });
    await expect(setMemberRole(admin, s, { userId: u.id, role: "viewer" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(removeMember(admin, s, { userId: u.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await t.db.membership.findFirstOrThrow({ where: { userId: u.id } })).role).toBe("manager");
  });
});
