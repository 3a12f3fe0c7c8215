/**
 * Helpers for the waves domain's integration tests: API calls as Next makes them, tokens for
 * a role, and a small hand-made programme whose plan is known.
 */
import { NextRequest } from "next/server";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { createDependency, createProgramme, createService, createSlice, createTeam, createUser, createWave } from "@/lib/seed";
import { uniqueSlug } from "@/lib/testing/db";

export const ADMIN_TOKEN = "waves-integration-admin-token-0123";

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler with a JSON body and a bearer token (the admin's unless given). */
export async function call<P>(handler: Handler<P>, params: P, init: { method?: string; body?: unknown; token?: string | null } = {}) {
  const { method = "POST", body, token = ADMIN_TOKEN } = init;
  const request = new NextRequest("http://localhost/api/v1/x", {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(request, { params: Promise.resolve(params) });
  return { status: res.status, json: await res.json() };
}

/** A user with a role in the programme (and, for leads, their teams), with an API token and an actor. */
export async function userWithRole(db: Db, programmeId: string, role: Role, leadOf: string[] = []): Promise<{ token: string; actor: Actor }> {
  const token = generateToken();
  const user = await createUser(db, { membership: { programmeId, role, leadOf } });
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
  return { token, actor: { userId: user.id, name: user.name, isAdmin: false } };
}

export const admin: Actor = { userId: null, name: "Test admin", isAdmin: true };

/**
 * web -> api -> leaf, api uses db (a datastore); teams shop and pay. Slices: "Leaf" (leaf,
 * wave 1) and "Web" (web, wave 1, which breaks the order); api and db have no slice yet.
 */
export async function smallProgramme(db: Db) {
  const programme = await createProgramme(db, { slug: uniqueSlug("waves") });
  const programmeId = programme.id;
  const shop = await createTeam(db, { programmeId, name: "shop" });
  const pay = await createTeam(db, { programmeId, name: "pay" });
  const svc = async (name: string, teamId: string, kind: "api" | "datastore" = "api") => (await createService(db, { programmeId, name, teamId, kind })).id;
  const ids = { web: await svc("web", shop.id), api: await svc("api", pay.id), leaf: await svc("leaf", pay.id), db: await svc("db", pay.id, "datastore") };
  for (const [from, to] of [["web", "api"], ["api", "leaf"], ["api", "db"]] as const) await createDependency(db, { programmeId, fromId: ids[from], toId: ids[to] });
  const wave1 = await createWave(db, { programmeId, number: 1, name: "First" });
  const leaf = await createSlice(db, { programmeId, teamId: pay.id, name: "Leaf", waveId: wave1.id, serviceIds: [ids.leaf] });
  const web = await createSlice(db, { programmeId, teamId: shop.id, name: "Web", waveId: wave1.id, serviceIds: [ids.web] });
  return { programme, teams: { shop, pay }, services: ids, slices: { leaf, web }, wave1 };
}
