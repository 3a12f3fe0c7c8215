import { test, expect, axeViolations, adminHeaders, withE2eDb } from "./fixtures";
import { pageOverflow, WIDTHS } from "./support/widths";

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

  test("shows the burn-up with its forecast in words and its data as a table", async ({ page, sharedProgramme }) => {
    await page.goto(`/p/${sharedProgramme.slug}`);
    const burnUp = page.getByRole("region", { name: "Burn-up and forecast" });
    const chart = burnUp.getByRole("img", { name: /burn-up chart/i });
    await expect(chart).toBeVisible();
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
    // The forecast as odds, or a plain statement that there is too little history.
    await expect(burnUp.getByRole("group", { name: "Forecast" })).toContainText(/At the current pace|Insufficient history|No forecast|Finished/);
    const table = burnUp.getByRole("table", { name: /slices in scope, live and done/i });
    await expect(table).toBeHidden();
    await burnUp.getByText("The chart's data as a table").click();
    await expect(table).toBeVisible();
    expect(await table.locator("tbody tr").count()).toBeGreaterThan(1);
    await expect(table.getByRole("rowheader").first()).toHaveText(/^Week \d+, \d{4}$/);
    for (const title of ["Blocked", "At risk", "Rollbacks this week", "Platform readiness"]) await expect(page.getByRole("region", { name: title, exact: true })).toBeVisible();
    // Every headline figure says its change since last week in words.
    await expect(page.getByRole("definition").filter({ hasText: /since last week/ }).first()).toBeVisible();
  });

  for (const size of WIDTHS) {
    test(`at ${size.name} nothing scrolls sideways, the chart fits and axe finds nothing`, async ({ page, sharedProgramme }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(`/p/${sharedProgramme.slug}`);
      const chart = page.getByRole("img", { name: /burn-up chart/i });
      await expect(chart).toBeVisible();
      // The chart redraws at its container's width once the browser has measured it.
      const region = page.getByRole("region", { name: "Burn-up and forecast" });
      await expect.poll(async () => (await chart.boundingBox())!.width).toBeLessThanOrEqual((await region.boundingBox())!.width);
      expect(await pageOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });
  }

  test("an unknown programme is a not-found page, not an error", async ({ page }) => {
    const response = await page.goto("/p/no-such-programme");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });
});

// Tests that change their programme, each in one of its own.
test.describe("overview, live", () => {
  test("refreshes by itself when someone else rolls a slice back, without a reload", async ({ page, programme, signedInAs, request }) => {
    await signedInAs("viewer", programme);
    await page.goto(`/p/${programme.slug}`);
    const rollbacks = page.getByRole("region", { name: "Rollbacks this week" });
    await expect(rollbacks).not.toContainText("Promotions");
    // The page listens to the programme's stream (ADR 29) before the change is made.
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-status", "live");
    // A mark on the window survives a refresh of the page's data but not a reload.
    await page.evaluate(() => ((window as unknown as { ferryMark: number }).ferryMark = 1));

    const slice = await withE2eDb((db) => db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Promotions" }, select: { id: true } }));
    const moved = await request.post(`/api/v1/programmes/${programme.slug}/slices/${slice.id}/stage`, {
      headers: adminHeaders,
      data: { to: "1", reason: "p99 latency 3x the baseline at 10%", signal: "latency", observed: "p99 910 ms" },
    });
    expect(moved.status()).toBe(200);

    await expect(rollbacks).toContainText("Promotions", { timeout: 15_000 });
    await expect(rollbacks).toContainText("Reason: p99 latency 3x the baseline at 10%");
    await expect(rollbacks).toContainText("Signal: latency, observed p99 910 ms");
    expect(await page.evaluate(() => (window as unknown as { ferryMark?: number }).ferryMark)).toBe(1);
  });

  test("an empty programme leads to the import and the planner", async ({ page, emptyProgramme, signedInAs }) => {
    await signedInAs("manager", emptyProgramme);
    await page.goto(`/p/${emptyProgramme.slug}`);
    await expect(page.getByRole("heading", { name: "This programme is empty" })).toBeVisible();
    await expect(page.getByRole("img", { name: /burn-up chart/i })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Import the inventory" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Import and export" })).toBeVisible();
    await page.goBack();
    await page.getByRole("link", { name: "Plan the waves" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Plan waves" })).toBeVisible();
  });
});
