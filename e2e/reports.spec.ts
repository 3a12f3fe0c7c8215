import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { pageOverflow, WIDTHS } from "./support/widths";

// The weekly report's pages: a manager writes and closes, a viewer reads. Tests that write use a
// programme of their own; the read-only ones the worker's shared programme.

/** Opens the reports section (the current week) and steps back to last week. */
async function openLastWeek(page: Page, slug: string): Promise<string> {
  await page.goto(`/p/${slug}/reports`);
  await expect(page).toHaveURL(new RegExp(`/p/${slug}/reports/\\d{4}-W\\d{2}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/^Reports: Week \d+, \d{4}$/);
  await page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /^Previous week, Week \d+, \d{4}$/ }).click();
  await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "This week" })).toBeVisible();
  return page.url().split("/").at(-1)!;
}

async function downloadOf(page: Page, name: string): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { download, path: (await download.path())! };
}

async function expectAxeCleanAtBothWidths(page: Page) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    expect(await pageOverflow(page), `sideways scroll at ${size.name}`).toBe(0);
    expect(await axeViolations(page), `axe at ${size.name}`).toEqual([]);
  }
}

test.describe("weekly report, manager", () => {
  test("writes last week's notes, sees them, and finds them in the Markdown and the PDF", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    const week = await openLastWeek(page, programme.slug);
    const [year, number] = week.split("-W");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reports: Week ${Number(number)}, ${year}`);
    await expect(page.getByRole("region", { name: "Burn-up and forecast" }).getByRole("img", { name: /burn-up chart/i })).toBeVisible();
    await expectAxeCleanAtBothWidths(page);
    await page.setViewportSize({ width: 1440, height: 900 });

    const notes = "Catalogue API reached 50%; <b>Promotions</b> next & then Accounts.";
    const asks = "A DBA for the orders database, two days in week 3.";
    const form = page.getByRole("form", { name: "Notes and asks" });
    // A refused save keeps what was typed and says why under the field.
    await form.getByLabel("Notes", { exact: true }).fill("Draft with a bell \u0007 in it");
    await form.getByLabel("Asks", { exact: true }).fill(asks);
    await form.getByRole("button", { name: "Save notes" }).click();
    const notesField = form.getByLabel("Notes", { exact: true });
    await expect(notesField).toHaveAttribute("aria-invalid", "true");
    await expect(notesField).toHaveAccessibleDescription(/control character/);
    await expect(notesField).toBeFocused();
    await expect(notesField).toHaveValue("Draft with a bell \u0007 in it");
    await expect(form.getByLabel("Asks", { exact: true })).toHaveValue(asks);

    await notesField.fill(notes);
    await form.getByLabel("Asks", { exact: true }).fill(asks);
    await form.getByRole("button", { name: "Save notes" }).click();
    await expect(page.getByRole("status", { name: "Notes result" })).toHaveText("Notes saved.");
    await page.reload();
    await expect(form.getByLabel("Notes", { exact: true })).toHaveValue(notes);
    await expect(form.getByLabel("Asks", { exact: true })).toHaveValue(asks);
    await expect(form).toContainText(/Last saved .* by /);

    const md = await downloadOf(page, "Download Markdown");
    expect(md.download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = await readFile(md.path, "utf8");
    expect(markdown).toContain(week);
    expect(markdown).toMatch(/Slices live or done/i);
    // The note as written, its markup escaped rather than live.
    expect(markdown).toContain("Catalogue API reached 50%");
    expect(markdown).toContain(asks);
    expect(markdown).not.toContain("<b>Promotions</b>");

    const pdf = await downloadOf(page, "Download PDF");
    expect(pdf.download.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile(pdf.path)).subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-layout", pdf.path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Catalogue API reached 50%; <b>Promotions</b> next & then Accounts.");
    expect(text).toContain(asks);
    expect(text).toMatch(/Slices live or done/i);

    for (const [name, type] of [["Download CSV", /text\/csv/], ["Download JSON", /application\/json/]] as const) {
      const href = await page.getByRole("link", { name }).getAttribute("href");
      const response = await page.request.get(href!);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(type);
    }
  });

  test("closes an ended week after confirming; the week then reads as issued", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await openLastWeek(page, programme.slug);
    await page.getByRole("button", { name: "Close this week" }).click();
    const dialog = page.getByRole("alertdialog", { name: /^Close Week \d+, \d{4}\?$/ });
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Close the week" }).click();
    await expect(dialog).toBeHidden();
    const closed = page.getByRole("region", { name: "Closed week" });
    await expect(closed).toContainText(/Closed .* by .*: this is the report as it was issued\./);
    await expect(closed).toContainText("No corrections to its history since.");
    await expect(page.getByRole("form", { name: "Notes and asks" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Close this week" })).toHaveCount(0);
    await expectAxeCleanAtBothWidths(page);
  });

  test("the current week cannot be closed yet and has no next week", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/reports`);
    await expect(page.getByRole("form", { name: "Notes and asks" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Close this week" })).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /^Next week, / })).toHaveCount(0);
  });

  test("sets the time zone the weeks are counted in", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/reports`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const form = page.getByRole("form", { name: "Report time zone" });
    await expect(form.getByLabel("Weeks are counted in")).toHaveValue("UTC");
    await form.getByLabel("Weeks are counted in").selectOption("Pacific/Auckland");
    await form.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByRole("status", { name: "Time zone result" })).toHaveText("Time zone saved.");
    await page.reload();
    await expect(page.getByText(/· Pacific\/Auckland/).first()).toBeVisible();
    await expect(page.getByRole("form", { name: "Report time zone" }).getByLabel("Weeks are counted in")).toHaveValue("Pacific/Auckland");
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("weekly report, viewer", () => {
  test.beforeEach(async ({ sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
  });

  test("reads last week's report with no note form and no close button", async ({ page, sharedProgramme }) => {
    await openLastWeek(page, sharedProgramme.slug);
    const notes = page.getByRole("region", { name: "Notes and asks" });
    await expect(notes).toBeVisible();
    await expect(notes.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Close this week" })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Report time zone" })).toHaveCount(0);
    for (const title of ["What moved", "Rollbacks", "Waves", "Blocked", "At risk", "Next week", "Platform readiness", "Scope change"]) {
      await expect(page.getByRole("region", { name: title, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("list", { name: "Download this report" }).getByRole("link")).toHaveText(["Download Markdown", "Download PDF", "Download CSV", "Download JSON"]);
    // A viewer downloads too; the download route refuses what is not a week or a format.
    const href = (await page.getByRole("link", { name: "Download Markdown" }).getAttribute("href"))!;
    expect((await page.request.get(href)).status()).toBe(200);
    for (const bad of [href.replace(/format=md$/, "format=docx"), href.replace(/\/\d{4}-W\d{2}\//, "/2026-W99/")]) {
      const refused = await page.request.get(bad);
      expect(refused.status(), bad).toBe(400);
      expect((await refused.json()).error.code).toBe("INVALID");
    }
    await expectAxeCleanAtBothWidths(page);
  });

  test("moves between weeks with the keyboard", async ({ page, sharedProgramme }) => {
    const week = await openLastWeek(page, sharedProgramme.slug);
    const next = page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /^Next week, / });
    await next.focus();
    await expect(next).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).not.toHaveURL(new RegExp(`${week}$`));
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/^Reports: /);
  });

  test("a malformed week is a clear not-found page; a future week is an empty report", async ({ page, sharedProgramme }) => {
    for (const bad of ["2026-W99", "abc", "2026-W7"]) {
      const response = await page.goto(`/p/${sharedProgramme.slug}/reports/${bad}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "No such week" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Go to this week's report" })).toBeVisible();
    }
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/p/${sharedProgramme.slug}/reports/2099-W10`);
    await expect(page.getByRole("region", { name: "Empty week" })).toContainText("this week has not started");
    await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: "This week" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Empty week" })).toContainText(/It starts on Monday 2 March 2099, [\d,]+ weeks from now\./);
    // Nothing to download from a week with nothing in it; the empty week says where to go instead.
    await expect(page.getByRole("list", { name: "Download this report" })).toHaveCount(0);
    await page.getByRole("region", { name: "Empty week" }).getByRole("link", { name: /^Go to this week's report \(Week \d+, \d{4}\)$/ }).click();
    await expect(page.getByRole("list", { name: "Download this report" })).toBeVisible();
    await expect(page).toHaveURL(/\/reports\/\d{4}-W\d{2}$/);
    expect(page.url()).not.toContain("2099-W10");
    await page.goto(`/p/${sharedProgramme.slug}/reports/2001-W10`);
    await expect(page.getByRole("region", { name: "Empty week" })).toContainText("before the programme's first recorded change");
    await expect(page.getByRole("region", { name: "Empty week" })).not.toContainText("It starts on");
    await expectAxeCleanAtBothWidths(page);
  });
});
