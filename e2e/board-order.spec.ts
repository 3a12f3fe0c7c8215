import { test, expect, axeViolations } from "./fixtures";

// Issue 14, point 7: the board never hides a broken order. A slice pinned against the order
// keeps its warning on the card and is listed with who waits on whom; after a keyboard move focus
// is on the moved card; waves a plan creates take their dates from the programme's cadence, and
// a wave without dates says "not scheduled" with a way to set them.

test.describe("the board and the order", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a slice pinned against the order keeps its warning and stays in who waits on whom; focus follows a keyboard move", async ({ page, programme, signedInAs }) => {
    const slug = programme.slug;
    await signedInAs("manager", programme);
    await page.goto(`/p/${slug}/waves`);

    // Shipping (wave 3) depends on Orders core (wave 2): pinning it into wave 1 breaks the order.
    const move = page.getByRole("button", { name: "Move Shipping to another wave" });
    await move.focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("alertdialog", { name: "Pin Shipping to wave 1?" });
    await dialog.getByLabel("Reason for breaking the order (required)").fill("Warehouse contract ends in March");
    await dialog.getByRole("button", { name: "Pin to wave 1" }).click();
    await expect(dialog).toBeHidden();

    const card = page.getByRole("region", { name: /^Wave 1/ }).getByRole("listitem", { name: "Shipping" });
    await expect(card).toContainText(/Breaks the order: .+ depends on .+ in Orders core \(wave 2\)/);
    // Focus is on the moved card, in its new column, not lost to the page.
    await expect(card.getByRole("button", { name: "Move Shipping to another wave" })).toBeFocused();

    const waits = page.getByRole("region", { name: "Who waits on whom" });
    const against = waits.getByRole("region", { name: /^Placed against the order/ });
    await expect(against).toContainText("Shipping");
    await expect(against).toContainText("pinned: Warehouse contract ends in March");
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/p/${slug}/waves/waits`);
    await expect(page.getByRole("region", { name: /^Placed against the order/ }).getByRole("link", { name: "Shipping" })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // A move that keeps the order (Shipping to wave 4, after Orders core), from the keyboard, keeps focus on the card too.
    await page.goto(`/p/${slug}/waves`);
    await page.getByRole("button", { name: "Move Shipping to another wave" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await expect(page.getByRole("menu", { name: "Move Shipping to" }).getByRole("menuitem", { name: /^Wave 4/ })).toBeFocused();
    await page.keyboard.press("Enter");
    const moved = page.getByRole("region", { name: /^Wave 4/ }).getByRole("listitem", { name: "Shipping" });
    await expect(moved).toBeVisible();
    await expect(moved.getByRole("button", { name: "Move Shipping to another wave" })).toBeFocused();
    await expect(moved).not.toContainText("Breaks the order");
  });

  test("waves get dates from the cadence, and a wave without dates says it is not scheduled", async ({ page, db, programme, signedInAs }) => {
    const slug = programme.slug;
    await signedInAs("manager", programme);
    await db.wave.updateMany({ where: { programmeId: programme.id, number: 4 }, data: { plannedStart: null, plannedEnd: null } });
    await page.goto(`/p/${slug}/waves`);
    const wave4 = page.getByRole("region", { name: /^Wave 4/ });
    await expect(wave4).toContainText("Not scheduled (set its dates");
    await expect(wave4).not.toContainText("no date");

    await page.goto(`/p/${slug}/settings`);
    await page.getByRole("link", { name: /Wave cadence/ }).click();
    const form = page.getByRole("form", { name: "Wave cadence" });
    await form.getByLabel("Wave length (weeks)").fill("3");
    await form.getByLabel("Wave 1 starts on").fill("2027-01-04");
    await expect(form.getByLabel(/Also date the 1 wave that has no dates yet/)).toBeChecked();
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "Save the cadence" }).click();
    await expect(form.getByText("Saved; 1 wave dated.")).toBeVisible();

    // Wave 4 under 3-week waves from 4 January 2027: 9 weeks on, 8 to 28 March.
    await page.goto(`/p/${slug}/waves`);
    await expect(wave4).toContainText("8 Mar 2027 – 28 Mar 2027");
    const row = await db.wave.findFirstOrThrow({ where: { programmeId: programme.id, number: 4 }, select: { plannedStart: true, plannedEnd: true } });
    expect([row.plannedStart?.toISOString().slice(0, 10), row.plannedEnd?.toISOString().slice(0, 10)]).toEqual(["2027-03-08", "2027-03-28"]);
    // The dated wave's edit link is still there for a manager.
    await wave4.getByRole("link", { name: "Edit wave 4" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${slug}/waves/4/edit$`));
  });
});
