import { expect, test } from "@playwright/test";

// The demo install (seeded, with FERRY_ADMIN_TOKEN set) once left /setup open to anyone: its
// demo manager is now the administrator, so setup is closed and not advertised.
test("an anonymous visitor cannot reach setup on a demo install, and sign-in does not advertise it", async ({ page }) => {
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in to Ferry" })).toBeVisible();
  await expect(page.getByRole("link", { name: /set up/i })).toHaveCount(0);
});
