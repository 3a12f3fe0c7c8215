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
