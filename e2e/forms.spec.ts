import type { Page } from "@playwright/test";
import { test, expect, axeViolations, adminHeaders } from "./fixtures";

// Issue 14, point 1: a form that fails keeps every value typed, shows each error under its
// field, moves focus to the first invalid field and announces how many need attention. Every
// form goes through one hook (components/ui/form.tsx); these tests drive the largest forms and
// one of each kind (a page form, a row form inside a generic form, the sign-in).

const alertOf = (page: Page) => page.getByTestId("form-error");

test.describe("forms keep what was typed", () => {
  test("New service: a validation error keeps every value, marks each field and focuses the first", async ({ page, programme, signedInAs, request }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/services/new`);
    const form = page.getByRole("form", { name: "Create service" });

    await form.getByLabel("Name", { exact: true }).fill("Not A Valid Name");
    await form.getByLabel("Owner team").selectOption("Checkout");
    await form.getByLabel("Kind").selectOption("worker");
    await form.getByLabel("System").fill("fulfilment");
    await form.getByLabel("Description").fill("Ships parcels\nand prints labels");
    await form.getByLabel("Stateful (keeps data of its own)").check();
    await form.getByLabel("Needs sticky sessions").check();
    await form.getByLabel("Data stores it uses").fill("orders-db, label-cache");
    await form.getByLabel("env", { exact: true }).check();
    await form.getByLabel("files", { exact: true }).check();
    await form.getByLabel("Launch command").fill("java -jar shipper.jar");
    await form.getByLabel("Tier (business criticality)").selectOption("2");
    await form.getByLabel("Strategy").selectOption("refactor");
    await form.getByLabel("Peak requests per second").fill("-5");
    await form.getByLabel("Repository URL").fill("not a url");
    await form.getByLabel("Tags").fill("pci, parcels");
    await form.getByRole("button", { name: "Create service" }).click();

    await expect(alertOf(page)).toContainText("Please correct the highlighted fields. 3 fields need attention.");
    const name = form.getByLabel("Name", { exact: true });
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Peak requests per second")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Repository URL")).toHaveAttribute("aria-invalid", "true");
    // Each error under its own field, tied to it.
    await expect(form.getByLabel("Repository URL")).toHaveAccessibleDescription("Enter an http(s) URL");
    await expect(form.getByLabel("Peak requests per second")).toHaveAccessibleDescription("Cannot be negative");

    // Every value as typed, the valid ones and the invalid ones.
    await expect(name).toHaveValue("Not A Valid Name");
    await expect(form.getByLabel("Owner team")).toHaveValue("Checkout");
    await expect(form.getByLabel("Kind")).toHaveValue("worker");
    await expect(form.getByLabel("System")).toHaveValue("fulfilment");
    await expect(form.getByLabel("Description")).toHaveValue("Ships parcels\nand prints labels");
    await expect(form.getByLabel("Stateful (keeps data of its own)")).toBeChecked();
    await expect(form.getByLabel("Shared infrastructure (moves last, like a datastore)")).not.toBeChecked();
    await expect(form.getByLabel("Needs sticky sessions")).toBeChecked();
    await expect(form.getByLabel("Data stores it uses")).toHaveValue("orders-db, label-cache");
    await expect(form.getByLabel("env", { exact: true })).toBeChecked();
    await expect(form.getByLabel("files", { exact: true })).toBeChecked();
    await expect(form.getByLabel("flags", { exact: true })).not.toBeChecked();
    await expect(form.getByLabel("Launch command")).toHaveValue("java -jar shipper.jar");
    await expect(form.getByLabel("Tier (business criticality)")).toHaveValue("2");
    await expect(form.getByLabel("Strategy")).toHaveValue("refactor");
    await expect(form.getByLabel("Peak requests per second")).toHaveValue("-5");
    await expect(form.getByLabel("Repository URL")).toHaveValue("not a url");
    await expect(form.getByLabel("Tags")).toHaveValue("pci, parcels");
    expect(await axeViolations(page)).toEqual([]);

    // Nothing was written; fixing the fields saves everything that was kept.
    const before = await (await request.get(`/api/v1/programmes/${programme.slug}/services`, { headers: adminHeaders })).json();
    expect(before.map((s: { name: string }) => s.name)).not.toContain("shipper");
    await name.fill("shipper");
    await form.getByLabel("Peak requests per second").fill("40");
    await form.getByLabel("Repository URL").fill("https://git.example/shipper");
    await form.getByRole("button", { name: "Create service" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "shipper" })).toBeVisible();
    const inventory = page.getByRole("region", { name: "Inventory" });
    await expect(inventory).toContainText("fulfilment");
    await expect(inventory).toContainText("orders-db, label-cache");
    await expect(inventory).toContainText("env, files");
    await expect(inventory).toContainText("java -jar shipper.jar");
    await expect(inventory).toContainText("pci, parcels");
  });

  test("Edit service: a second failed save still keeps what was typed", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/services`);
    await page.getByRole("link", { name: "checkout-api", exact: true }).click();
    await page.getByRole("link", { name: "Edit service" }).click();
    const form = page.getByRole("form", { name: "Save changes" });
    await form.getByLabel("Strategy").selectOption("retire");
    await form.getByLabel("Tier (business criticality)").selectOption("4");
    await form.getByLabel("Owner team").selectOption("");
    await form.getByLabel("Configuration notes").fill("Reads /etc/checkout.yaml");
    await form.getByLabel("Repository URL").fill("ftp://old");
    for (let attempt = 0; attempt < 2; attempt++) {
      await form.getByRole("button", { name: "Save changes" }).click();
      await expect(alertOf(page)).toContainText("1 field needs attention.");
      await expect(form.getByLabel("Repository URL")).toBeFocused();
      await expect(form.getByLabel("Strategy")).toHaveValue("retire");
      await expect(form.getByLabel("Tier (business criticality)")).toHaveValue("4");
      await expect(form.getByLabel("Owner team")).toHaveValue("");
      await expect(form.getByLabel("Configuration notes")).toHaveValue("Reads /etc/checkout.yaml");
      await expect(form.getByLabel("Repository URL")).toHaveValue("ftp://old");
    }
    await form.getByLabel("Repository URL").fill("");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "checkout-api" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Inventory" })).toContainText("Retire");
  });

  test("Edit wave: the date error keeps the goal and focuses the end date; a template item keeps its fields", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/waves/2/edit`);
    const wave = page.getByRole("form", { name: "Edit wave 2" });
    await wave.getByLabel("Name").fill("Order core");
    await wave.getByLabel("Goal").fill("Catalogue and the order core");
    await wave.getByLabel("Planned start").fill("2031-03-01");
    await wave.getByLabel("Planned end").fill("2031-01-01");
    await wave.getByRole("button", { name: "Save wave" }).click();
    await expect(wave.getByLabel("Planned end")).toBeFocused();
    await expect(wave.getByLabel("Planned end")).toHaveAccessibleDescription("The end cannot be before the start.");
    await expect(wave.getByLabel("Name")).toHaveValue("Order core");
    await expect(wave.getByLabel("Goal")).toHaveValue("Catalogue and the order core");
    await expect(wave.getByLabel("Planned start")).toHaveValue("2031-03-01");
    await expect(wave.getByLabel("Planned end")).toHaveValue("2031-01-01");
    expect(await axeViolations(page)).toEqual([]);

    // A form whose fields the server page renders (the template item) keeps them the same way.
    await page.goto(`/p/${programme.slug}/settings/templates`);
    const add = page.getByRole("form", { name: /^Add an item to/ });
    await add.getByLabel("Title").fill("   ");
    await add.getByLabel("Guidance").fill("Link the runbook");
    await add.getByLabel("Category").selectOption("observable");
    await add.getByLabel("Gates stage").selectOption("10");
    await add.getByRole("button", { name: "Add item" }).click();
    await expect(add.getByLabel("Title")).toBeFocused();
    await expect(add.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
    await expect(add.getByLabel("Guidance")).toHaveValue("Link the runbook");
    await expect(add.getByLabel("Category")).toHaveValue("observable");
    await expect(add.getByLabel("Gates stage")).toHaveValue("10");
  });

  test("a refused sign-in keeps the email, asks for the password again and announces why", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in with email and password" });
    await form.getByLabel("Email").fill("someone@ferry.local");
    await form.getByLabel("Password").fill("not-the-password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(alertOf(page)).toContainText("That email and password do not match an account.");
    await expect(form.getByLabel("Email")).toHaveValue("someone@ferry.local");
    await expect(form.getByLabel("Password")).toHaveValue("");
    await expect(alertOf(page)).toBeFocused();
  });
});

// Issue 14, point 11: the smaller things seen.
test.describe("smaller things", () => {
  test("filters apply as they change, and their controls fit the longest team name", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/p/${sharedProgramme.slug}/services`);
    const filters = page.getByRole("search", { name: "Filter services" });
    // A choice made before the page hydrates is not seen by the filter form's script.
    await expect(filters).toHaveAttribute("data-auto-apply", "on");
    await filters.getByLabel("Team").selectOption("Orders & Fulfilment");
    await expect(page).toHaveURL(/team=Orders\+%26\+Fulfilment|team=Orders%20%26%20Fulfilment/);
    await expect(page.getByRole("table", { name: /Services, \d+ matching/ }).getByRole("row").nth(1)).toContainText("Orders & Fulfilment");
    // The select is as wide as its longest choice needs (no team name cut).
    const team = filters.getByLabel("Team");
    expect(await team.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth >= 170)).toBe(true);
    await filters.getByRole("searchbox", { name: "Search" }).pressSequentially("orders");
    await expect(page).toHaveURL(/q=orders/);

    await page.goto(`/p/${sharedProgramme.slug}/audit`);
    await expect(page.locator("form[data-auto-apply=on]")).toHaveCount(1);
    await page.getByLabel("Entity").selectOption("slice");
    await expect(page).toHaveURL(/entity=slice/);
    await page.goto(`/p/${sharedProgramme.slug}/waves`);
    await expect(page.locator("form[data-auto-apply=on]")).toHaveCount(1);
    await page.getByLabel("Status").selectOption("live");
    await expect(page).toHaveURL(/status=live/);
  });

  test("the import preview counts services, teams and dependencies on their own", async ({ page, emptyProgramme, signedInAs }) => {
    await signedInAs("admin");
    await page.goto(`/p/${emptyProgramme.slug}/import`);
    await page.getByLabel("Format").selectOption("backstage");
    await page.getByLabel("File").setInputFiles("lib/inventory/fixtures/catalog.yaml");
    await page.getByRole("button", { name: "Preview import" }).click();
    const preview = page.getByRole("region", { name: /Preview: nothing has been written yet/ });
    await expect(preview.getByTestId("import-summary")).toHaveText(/^Would create \d+ services, \d+ teams and \d+ dependencies\.$/);
    const counts = preview.getByRole("group", { name: "Counts by kind" });
    for (const kind of ["services", "teams", "dependencies"]) await expect(counts.getByRole("term").filter({ hasText: kind })).toBeVisible();
    await expect(counts.getByRole("definition").first()).toHaveText(/^\d+ to create$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("Reopen on an item with evidence asks first; a slice page says nothing of versions", async ({ page, programme, signedInAs }) => {
    await signedInAs("lead", programme);
    await page.goto(`/p/${programme.slug}/slices`);
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    await expect(page.getByRole("main")).not.toContainText(/version \d/i);
    const checklist = page.getByRole("region", { name: "Definition of done" });
    const item = checklist.getByRole("listitem").filter({ has: page.getByRole("link", { name: /^Evidence/ }) }).first();
    const title = (await item.getAttribute("aria-label"))!;
    await item.getByRole("button", { name: `Reopen: ${title}` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Reopen "${title}"?` });
    await expect(dialog).toContainText("Its evidence link is taken off the item");
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(item.getByRole("button", { name: `Reopen: ${title}` })).toBeFocused();
    await expect(item).toContainText(/Done ·/);

    await item.getByRole("button", { name: `Reopen: ${title}` }).click();
    await dialog.getByRole("button", { name: "Reopen", exact: true }).click();
    await expect(checklist.getByRole("status", { name: "Checklist updates" })).toHaveText(`"${title}" is now open.`);
    const reopened = checklist.getByRole("listitem", { name: title, exact: true });
    await expect(reopened.getByRole("button", { name: `Mark done: ${title}` })).toBeVisible();

    // Done again with evidence, from the form under the item. Regression: that form went away
    // with the focus in it, and the keyboard landed on the page's top.
    await reopened.getByText("Evidence or not applicable").click();
    await reopened.getByLabel("Evidence link (http or https)").fill("https://ci.example/again");
    await reopened.getByRole("button", { name: `Done with evidence: ${title}` }).click();
    await expect(checklist.getByRole("status", { name: "Checklist updates" })).toHaveText(`"${title}" is now done.`);
    await expect(reopened.getByRole("button", { name: `Reopen: ${title}` })).toBeFocused();
  });

  test("the two axe findings: a selected row keeps its contrast; the who-waits page keeps the heading order", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/services?status=unsliced`);
    const table = page.getByRole("table", { name: /Services, \d+ matching/ });
    const first = table.getByRole("rowheader").first();
    await expect(first).toBeVisible();
    await table.getByRole("checkbox", { name: `Select ${(await first.textContent())!.trim()}` }).check();
    await expect(table.getByText("not in a slice").first()).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/p/${sharedProgramme.slug}/waves/waits`);
    await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
    await expect(page.getByRole("heading", { level: 3 })).toHaveCount(0);
  });
});
