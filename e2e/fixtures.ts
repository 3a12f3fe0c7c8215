import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E_ADMIN_TOKEN } from "../playwright.config";
import { createDb } from "../lib/db";
import { seedDemoProgramme } from "../lib/seed";
import { createPasswordUser } from "../lib/auth/credentials";
import { DEMO_ACCOUNTS, type DemoRole } from "../lib/auth/demo-accounts";

/** Serious and critical accessibility violations on the current page, by rule id. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export const adminHeaders = { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` };

/**
 * The database the server under test uses: DATABASE_URL when the runner set one, else the
 * embedded database's URL, which `npm start` writes into its data directory.
 */
export function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const file = path.join(process.env.FERRY_DATA_DIR ?? ".data", "database-url");
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * A demo programme of the test's own (a fresh slug), so a spec that changes data never
 * disturbs another spec's assertions. Returns its slug.
 */
export async function seedProgramme(prefix = "e2e"): Promise<string> {
  const slug = `${prefix}-${randomUUID().slice(0, 8)}`;
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    await seedDemoProgramme(db, { slug });
  } finally {
    await db.$disconnect();
  }
  return slug;
}

const E2E_ADMIN = { email: "e2e-admin@ferry.local", password: "e2e-admin-password" };

/** Makes sure an administrator account exists for specs that need one. */
async function ensureAdmin(): Promise<void> {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    if (await db.user.findUnique({ where: { email: E2E_ADMIN.email }, select: { id: true } })) return;
    await createPasswordUser(db, { ...E2E_ADMIN, name: "E2E Admin", isAdmin: true });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Signs the page's browser context in programmatically (no sign-in form): as one of the demo
 * roles, or as an administrator. Cookies are shared by the page and page.request.
 */
export async function signInAs(page: Page, who: DemoRole | "admin"): Promise<void> {
  let credentials: { email: string; password: string };
  if (who === "admin") {
    await ensureAdmin();
    credentials = E2E_ADMIN;
  } else {
    credentials = DEMO_ACCOUNTS.find((a) => a.role === who)!;
  }
  const baseURL = test.info().project.use.baseURL!;
  const res = await page.request.post("/api/auth/sign-in/email", {
    data: { email: credentials.email, password: credentials.password },
    headers: { Origin: baseURL },
  });
  expect(res.status(), `sign in as ${who}`).toBe(200);
}

export const test = base;
export { expect };
