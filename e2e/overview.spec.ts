import { test, expect, axeViolations } from "./fixtures";

// A viewer of the worker's shared programme, which holds the demo's estate and nothing else.
test.describe("overview", () => {
  test.beforeEach(async ({ sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
  });

  test("shows the demo programme from real data", async ({ page, sharedProgramme }) => {
    await page.goto(`/p/${sharedProgramme.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/kubernetes/i);
    await expect(page.getByRole("term").filter({ hasText: "Slices live or done" })).toBeVisible();
    // The demo has 12 slices: the headline says "N of 12".
    await expect(page.getByRole("definition").filter({ hasText: /^\d+ of 12$/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /progress of each wave/i }).getByRole("row")).toHaveCount(5);
    await expect(page.getByRole("list", { name: "Slices by status" })).toContainText("Rolled back");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("navigates every section with the keyboard and marks the current one", async ({ page, sharedProgramme }) => {
    await page.goto(`/p/${sharedProgramme.slug}`);
    const nav = page.getByRole("navigation", { name: "Sections" });
    for (const section of ["Services", "Dependencies", "Waves", "Slices", "Reports", "Settings"]) {
      await nav.getByRole("link", { name: section }).focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: section })).toBeVisible();
      await expect(nav.getByRole("link", { name: section })).toHaveAttribute("aria-current", "page");
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  test("the home page leads to the programmes", async ({ page, sharedProgramme }) => {
    await page.goto("/");
    // One programme: straight to it; several (a viewer who joined others too): a list to choose from.
    if (!page.url().endsWith(`/p/${sharedProgramme.slug}`)) await page.getByRole("link", { name: /legacy estate to kubernetes/i }).first().click();
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("an unknown programme is a not-found page, not an error", async ({ page }) => {
    const response = await page.goto("/p/no-such-programme");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});
