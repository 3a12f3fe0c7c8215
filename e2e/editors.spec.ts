import type { Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { WIDTHS, pageOverflow } from "./support/widths";
import { createService, createSlice } from "../lib/seed/factories";

// Issue 14, point 6: editors that exist. A manager creates a team and gives it people, creates
// a slice from chosen services, splits it and merges it back, writes its rollback plan, records
// a rehearsal and lifts a pin; a lead keeps their own team's contact channel only; every name
// links slice ↔ services ↔ team ↔ wave.

async function checkLayout(page: Page, name: string, outputPath: (f: string) => string) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    expect(await pageOverflow(page), `${name} at ${size.name}`).toBe(0);
    expect(await axeViolations(page), `${name} at ${size.name}`).toEqual([]);
    await page.screenshot({ path: outputPath(`${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test.describe("team and slice editors", () => {
  // Each test walks several pages and checks two of them at two widths with axe.
  test.describe.configure({ timeout: 120_000 });
  test("a manager creates a team, names its people, renames it; a lead keeps only their own team's channel", async ({ page, browser, programme, signedInAs }, testInfo) => {
    const manager = await signedInAs("manager", programme);
    const leadPage = await (await browser.newContext()).newPage();
    const lead = await signedInAs("lead", programme, { page: leadPage });
    await page.goto(`/p/${programme.slug}/teams`);
    const form = page.getByRole("form", { name: "New team" });
    await form.getByLabel("Name").fill("Data platform");
    await form.getByLabel("Contact channel").fill("#data-platform");
    await form.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data platform" })).toBeVisible();
    await expect(page.getByText("Reach them at #data-platform")).toBeVisible();

    const people = page.getByRole("form", { name: "People of Data platform" });
    await people.getByRole("checkbox", { name: `${lead.name} leads Data platform` }).check();
    await people.getByRole("checkbox", { name: `${manager.name} is a member of Data platform` }).check();
    await people.getByRole("button", { name: "Save people" }).click();
    await expect(people.getByText("People saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "People" })).toContainText(`Leads${lead.name}`);
    await checkLayout(page, "team", testInfo.outputPath.bind(testInfo));

    const details = page.getByRole("form", { name: "Team details" });
    await details.getByLabel("Name").fill("Data & ML platform");
    await details.getByRole("button", { name: "Save" }).click();
    await expect(details.getByText("Saved.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "Data & ML platform" })).toBeVisible();
    // A taken name is refused next to the field, keeping what was typed.
    await details.getByLabel("Name").fill("Checkout");
    await details.getByRole("button", { name: "Save" }).click();
    await expect(details.getByLabel("Name")).toBeFocused();
    await expect(details.getByLabel("Name")).toHaveValue("Checkout");
    await expect(details.getByText("That name is taken.")).toBeVisible();

    // The lead of the new team: the contact channel, not the name, not the people.
    const teamUrl = page.url();
    await leadPage.goto(teamUrl);
    const leadDetails = leadPage.getByRole("form", { name: "Team details" });
    await expect(leadDetails.getByLabel("Name")).toHaveCount(0);
    await expect(leadPage.getByRole("form", { name: /^People of/ })).toHaveCount(0);
    await leadDetails.getByLabel("Contact channel").fill("#data-ml");
    await leadDetails.getByRole("button", { name: "Save" }).click();
    await expect(leadDetails.getByText("Saved.")).toBeVisible();
    await expect(leadPage.getByText("Reach them at #data-ml")).toBeVisible();
    expect(await axeViolations(leadPage)).toEqual([]);
    // Another team's page is read-only for this lead.
    await leadPage.goto(`/p/${programme.slug}/teams`);
    await leadPage.getByRole("link", { name: "Identity", exact: true }).click();
    await expect(leadPage.getByRole("heading", { level: 1, name: "Identity" })).toBeVisible();
    await expect(leadPage.getByRole("form", { name: "Team details" })).toHaveCount(0);
    await leadPage.context().close();
  });

  test("a manager creates a slice from services, splits it, merges it back and edits its rollback; names link both ways", async ({ page, db, programme, signedInAs }, testInfo) => {
    await signedInAs("manager", programme);
    const team = await db.team.findFirstOrThrow({ where: { programmeId: programme.id, name: "Checkout" } });
    const [ledger, refunds] = [
      await createService(db, { programmeId: programme.id, teamId: team.id, name: `ledger-${programme.slug}` }),
      await createService(db, { programmeId: programme.id, teamId: team.id, name: `refunds-${programme.slug}`, kind: "worker" }),
    ];
    await page.goto(`/p/${programme.slug}/slices`);
    await page.getByText("New slice from services").click();
    const create = page.getByRole("form", { name: "New slice" });
    await create.getByLabel("Name", { exact: true }).fill("Ledger and refunds");
    await create.getByLabel("Owner team").selectOption({ label: "Checkout" });
    await create.getByLabel("Wave").selectOption("2");
    await create.getByRole("checkbox", { name: new RegExp(`^${ledger.name}`) }).check();
    await create.getByRole("checkbox", { name: new RegExp(`^${refunds.name}`) }).check();
    await checkLayout(page, "new-slice", testInfo.outputPath.bind(testInfo));
    await create.getByRole("button", { name: "Create the slice" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ledger and refunds" })).toBeVisible();
    const sliceUrl = page.url();
    const services = page.getByRole("region", { name: "Services" });
    await expect(services.getByRole("link", { name: ledger.name })).toBeVisible();
    await expect(page.getByRole("link", { name: "Checkout", exact: true })).toHaveAttribute("href", `/p/${programme.slug}/teams/${team.id}`);
    await expect(page.getByRole("link", { name: /^Wave 2/ })).toHaveAttribute("href", `/p/${programme.slug}/waves#wave-2`);
    await checkLayout(page, "slice-editor", testInfo.outputPath.bind(testInfo));

    // Split refunds off into a slice of its own.
    await page.getByText("Split off services").click();
    const split = page.getByRole("form", { name: "Split the slice" });
    await split.getByRole("checkbox", { name: refunds.name }).check();
    await split.getByLabel("Name of the new slice").fill("Refunds");
    await split.getByRole("button", { name: "Split off" }).click();
    await page.getByRole("region", { name: "Edit the slice" }).getByRole("link", { name: "Refunds" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Refunds", exact: true })).toBeVisible();
    await expect(page.getByRole("region", { name: "Services" }).getByRole("link", { name: refunds.name })).toBeVisible();

    // Merge it back from the first slice.
    for (let i = 1; i <= 9; i++) await createSlice(db, { programmeId: programme.id, teamId: team.id, name: `Spare ${i} ${programme.slug}` });
    await page.goto(sliceUrl);
    await expect(page.getByRole("region", { name: "Services" }).getByRole("link", { name: refunds.name })).toHaveCount(0);
    // The merge editor's candidates are loaded when it is opened, by the page's address.
    await expect(page.getByRole("form", { name: "Merge slices into this one" })).toHaveCount(0);
    await page.getByRole("link", { name: "Merge other slices into this one" }).click();
    await expect(page).toHaveURL(/\?edit=merge#edit-merge$/);
    const merge = page.getByRole("form", { name: "Merge slices into this one" });
    // A long list of candidates gets a filter by name or team (nine empty slices make it long).
    // (Role queries see only what is shown: the filter hides the other boxes.)
    const candidates = merge.getByRole("group", { name: "Slices to merge into Ledger and refunds" }).getByRole("checkbox");
    expect(await candidates.count()).toBeGreaterThanOrEqual(10);
    await merge.getByLabel("Filter by name or team").fill("refunds");
    await expect(candidates).toHaveCount(1);
    await merge.getByLabel("Filter by name or team").fill("no such slice");
    await expect(merge.getByText("Nothing matches “no such slice”.")).toBeVisible();
    await expect(candidates).toHaveCount(0);
    await merge.getByLabel("Filter by name or team").fill("Refunds");
    await merge.getByRole("checkbox", { name: /^Refunds/ }).check();
    await merge.getByRole("button", { name: "Merge into Ledger and refunds" }).click();
    await expect(page.getByRole("region", { name: "Services" }).getByRole("link", { name: refunds.name })).toBeVisible();
    expect(await db.slice.count({ where: { programmeId: programme.id, name: "Refunds" } })).toBe(0);
    await page.getByRole("link", { name: "Close: Merge other slices into this one" }).click();
    await expect(merge).toHaveCount(0);

    // Take refunds out of the slice, then add it back from the services in no slice.
    await page.getByRole("link", { name: "Add or take out services" }).click();
    const editor = page.getByRole("form", { name: "Change the services" });
    await editor.getByRole("group", { name: "Take out of the slice" }).getByRole("checkbox", { name: refunds.name }).check();
    await editor.getByRole("button", { name: "Save the services" }).click();
    await expect(editor.getByText("Services changed.")).toBeVisible();
    await expect(services.getByRole("link", { name: refunds.name })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
    await editor.getByRole("group", { name: "Add services that are in no slice" }).getByRole("checkbox", { name: new RegExp(`^${refunds.name}`) }).check();
    await editor.getByRole("button", { name: "Save the services" }).click();
    await expect(services.getByRole("link", { name: refunds.name })).toBeVisible();
    expect((await db.service.findUniqueOrThrow({ where: { id: refunds.id }, select: { sliceId: true } })).sliceId).toBe(sliceUrl.split("/").pop());

    // Rename, a rollback plan and a rehearsal, all still there after a reload.
    const rename = page.getByRole("form", { name: "Rename the slice" });
    await rename.getByLabel("Name").fill("Ledger");
    await rename.getByRole("button", { name: "Rename" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ledger", exact: true })).toBeVisible();
    const plan = page.getByRole("form", { name: "Rollback plan" });
    await plan.getByLabel("Rollback plan").fill("Set the ledger route weight to 0; replay the queue on the VM.");
    await plan.getByRole("button", { name: "Save the plan" }).click();
    await expect(plan.getByText("Plan saved.")).toBeVisible();
    const rehearsal = page.getByRole("form", { name: "Record a rehearsal" });
    await rehearsal.getByLabel("Rehearsed on").fill("2026-11-20");
    await rehearsal.getByLabel("Notes").fill("Took 6 minutes");
    await rehearsal.getByRole("button", { name: "Record a rehearsal" }).click();
    await expect(rehearsal.getByText("Rehearsal recorded.")).toBeVisible();
    await page.reload();
    const rollback = page.getByRole("region", { name: "Rollback" });
    await expect(rollback).toContainText("Set the ledger route weight to 0");
    await expect(rollback).toContainText("Last rehearsed: 20 Nov 2026");

    // Services link back to the slice; the team's page lists it.
    await page.getByRole("region", { name: "Services" }).getByRole("link", { name: ledger.name }).click();
    await expect(page.getByRole("link", { name: "Ledger", exact: true })).toHaveAttribute("href", new URL(sliceUrl).pathname);
    await page.goto(`/p/${programme.slug}/teams/${team.id}`);
    await expect(page.getByRole("region", { name: /^Slices/ }).getByRole("link", { name: "Ledger", exact: true })).toBeVisible();
  });

  test("a manager lifts a pin; a lead of the owning team edits the rollback but cannot reshape or unpin", async ({ page, browser, db, programme, signedInAs }) => {
    const slice = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, team: { name: "Checkout" } }, select: { id: true, name: true } });
    await db.slice.update({ where: { id: slice.id }, data: { pinnedWave: 3, pinReason: "contract freeze" } });
    const leadPage = await (await browser.newContext()).newPage();
    await signedInAs("lead", programme, { page: leadPage });
    await leadPage.goto(`/p/${programme.slug}/slices/${slice.id}`);
    await expect(leadPage.getByText(/pinned to wave 3 \(contract freeze\)/)).toBeVisible();
    await expect(leadPage.getByRole("form", { name: "Rollback plan" })).toBeVisible();
    await expect(leadPage.getByRole("form", { name: "Rename the slice" })).toBeVisible();
    await expect(leadPage.getByRole("button", { name: /Lift the pin/ })).toHaveCount(0);
    await expect(leadPage.getByText("Split off services")).toHaveCount(0);
    await expect(leadPage.getByText("Add or take out services")).toHaveCount(0);
    await leadPage.context().close();

    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/slices/${slice.id}`);
    await page.getByRole("button", { name: "Lift the pin to wave 3" }).click();
    await expect(page.getByText(/pinned to wave 3/)).toHaveCount(0);
    expect((await db.slice.findUniqueOrThrow({ where: { id: slice.id } })).pinnedWave).toBeNull();
  });
});
