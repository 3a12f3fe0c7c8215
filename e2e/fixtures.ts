/**
 * The e2e test: Playwright's, with fixtures that create what a test needs and remove it
 * afterwards, so no spec depends on another's data and any order passes.
 *
 * - `programme`: a fresh programme seeded with the demo's estate, for a test that writes.
 * - `emptyProgramme`: a fresh programme with nothing in it (imports start there).
 * - `sharedProgramme`: seeded once per worker, for tests that only read (never write to it).
 * - `signedInAs(role, programme)`: a new user with that role there (or `signedInAs("admin")`,
 *   a deployment administrator), signed in on the test's page without the form.
 * - `cleanup`: removes what a test made through the app itself (a programme created in the
 *   form, an SSO user) once it ends.
 *
 * The demo programme seeded at server start is read, never written, by the specs that test the
 * demo install itself: auth.spec.ts (the demo sign-ins and their roles, through `signInAs`),
 * sso.spec.ts (an SSO user reads the demo as a viewer), setup.spec.ts, api.spec.ts (the
 * programme list holds the demo), and http-hardening.spec.ts (addresses and methods under
 * /p/demo answered before any data is read, and the metrics' programme label). faults.spec.ts,
 * backup-restore.spec.ts and lifecycle.spec.ts run servers and databases of their own.
 */
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { hashPassword } from "better-auth/crypto";
import { E2E_ADMIN_TOKEN } from "../playwright.config";
import type { Db } from "../lib/db";
import { DEMO_ACCOUNTS, type DemoRole } from "../lib/auth/demo-accounts";
import { databaseNow, e2eDatabaseUrl, openE2eDb, withE2eDb } from "./support/database";
import { createEmptyProgramme, removeProgramme, seedTestProgramme, type TestProgramme } from "./support/programmes";
import { createTestUser, removeUsers, signIn, TEST_PASSWORD, type TestRole, type TestUser } from "./support/people";

export { expect, e2eDatabaseUrl, withE2eDb, type TestProgramme, type TestUser };

/**
 * Serious and critical accessibility violations on the current page, by rule id.
 * Legacy mode runs axe.run in the page itself. The default opens a blank page of its own for
 * every analysis to combine results across cross-origin frames, which Ferry's pages do not
 * have: that took two thirds of each analysis (measured: 620 ms against 170 ms on a small
 * page, 2.0 s against 0.6 s on the services list), and the suite runs about 200 of them.
 * Only violations are collected in full (`resultTypes`); the rules and their findings are the same.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).setLegacyMode(true).options({ resultTypes: ["violations"] }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export const adminHeaders = { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

/** The demo programme seeded at server start (read only; see above). */
export const DEMO: Pick<TestProgramme, "slug"> = { slug: "demo" };

/**
 * Signs the page in as one of the demo install's own sign-ins (demo-accounts.ts), for the
 * specs that test those accounts; every other spec signs in as a user of its own (`signedInAs`).
 */
export async function signInAs(page: Page, role: DemoRole): Promise<void> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role)!;
  await signIn(page, account.email, account.password, test.info().project.use.baseURL!);
}

export type SignedInAs = {
  (role: "admin", programme?: undefined, options?: { page?: Page }): Promise<TestUser>;
  (role: Exclude<TestRole, "admin">, programme: Pick<TestProgramme, "slug">, options?: { page?: Page; teams?: string[] }): Promise<TestUser>;
};

export type Cleanup = { programme: (slug: string) => void; user: (email: string) => void };

type TestFixtures = { programme: TestProgramme; emptyProgramme: TestProgramme; signedInAs: SignedInAs; cleanup: Cleanup };
type WorkerFixtures = { db: Db; passwordHash: string; sharedProgramme: TestProgramme };

/** A slug prefix naming the spec, so a leftover (a failed teardown) says where it came from. */
const prefixOf = (file: string) => path.basename(file).replace(/\.spec\.ts$/, "");

// Each fixture hands its value to the test through `provide` (Playwright's `use`, renamed so the
// React hooks lint does not take it for React's), then removes what it made.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  db: [
    async ({}, provide) => {
      const db = openE2eDb();
      await provide(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  passwordHash: [async ({}, provide) => provide(await hashPassword(TEST_PASSWORD)), { scope: "worker" }],
  sharedProgramme: [
    async ({ db }, provide) => {
      const since = await databaseNow(db);
      const programme = await seedTestProgramme(db, "shared");
      await provide(programme);
      await removeProgramme(db, programme.slug, since);
    },
    { scope: "worker" },
  ],

  programme: async ({ db }, provide, testInfo) => {
    const since = await databaseNow(db);
    const programme = await seedTestProgramme(db, prefixOf(testInfo.file));
    await provide(programme);
    await removeProgramme(db, programme.slug, since);
  },

  emptyProgramme: async ({ db, request }, provide, testInfo) => {
    const since = await databaseNow(db);
    const programme = await createEmptyProgramme(db, request, prefixOf(testInfo.file));
    await provide(programme);
    await removeProgramme(db, programme.slug, since);
  },

  signedInAs: async ({ db, passwordHash, page, baseURL }, provide) => {
    const made: string[] = [];
    const signedInAs = async (role: TestRole, programme?: Pick<TestProgramme, "slug">, options: { page?: Page; teams?: string[] } = {}) => {
      const programmeId = programme ? (await db.programme.findUniqueOrThrow({ where: { slug: programme.slug }, select: { id: true } })).id : undefined;
      const user = await createTestUser(db, passwordHash, { role, programmeId, teams: options.teams });
      made.push(user.id);
      await signIn(options.page ?? page, user.email, TEST_PASSWORD, baseURL!);
      return user;
    };
    await provide(signedInAs as SignedInAs);
    await removeUsers(db, { ids: made });
  },

  cleanup: async ({ db }, provide) => {
    const since = await databaseNow(db);
    const programmes: string[] = [];
    const emails: string[] = [];
    await provide({ programme: (slug) => void programmes.push(slug), user: (email) => void emails.push(email) });
    await removeUsers(db, { emails });
    for (const slug of programmes) await removeProgramme(db, slug, since);
  },
});
