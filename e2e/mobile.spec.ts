import type { Page } from "@playwright/test";
import { test, expect, axeViolations, type TestProgramme } from "./fixtures";
import type { Db } from "../lib/db";

// Issue 14, point 2: Ferry on a phone. At 390 px no page scrolls sideways (wide tables and the
// wave board scroll inside regions of their own), and below 1024 px the sidebar folds behind a
// menu button that behaves as a disclosure.

const PHONE = { width: 390, height: 844 };

/** Every page of a programme, with the ids the detail pages need. */
async function pagesOf(db: Db, programme: TestProgramme): Promise<string[]> {
  const [service, slice] = await Promise.all([
    db.service.findFirstOrThrow({ where: { programmeId: programme.id, name: "checkout-api" }, select: { id: true } }),
    db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Search" }, select: { id: true } }),
  ]);
  const base = `/p/${programme.slug}`;
  return [
    "/",
    base,
    `${base}/services`,
    `${base}/services/new`,
    `${base}/services/${service.id}`,
    `${base}/services/${service.id}/edit`,
    `${base}/teams`,
    `${base}/import`,
    `${base}/dependencies`,
    `${base}/waves`,
    `${base}/waves/plan`,
    `${base}/waves/waits`,
    `${base}/waves/2/edit`,
    `${base}/slices`,
    `${base}/slices/${slice.id}`,
    `${base}/reports`,
    `${base}/settings`,
    `${base}/settings/people`,
    `${base}/settings/tokens`,
    `${base}/settings/templates`,
    `${base}/settings/facilities`,
    `${base}/audit`,
  ];
}

/** What sticks out past the viewport, outside any region that scrolls on its own (for the failure message). */
function overflowOf(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element | null): boolean => {
      for (let e = el?.parentElement; e; e = e.parentElement) if (["auto", "scroll", "hidden"].includes(getComputedStyle(e).overflowX)) return true;
      return false;
    };
    const wide = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el)).slice(0, 3);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: wide.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].slice(0, 4).join(".")} "${(el.textContent ?? "").trim().slice(0, 40)}"`) };
  });
}

/** Opens a page once it has streamed in (no loading skeleton left). */
async function open(page: Page, url: string) {
  const response = await page.goto(url);
  expect.soft(response?.status(), url).toBeLessThan(400);
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.getByText("Loading…")).toHaveCount(0);
}

async function expectNoSidewaysScroll(page: Page, url: string) {
  await open(page, url);
  const { scrollWidth, width, culprits } = await overflowOf(page);
  expect.soft({ url, scrollWidth, culprits }).toEqual({ url, scrollWidth: width, culprits: [] });
}

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE });

  for (const role of ["manager", "lead", "viewer"] as const) {
    test(`no page is wider than the phone for a ${role}, and none has an accessibility violation`, async ({ page, sharedProgramme, signedInAs, db }) => {
      test.setTimeout(180_000);
      await signedInAs(role, sharedProgramme);
      for (const url of await pagesOf(db, sharedProgramme)) {
        await expectNoSidewaysScroll(page, url);
        expect.soft({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
      }
    });
  }

  test("the sign-in page fits the phone", async ({ page }) => {
    await expectNoSidewaysScroll(page, "/sign-in");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the menu is a disclosure: it opens and closes by button and Escape, and closes on a choice", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}`);
    const menu = page.getByRole("button", { name: "Menu" });
    const sections = page.getByRole("navigation", { name: "Sections" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(sections).toBeHidden();
    const panel = page.getByRole("complementary", { name: "Programme menu" });

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(panel).toBeVisible();
    // The button names what it opens.
    expect(await menu.getAttribute("aria-controls")).toBe(await panel.evaluate((el) => el.id));
    await expect(sections).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    // Tab goes from the button into the menu; Escape closes it and focus is back on the button.
    await page.keyboard.press("Tab");
    expect(await panel.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toBeFocused();
    await expect(sections).toBeHidden();

    await menu.click();
    await sections.getByRole("link", { name: "Slices" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Slices" })).toBeVisible();
    await expect(sections).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("the wave board scrolls sideways in its own labelled region, by keyboard too", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/waves`);
    const board = page.getByRole("region", { name: /^Wave board/ });
    await expect(board).toBeVisible();
    const wider = await board.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(wider).toBe(true);
    await board.focus();
    await expect(board).toBeFocused();
    const before = await board.evaluate((el) => el.scrollLeft);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => board.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("tables scroll inside their own region", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/services`);
    const region = page.getByRole("region", { name: /^Services, \d+ matching/ });
    await expect(region).toBeVisible();
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await expect(region).toHaveAttribute("tabindex", "0");
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe("at 1440 px", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const role of ["manager", "lead", "viewer"] as const) {
    test(`every page passes axe for a ${role}`, async ({ page, sharedProgramme, signedInAs, db }) => {
      test.setTimeout(180_000);
      await signedInAs(role, sharedProgramme);
      for (const url of await pagesOf(db, sharedProgramme)) {
        await open(page, url);
        expect.soft({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
      }
    });
  }

  test("the sidebar is always there and no menu button is shown", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/waves`);
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    const { scrollWidth, width } = await overflowOf(page);
    expect(scrollWidth).toBe(width);
  });
});
