import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";

// Route handlers called as Next calls them, on a real database.
let t: TestDatabase;
let routes: typeof import("@/app/api/v1/programmes/route");
const ADMIN = "integration-admin-token-0123";

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  routes = await import("@/app/api/v1/programmes/route");
});

const ctx = { params: Promise.resolve({}) };
const req = (method: string, body?: unknown, token: string | null = ADMIN, headers: Record<string, string> = {}) =>
  new NextRequest("http://localhost/api/v1/programmes", {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /api/v1/programmes", () => {
  it("creates a programme with an event in the same transaction", async () => {
    const slug = uniqueSlug("api");
    const res = await routes.POST(req("POST", { name: "API made", slug, targetDate: "2027-12-31" }), ctx);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ slug, name: "API made" });
    const programme = await t.db.programme.findUniqueOrThrow({ where: { slug } });
    expect(programme.targetDate?.toISOString().slice(0, 10)).toBe("2027-12-31");
    const events = await t.db.event.findMany({ where: { programmeId: programme.id } });
    expect(events.map((e) => [e.action, e.actorName])).toEqual([["programme.created", "admin token"]]);
  });

  it("answers a duplicate slug with CONFLICT and writes nothing more", async () => {
    const slug = uniqueSlug("dup");
    expect((await routes.POST(req("POST", { name: "One", slug }), ctx)).status).toBe(201);
    const before = await t.db.event.count();
    const res = await routes.POST(req("POST", { name: "Two", slug }), ctx);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("CONFLICT");
    expect(await t.db.event.count()).toBe(before);
    expect(await t.db.programme.count({ where: { slug } })).toBe(1);
  });

  it.each([
    ["unknown fields", { name: "x", colour: "red" }],
    ["a missing name", { slug: "no-name" }],
    ["a malformed date", { name: "x", targetDate: "tomorrow" }],
    ["malformed JSON", "{not json"],
  ])("rejects %s with INVALID", async (_label, body) => {
    const before = await t.db.programme.count();
    const res = await routes.POST(req("POST", body), ctx);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error.code).toBe("INVALID");
    expect(JSON.stringify(json)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(await t.db.programme.count()).toBe(before);
  });

  it("refuses a caller without a token, and a token that is not known", async () => {
    expect((await routes.POST(req("POST", { name: "x" }, null), ctx)).status).toBe(401);
    expect((await routes.GET(req("GET", undefined, "ferry_unknown"), ctx)).status).toBe(401);
  });

  it("accepts a stored user token, which sees only its own programmes and may not create one", async () => {
    const { generateToken, hashToken, tokenPrefix } = await import("@/lib/auth/tokens");
    const token = generateToken();
    const mine = await t.db.programme.create({ data: { slug: uniqueSlug("mine"), name: "Mine" } });
    await t.db.programme.create({ data: { slug: uniqueSlug("theirs"), name: "Theirs" } });
    await t.db.user.create({
      data: {
        email: `${uniqueSlug("u")}@example.test`,
        name: "Viewer",
        memberships: { create: { programmeId: mine.id, role: "viewer" } },
        apiTokens: { create: { name: "ci", tokenHash: hashToken(token), prefix: tokenPrefix(token) } },
      },
    });
    const res = await routes.GET(req("GET", undefined, token), ctx);
    expect(res.status).toBe(200);
    expect((await res.json()).map((p: { slug: string }) => p.slug)).toEqual([mine.slug]);
    expect((await routes.POST(req("POST", { name: "Nope" }, token), ctx)).status).toBe(403);
  });

  it("echoes the caller's request id and makes one otherwise", async () => {
    const res = await routes.GET(req("GET", undefined, ADMIN, { "x-request-id": "abc-123" }), ctx);
    expect(res.headers.get("x-request-id")).toBe("abc-123");
    expect((await routes.GET(req("GET"), ctx)).headers.get("x-request-id")).toMatch(/.{8,}/);
  });
});

describe("the event log", () => {
  it("refuses updates and deletes at the database", async () => {
    const e = await t.db.event.create({ data: { actorName: "x", entityType: "programme", entityId: "p", action: "programme.created" } });
    await expect(t.db.event.update({ where: { id: e.id }, data: { action: "changed" } })).rejects.toThrow(/append-only/);
    await expect(t.db.event.delete({ where: { id: e.id } })).rejects.toThrow(/append-only/);
  });
});
