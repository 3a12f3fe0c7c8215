import { test, expect, axeViolations } from "./fixtures";

// Issue 14, point 8: template changes are explicit. Syncing a changed template previews what it
// does to each slice; an item a live or done slice has already passed the gate of is never added
// silently: the manager adds it as a follow-up (shown as such, reopening nothing) or skips those
// slices. The slice page says why when a passed gate has an open item.

test.describe("template sync", () => {
  test.describe.configure({ timeout: 90_000 });

  test("previews each slice, asks about slices past the gate, and adds follow-ups that reopen nothing", async ({ page, db, programme, signedInAs }, testInfo) => {
    await signedInAs("manager", programme);
    const done = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, status: { in: ["done", "live"] }, stage: "pct100" }, orderBy: { name: "asc" }, select: { id: true, name: true, status: true } });
    await page.goto(`/p/${programme.slug}/settings/templates`);
    const add = page.getByRole("form", { name: /^Add an item to/ });
    await add.getByLabel("Title").fill("Error budget agreed");
    await add.getByLabel("Category").selectOption("observable");
    await add.getByLabel("Gates stage").selectOption("1");
    await add.getByRole("button", { name: "Add item" }).click();
    await expect(page.getByRole("status", { name: /^Add an item to .*: result$/ })).toContainText("Added");

    // The preview names each slice; those past 1% are marked and a choice is asked for.
    const update = page.getByRole("region", { name: "Update existing slices" });
    const preview = update.getByRole("table", { name: /What updating from .* does to each slice/ });
    const row = preview.getByRole("row").filter({ has: page.getByRole("link", { name: done.name, exact: true }) });
    await expect(row).toContainText("Gate already passed: Error budget agreed");
    const choice = update.getByRole("group", { name: /already passed the gate of new items/ });
    await expect(choice).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await update.screenshot({ path: testInfo.outputPath("template-sync-preview.png") });

    // Without a choice the update is refused, nothing written.
    await update.getByRole("button", { name: "Update existing slices" }).click();
    await expect(update.getByText("Choose what happens to those slices.")).toBeVisible();
    expect(await db.checklistItem.count({ where: { sliceId: done.id, title: "Error budget agreed" } })).toBe(0);

    await choice.getByLabel(/Add them as follow-ups/).check();
    await update.getByRole("button", { name: "Update existing slices" }).click();
    await expect(update.getByRole("status", { name: /: result$/ })).toContainText(/Slices updated: \d+ changed, \d+ follow-ups? added/);
    await expect(update).toContainText("already matches");
    expect(await db.checklistItem.findFirst({ where: { sliceId: done.id, title: "Error budget agreed" }, select: { state: true, followUp: true } })).toEqual({ state: "open", followUp: true });
    expect((await db.slice.findUniqueOrThrow({ where: { id: done.id } })).status).toBe(done.status);

    // On the slice, the item is a follow-up, said in words, and the 100% gate stays passed.
    await page.goto(`/p/${programme.slug}/slices/${done.id}`);
    const item = page.getByRole("listitem", { name: "Error budget agreed" });
    await expect(item).toContainText("Follow-up");
    await expect(item).toContainText("Added by a template change after this slice had passed 1%");
    await item.screenshot({ path: testInfo.outputPath("follow-up-item.png") });
    await expect(page.getByText(/open items? gates? a stage this slice has already passed/)).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("a reopened item of a passed gate is explained on the slice page", async ({ page, db, programme, signedInAs }) => {
    // Promotions is at 10%: reopen an item gating 1%, as a lead might.
    const slice = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Promotions" }, select: { id: true } });
    const item = await db.checklistItem.findFirstOrThrow({ where: { sliceId: slice.id, gateStage: "pct1", state: { not: "open" } }, select: { id: true, title: true } });
    await db.checklistItem.update({ where: { id: item.id }, data: { state: "open", evidenceUrl: null, reason: null, doneAt: null, doneById: null } });
    await signedInAs("viewer", programme);
    await page.goto(`/p/${programme.slug}/slices/${slice.id}`);
    await expect(page.getByText("One open item gates a stage this slice has already passed")).toBeVisible();
    await expect(page.getByRole("listitem", { name: item.title })).toContainText("This slice already passed 1%; the item is open again");
  });

  test("the move form counts a reopened item of a passed gate once, as the next gate does", async ({ page, db, programme, signedInAs }) => {
    const slice = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Promotions" }, select: { id: true } });
    const item = await db.checklistItem.findFirstOrThrow({ where: { sliceId: slice.id, gateStage: "pct1", state: { not: "open" } }, select: { id: true } });
    await db.checklistItem.update({ where: { id: item.id }, data: { state: "open", evidenceUrl: null, reason: null, doneAt: null, doneById: null } });
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/slices/${slice.id}`);
    // Regression: the form added the passed gate's open items to the next gate's, which already
    // holds them, and said one more item held the move than the page listed.
    const nextGate = (await page.getByRole("term").filter({ hasText: "Next gate" }).locator("xpath=../dd").textContent()) ?? "";
    const open = Number(/^(\d+) items? open before/.exec(nextGate)?.[1]);
    expect(open).toBeGreaterThan(0);
    await expect(page.getByRole("button", { name: "Move", exact: true })).toHaveAccessibleDescription(new RegExp(`^${open} open items? holds? the next stage`));
  });
});
