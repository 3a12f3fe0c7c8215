import { test, expect } from "./fixtures";
import { OIDC_ALLOWED_DOMAIN, startOidcProvider } from "./support/oidc-provider";

// Single sign-on against a real OpenID provider started here; Ferry's server is configured
// for it by playwright.config.ts and finds it on the first SSO request.
let stop: (() => Promise<void>) | undefined;
test.beforeAll(async () => {
  const baseURL = test.info().project.use.baseURL!;
  stop = (await startOidcProvider(baseURL)).stop;
});
test.afterAll(async () => stop?.());

async function ssoSignIn(page: import("@playwright/test").Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: /sign in with/i }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent the first time.
  const consent = page.locator('button[type="submit"]');
  if (await consent.isVisible().catch(() => false)) await consent.click();
}

test("a person from the allowed domain signs in with SSO and reads as a viewer", async ({ page, cleanup }) => {
  const email = `ada-${Date.now()}@${OIDC_ALLOWED_DOMAIN}`;
  // Ferry creates the user on the first SSO sign-in, a viewer of every programme; it goes with the test.
  cleanup.user(email);
  await ssoSignIn(page, email);
  await page.goto("/p/demo");
  await expect(page.getByText("viewer of this programme")).toBeVisible();
  await expect(page.getByText(`SSO ada-`)).toBeVisible();
});

test("a person from another domain is refused", async ({ page }) => {
  await ssoSignIn(page, `mallory-${Date.now()}@elsewhere.example`);
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByText("Single sign-on did not complete")).toBeVisible();
  await page.goto("/p/demo");
  await expect(page).toHaveURL(/\/sign-in/);
});
