import type { Page } from "@playwright/test";
import { test, expect, axeViolations, type TestProgramme } from "./fixtures";
import type { Db } from "../lib/db";

// Issue 14, point 3: screens match permissions. What a person may not change is shown read only
// or not at all; a form's own address answers "you can read this but not change it" rather than
// a form the server would refuse; a lead sees no manager-only action as an enabled control. The
// lead of these tests leads Catalogue & Search and Checkout (the fixture's default teams), so
// checkout-api and Catalogue API are theirs and auth-service (Identity) and Shipping are not.
// Every test only reads, so they share the worker's programme.

const serviceId = (db: Db, programme: TestProgramme, name: string) => db.service.findFirstOrThrow({ where: { programmeId: programme.id, name }, select: { id: true } }).then((s) => s.id);

async function expectReadOnlyPage(page: Page, url: string, title: string) {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "You can read this but not change it" })).toBeVisible();
  // No form of any kind, and no field to type in.
  await expect(page.getByRole("main").getByRole("form")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("combobox")).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
}

test.describe("a team lead", () => {
  test.beforeEach(async ({ sharedProgramme, signedInAs }) => {
    await signedInAs("lead", sharedProgramme);
  });

  test("edits their teams' services and reads the others'", async ({ page, sharedProgramme, db }) => {
    const base = `/p/${sharedProgramme.slug}`;
    await page.goto(`${base}/services`);
    const table = page.getByRole("table", { name: /Services, \d+ matching/ });
    await expect(table.getByRole("checkbox", { name: "Select checkout-api" })).toBeVisible();
    await expect(table.getByRole("checkbox", { name: "Select auth-service" })).toHaveCount(0);
    await expect(table.getByText("auth-service is read only for you")).toBeAttached();
    await expect(page.getByRole("link", { name: "New service" })).toHaveCount(0);
    // The bulk edit offers only the lead's teams, and never "No team".
    await table.getByRole("checkbox", { name: "Select checkout-api" }).check();
    const owner = page.getByRole("region", { name: /^Bulk edit 1 selected/ }).getByLabel("Owner team");
    await expect(owner.getByRole("option")).toHaveText(["No change", "Catalogue & Search", "Checkout"]);

    const other = await serviceId(db, sharedProgramme, "auth-service");
    await page.goto(`${base}/services/${other}`);
    await expect(page.getByRole("heading", { level: 1, name: "auth-service" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Add a dependency" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    await expect(page.getByRole("note")).toContainText("You can read this but not change it. Team leads can change only what their own teams own.");
    expect(await axeViolations(page)).toEqual([]);

    await expectReadOnlyPage(page, `${base}/services/${other}/edit`, "Edit auth-service");
    await expect(page.getByRole("link", { name: "Read auth-service" })).toHaveAttribute("href", `${base}/services/${other}`);
    await expectReadOnlyPage(page, `${base}/services/new`, "New service");

    const own = await serviceId(db, sharedProgramme, "checkout-api");
    await page.goto(`${base}/services/${own}`);
    await expect(page.getByRole("link", { name: "Edit service" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Add a dependency" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Delete service" })).toHaveCount(0);
    await page.getByRole("link", { name: "Edit service" }).click();
    await expect(page.getByRole("form", { name: "Save changes" }).getByLabel("Owner team").getByRole("option")).toHaveText(["Catalogue & Search", "Checkout"]);
  });

  test("sees no manager-only action on the waves: no planning, no wave edits, no pin", async ({ page, sharedProgramme }) => {
    const base = `/p/${sharedProgramme.slug}`;
    await page.goto(`${base}/waves`);
    await expect(page.getByRole("link", { name: "Plan waves" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "See the proposed plan" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Edit wave/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Move Shipping to another wave" })).toHaveCount(0);
    // Their own slice moves, but a wave that breaks the order is offered disabled, saying why.
    await page.getByRole("button", { name: "Move Catalogue API to another wave" }).focus();
    await page.keyboard.press("Enter");
    const menu = page.getByRole("menu", { name: "Move Catalogue API to" });
    const breaking = menu.getByRole("menuitem", { name: /^Wave 4/ });
    await expect(breaking).toHaveAttribute("aria-disabled", "true");
    await expect(breaking).toContainText("only a manager can pin it there");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");

    await expectReadOnlyPage(page, `${base}/waves/2/edit`, "Edit wave 2");
    await page.goto(`${base}/waves/plan`);
    await expect(page.getByRole("button", { name: "Apply this plan" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Apply" }).getByRole("note")).toContainText("You can read this but not change it.");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("reads settings that are a manager's without controls", async ({ page, sharedProgramme }) => {
    const base = `/p/${sharedProgramme.slug}`;
    await page.goto(`${base}/settings/facilities`);
    await expect(page.getByRole("note")).toContainText("You can read this but not change it.");
    await expect(page.getByRole("main").getByRole("combobox")).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("checkbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/settings/templates`);
    await expect(page.getByRole("note")).toContainText("You can read this but not change it.");
    await expect(page.getByRole("main").getByRole("form")).toHaveCount(0);
    await page.goto(`${base}/import`);
    await expect(page.getByRole("button", { name: "Preview import" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Download backup (Ferry JSON)" })).toBeVisible();
  });
});

test.describe("a viewer", () => {
  test.beforeEach(async ({ sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
  });

  test("meets no form anywhere, and a form's address says they can read but not change it", async ({ page, sharedProgramme, db }) => {
    const base = `/p/${sharedProgramme.slug}`;
    const own = await serviceId(db, sharedProgramme, "checkout-api");
    await expectReadOnlyPage(page, `${base}/services/new`, "New service");
    await expectReadOnlyPage(page, `${base}/services/${own}/edit`, "Edit checkout-api");
    await expectReadOnlyPage(page, `${base}/waves/2/edit`, "Edit wave 2");

    await page.goto(`${base}/services/${own}`);
    await expect(page.getByRole("note")).toContainText("Viewers can read but not change anything.");
    await expect(page.getByRole("link", { name: "Edit service" })).toHaveCount(0);
    await page.goto(`${base}/waves`);
    await expect(page.getByRole("button", { name: /^Move / })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Plan waves" })).toHaveCount(0);
    await page.goto(`${base}/slices`);
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByRole("main").getByRole("form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Mark done|^Reopen/ })).toHaveCount(0);
    await expect(page.getByRole("note").first()).toContainText("You can read this but not change it.");
    for (const url of [`${base}/settings/facilities`, `${base}/settings/templates`, `${base}/import`]) {
      await page.goto(url);
      await expect(page.getByRole("main").getByRole("form")).toHaveCount(0);
      await expect(page.getByRole("note").first()).toContainText("You can read this but not change it.");
    }
  });
});

test.describe("a manager", () => {
  test("gets the forms the others read", async ({ page, sharedProgramme, signedInAs, db }) => {
    await signedInAs("manager", sharedProgramme);
    const base = `/p/${sharedProgramme.slug}`;
    const other = await serviceId(db, sharedProgramme, "auth-service");
    await page.goto(`${base}/services/${other}/edit`);
    await expect(page.getByRole("form", { name: "Save changes" })).toBeVisible();
    await expect(page.getByRole("form", { name: "Save changes" }).getByLabel("Owner team").getByRole("option").first()).toHaveText("No team");
    await page.goto(`${base}/waves/2/edit`);
    await expect(page.getByRole("form", { name: "Edit wave 2" })).toBeVisible();
    await page.goto(`${base}/waves`);
    await expect(page.getByRole("link", { name: "Plan waves" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Move Shipping to another wave" })).toBeVisible();
    await expect(page.getByRole("note")).toHaveCount(0);
  });
});
