import { test, expect, axeViolations } from "./fixtures";
import { tickGating } from "./support/checklist";

// Issue 6: a lead runs a slice through its gates in the browser, and everything lands in the
// history. Each test that writes has a programme of its own (the `programme` fixture), so its
// ticks disturb no other spec; the viewer reads the worker's shared programme.

test.describe("slices at work", () => {
  test("a lead ticks items, is refused a move with the open items listed, moves to 1% and rolls back on the record", async ({ page, programme, signedInAs }) => {
    test.setTimeout(120_000);
    const lead = await signedInAs("lead", programme);
    await page.goto(`/p/${programme.slug}/slices`);
    // A lead starts on their own teams' slices.
    await expect(page.getByText(/^Your teams' slices/)).toBeVisible();
    await page.getByRole("link", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
    const stepper = page.getByRole("list", { name: "Traffic stages" });
    await expect(stepper.locator('[aria-current="step"]')).toContainText("0%");
    // Said at the top, as the list and the board say it, not only in the card far below.
    await expect(page.getByRole("term").filter({ hasText: "Status" }).locator("xpath=..")).toContainText("Blocked: waits on Catalogue API");

    // Tick all but one of the mirror gates, then try to move: refused, with the open item listed.
    await tickGating(page, ["mirror"], 1);
    // Said before the click too.
    await expect(page.getByRole("button", { name: "Move to mirror" })).toHaveAccessibleDescription("1 open item holds the next stage: the move is refused until it is done or not applicable.");
    // From the keyboard: the refusal takes the focus, and shows its ring (Tailwind 4's
    // outline-none had left the ring's style "none", so the focused box showed nothing).
    await page.getByRole("button", { name: "Move to mirror" }).focus();
    await page.keyboard.press("Enter");
    const result = page.getByRole("status", { name: "Stage move result" });
    await expect(result).toContainText("1 checklist item must be done (or not applicable) before mirror.");
    await expect(result).toBeFocused();
    await expect(result).toHaveCSS("outline-style", "solid");
    await expect(result.getByRole("list", { name: "Open items blocking the move" }).getByRole("listitem")).toHaveCount(1);

    // Tick the rest and move up through mirror to 1%.
    await tickGating(page, ["mirror"]);
    await page.getByRole("button", { name: "Move to mirror" }).click();
    await expect(stepper.locator('[aria-current="step"]')).toContainText("mirror");
    await tickGating(page, ["mirror", "1%"]);
    await page.getByRole("button", { name: "Move to 1%" }).click();
    await expect(stepper.locator('[aria-current="step"]')).toContainText("1%");
    await expect(page.getByRole("term").filter({ hasText: "Status" }).locator("xpath=..")).toContainText("Shifting");

    // Roll back with a reason and the signal that tripped it.
    const rollback = page.getByRole("form", { name: "Roll back" });
    await rollback.getByLabel("Roll back to").selectOption("0");
    await rollback.getByLabel("Signal that tripped it").selectOption("error_rate");
    await rollback.getByLabel("Reason (required)").fill("5xx rate doubled on the new path");
    await rollback.getByLabel("Observed value (optional)").fill("2.4% 5xx");
    await rollback.getByRole("button", { name: "Roll back" }).click();
    await expect(stepper.locator('[aria-current="step"]')).toContainText("0%");
    // Regression: the rollback form vanished at 0% with its result, the focus went to the page,
    // and the last move up still said "Moved to 1%." under a slice back at 0%.
    const rolledBack = page.getByRole("status").filter({ hasText: "Rolled back to 0%." });
    await expect(rolledBack).toBeVisible();
    await expect(rolledBack).toBeFocused();
    await expect(page.getByText("Moved to 1%.")).toHaveCount(0);

    const history = page.getByRole("list", { name: "Stage and checklist history" });
    await expect(history.getByRole("listitem").first()).toContainText(`${lead.name} rolled back Search to 0%: 5xx rate doubled on the new path`);
    await expect(history.getByRole("listitem").first()).toContainText("Signal: error rate (observed 2.4% 5xx)");
    await expect(history).toContainText(`${lead.name} moved Search to 1%`);
    await expect(history).toContainText(`${lead.name} moved Search to mirror`);
    await expect(history).toContainText(`${lead.name} ticked "Liveness, readiness and startup probes"`);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a viewer reads a slice but gets no controls; the list filters live in the URL", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/slices?stage=100`);
    const table = page.getByRole("table", { name: "Slices" });
    await expect(page.getByRole("combobox", { name: "Stage" })).toHaveValue("100");
    for (const cell of await table.getByRole("row").all()) {
      if (await cell.getByRole("rowheader").count()) await expect(cell.getByRole("cell").nth(2)).toHaveText("100%");
    }
    expect(await axeViolations(page)).toEqual([]);
    await table.getByRole("link").first().click();
    await expect(page.getByRole("list", { name: "Traffic stages" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Mark done/ })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Roll back" })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a manager edits a template item and updates existing slices without losing ticks", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/settings/templates`);
    const row = page.getByRole("table", { name: /^Items of/ }).getByRole("row").filter({ hasText: "Dashboards" });
    await row.getByText("Edit").click();
    const form = page.getByRole("form", { name: "Edit Dashboards" });
    await form.getByLabel("Title").fill("Dashboards: old and new path side by side");
    await form.getByRole("button", { name: "Save item" }).click();
    // The form is named after the item, so after the save it carries the new title.
    await expect(page.getByRole("status", { name: "Edit Dashboards: old and new path side by side: result" })).toContainText("Saved");
    await expect(page.getByRole("region", { name: "Update existing slices" })).toContainText(/\d+ slices? would change/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Update existing slices" }).click();
    await expect(page.getByRole("region", { name: "Update existing slices" })).toContainText("already matches");

    // A live slice keeps its ticked dashboard item, now with the new title.
    await page.goto(`/p/${programme.slug}/slices?stage=100`);
    await page.getByRole("table", { name: "Slices" }).getByRole("link").first().click();
    const item = page.getByRole("listitem", { name: "Dashboards: old and new path side by side" });
    await expect(item).toContainText(/Done|Not applicable/);
  });
});
