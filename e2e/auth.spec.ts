import { createHash, randomUUID } from "node:crypto";
import { test, expect, axeViolations, signInAs, e2eDatabaseUrl } from "./fixtures";
import { createDb } from "../lib/db";
import { DEMO_ACCOUNTS } from "../lib/auth/demo-accounts";

test.describe("sign-in", () => {
  test("pages send a visitor who is not signed in to the sign-in page", async ({ page }) => {
    await page.goto("/p/demo");
    await expect(page).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("heading", { name: "Sign in to Ferry" })).toBeVisible();
    // The demo installation shows its demo sign-ins.
    await expect(page.getByRole("table", { name: "Demo accounts" })).toContainText("demo-viewer@ferry.local");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a wrong password and an unknown email get the same answer", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in with email and password" });
    await form.getByLabel("Email").fill("demo-viewer@ferry.local");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    const wrongPassword = await page.getByRole("status").filter({ hasText: /do not match/ }).textContent();
    await form.getByLabel("Email").fill("nobody@ferry.local");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status").filter({ hasText: /do not match/ })).toHaveText(wrongPassword!);
  });

  for (const account of DEMO_ACCOUNTS) {
    test(`the demo ${account.role} signs in through the form and sees their role`, async ({ page }) => {
      await page.goto("/sign-in?next=/p/demo");
      const form = page.getByRole("form", { name: "Sign in with email and password" });
      await form.getByLabel("Email").fill(account.email);
      await form.getByLabel("Password").fill(account.password);
      await form.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(/\/p\/demo$/);
      await expect(page.getByText(`${account.role} of this programme`)).toBeVisible();
      await page.getByRole("button", { name: "Sign out" }).click();
      await expect(page).toHaveURL(/\/sign-in/);
      await page.goto("/p/demo");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test("signInAs signs in programmatically", async ({ page }) => {
    await signInAs(page, "manager");
    await page.goto("/p/demo");
    await expect(page.getByText("manager of this programme")).toBeVisible();
  });

  test("an administrator creates a programme and becomes its first manager", async ({ page, signedInAs, cleanup }) => {
    const admin = await signedInAs("admin");
    await page.goto("/");
    // Regression: the programme list had no brand, no name of who is signed in and no way out.
    const bar = page.getByRole("banner");
    await expect(bar.getByRole("link", { name: "Ferry" })).toHaveAttribute("href", "/");
    await expect(bar).toContainText(`Signed in as ${admin.name} · administrator`);
    await expect(bar.getByRole("button", { name: "Sign out" })).toBeVisible();
    const form = page.getByRole("form", { name: "Create a programme" });
    const stamp = Date.now();
    const name = `Datacentre exit ${stamp}`;
    cleanup.programme(`datacentre-exit-${stamp}`);
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Target date").fill("2027-12-31");
    await form.getByRole("button", { name: "Create programme" }).click();
    await expect(page).toHaveURL(/\/p\/datacentre-exit-\d+\/settings\/people$/);
    await expect(page.getByRole("row", { name: new RegExp(admin.name) })).toContainText("manager");
    expect(await axeViolations(page)).toEqual([]);
  });

  for (const [role, canManagePeople] of [["manager", true], ["lead", false], ["viewer", false]] as const) {
    test(`the demo ${role} ${canManagePeople ? "manages" : "only reads"} people`, async ({ page }) => {
      await signInAs(page, role);
      await page.goto("/p/demo/settings/people");
      await expect(page.getByRole("table", { name: /members of/i })).toBeVisible();
      await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(canManagePeople ? 1 : 0);
      // The home page offers programme creation to administrators only; the demo manager is
      // the demo's administrator (so a demo install needs no setup).
      await page.goto("/");
      await expect(page.getByRole("form", { name: "Create a programme" })).toHaveCount(role === "manager" ? 1 : 0);
    });
  }
});

// Regression for "unlimited password guessing": both sign-in paths were limited under the
// X-Forwarded-For the client sent. Through the real server, the form's action and
// better-auth's endpoint must count on one row keyed by the connection's own address.
test("failed sign-ins count under the connection's address, whatever forwarding headers the client sends", async ({ browser }) => {
  const email = `guesser-${randomUUID()}@ferry.local`;
  const forged = { "x-forwarded-for": "198.51.100.77", "x-real-ip": "198.51.100.78", "x-ferry-peer-address": "198.51.100.79" };
  const context = await browser.newContext({ extraHTTPHeaders: forged });
  try {
    const page = await context.newPage();
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in with email and password" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status").filter({ hasText: /do not match/ })).toBeVisible();
    const api = await page.request.post("/api/auth/sign-in/email", { data: { email, password: "not-the-password" }, headers: { origin: new URL(page.url()).origin } });
    expect(api.status()).toBe(401);
  } finally {
    await context.close();
  }
  // The key scheme of lib/auth/sign-in-limiter.ts: the address, then the hashed email.
  const account = createHash("sha256").update(email).digest("base64url");
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    const rows = await db.signInThrottle.findMany({ where: { key: { endsWith: account } }, select: { key: true, failures: true } });
    expect(rows).toEqual([{ key: `pair:127.0.0.1:${account}`, failures: 2 }]);
    expect(await db.signInThrottle.count({ where: { key: { contains: "198.51.100." } } })).toBe(0);
  } finally {
    await db.$disconnect();
  }
});
