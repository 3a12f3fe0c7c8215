/**
 * A small programme for the slices integration tests: two teams, a lead of the first with a
 * token, a viewer with a token, and slices with the default checklist. Route handlers are
 * called as Next calls them.
 */
import { NextRequest } from "next/server";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateToken, hashToken, tokenPrefix } from "@/lib/auth/tokens";
import { applyChecklist, createProgramme, createService, createSlice, createTeam, createUser } from "@/lib/seed/factories";
import { uniqueSlug } from "@/lib/testing/db";

export const ADMIN_TOKEN = "slices-integration-admin-token-0123";

export type SliceProgramme = {
  slug: string;
  programmeId: string;
  teamId: string;
  otherTeamId: string;
  lead: { id: string; token: string };
  otherLead: { token: string };
  viewer: { token: string };
  newSlice: (opts?: { team?: "mine" | "other"; stateful?: boolean }) => Promise<{ id: string; items: { id: string; key: string; gateStage: string | null; category: string }[] }>;
};

async function userWithToken(db: Db, programmeId: string, role: Role, leadOf: string[] = []) {
  const token = generateToken();
  const user = await createUser(db, { membership: { programmeId, role, leadOf } });
  await db.apiToken.create({ data: { userId: user.id, name: "test", tokenHash: hashToken(token), prefix: tokenPrefix(token) } });
  return { id: user.id, token };
}

/** Creates the programme; `newSlice` adds a slice at 0% with its checklist. */
export async function seedSliceProgramme(db: Db): Promise<SliceProgramme> {
  const programme = await createProgramme(db, { slug: uniqueSlug("slices") });
  const team = await createTeam(db, { programmeId: programme.id });
  const other = await createTeam(db, { programmeId: programme.id });
  const lead = await userWithToken(db, programme.id, "lead", [team.id]);
  const otherLead = await userWithToken(db, programme.id, "lead", [other.id]);
  const viewer = await userWithToken(db, programme.id, "viewer");
  return {
    slug: programme.slug,
    programmeId: programme.id,
    teamId: team.id,
    otherTeamId: other.id,
    lead,
    otherLead,
    viewer,
    newSlice: async ({ team: which = "mine", stateful = false } = {}) => {
      const teamId = which === "mine" ? team.id : other.id;
      const service = await createService(db, { programmeId: programme.id, teamId, stateful });
      const slice = await createSlice(db, { programmeId: programme.id, teamId, serviceIds: [service.id] });
      const items = await applyChecklist(db, slice);
      return { id: slice.id, items: items.map((i) => ({ id: i.id, key: i.key, gateStage: i.gateStage, category: i.category })) };
    },
  };
}

/** A request to a route handler with a bearer token and a JSON (or raw) body. */
export function apiRequest(method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN): NextRequest {
  return new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "content-type": typeof body === "string" ? "application/yaml" : "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** Route context the way Next passes params. */
export const routeParams = <P>(params: P) => ({ params: Promise.resolve(params) });

