// People of a test's own: a user with a role in one programme (or a deployment administrator),
// signed in through better-auth's endpoint rather than the form, and deleted afterwards.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import type { Db } from "../../lib/db";
import type { Role } from "../../lib/generated/prisma/enums";
import { CREDENTIAL_PROVIDER } from "../../lib/auth/credentials";
import { addMembership, createUser } from "../../lib/seed";
import { DEMO_PEOPLE, DEMO_TEAMS } from "../../lib/seed/demo-data";

export type TestRole = Role | "admin";
export type TestUser = { id: string; email: string; name: string; role: TestRole };

/** Every test user's password; hashed once per worker (better-auth's hash costs about 100 ms). */
export const TEST_PASSWORD = "e2e-fixture-password";

/**
 * The teams a lead leads unless told otherwise: those of the demo's lead persona, so that a
 * seeded programme's slices a spec works on (Search, Promotions, Catalogue API) are theirs.
 */
export const DEMO_LEAD_TEAMS: string[] = DEMO_PEOPLE.find((p) => p.email === "demo-lead@ferry.local")!.leadOf.map((key) => DEMO_TEAMS[key].name);

/**
 * A user with a password account stored as lib/auth/credentials.ts stores one (better-auth
 * keys it by the user's id), and, unless an administrator, a role in the programme: a lead
 * leads `teams` (by default DEMO_LEAD_TEAMS, those the programme has), others belong to none.
 */
export async function createTestUser(db: Db, passwordHash: string, input: { role: TestRole; programmeId?: string; teams?: string[] }): Promise<TestUser> {
  const { role, programmeId } = input;
  if (role !== "admin" && !programmeId) throw new Error(`a ${role} needs a programme to have the role in`);
  const handle = randomUUID().slice(0, 8);
  const email = `e2e-${role}-${handle}@ferry.test`;
  const name = `E2E ${role[0].toUpperCase()}${role.slice(1)} ${handle}`;
  return db.$transaction(async (tx) => {
    const user = await createUser(tx, { email, name, emailVerified: true, isAdmin: role === "admin" });
    await tx.account.create({ data: { userId: user.id, providerId: CREDENTIAL_PROVIDER, accountId: user.id, password: passwordHash } });
    if (role !== "admin") {
      const wanted = input.teams ?? (role === "lead" ? DEMO_LEAD_TEAMS : []);
      const teams = await tx.team.findMany({ where: { programmeId, name: { in: wanted } }, select: { id: true } });
      if (input.teams && teams.length !== input.teams.length) throw new Error(`the programme lacks one of the teams ${input.teams.join(", ")}`);
      const ids = teams.map((t) => t.id);
      await addMembership(tx, user.id, { programmeId: programmeId!, role, ...(role === "lead" ? { leadOf: ids } : { memberOf: ids }) });
    }
    return { id: user.id, email, name, role };
  });
}

/**
 * Signs the page's browser context in: better-auth's sign-in endpoint answers with the session
 * cookie, which the context keeps (page.request shares the page's cookies), as the form would.
 */
export async function signIn(page: Page, email: string, password: string, origin: string): Promise<void> {
  const res = await page.request.post("/api/auth/sign-in/email", { data: { email, password }, headers: { Origin: origin } });
  if (res.status() !== 200) throw new Error(`signing in as ${email} answered ${res.status()}: ${await res.text()}`);
}

/** Deletes users with their sessions, accounts, roles and tokens (the schema cascades). */
export async function removeUsers(db: Db, where: { ids?: string[]; emails?: string[] }): Promise<void> {
  const or = [...(where.ids?.length ? [{ id: { in: where.ids } }] : []), ...(where.emails?.length ? [{ email: { in: where.emails } }] : [])];
  if (or.length) await db.user.deleteMany({ where: { OR: or } });
}
