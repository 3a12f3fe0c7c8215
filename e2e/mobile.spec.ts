import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, axeViolations, type TestProgramme } from "./fixtures";
import type { Db } from "../lib/db";
import { formatWeek, isoWeekOfDate } from "../lib/reports/weeks";

// Issue 14, point 2: Ferry on a phone. At 390 px no page scrolls sideways (wide tables and the
// wave board scroll inside regions of their own), and below 1024 px the sidebar folds behind a
// menu button that behaves as a disclosure.

const PHONE = { width: 390, height: 844 };

// The longest spec by far (each role's sweep opens every page): its tests go to whichever
// worker is free rather than all to one. They only read the worker's shared programme.
test.describe.configure({ mode: "parallel" });

/**
 * Every signed-in page by its route in app/, with the ids the detail pages need. The test "every
 * page in app/ is checked" below fails when a page is added without an entry here.
 */
async function pagesOf(db: Db, programme: TestProgramme): Promise<Record<string, string>> {
  const [service, slice] = await Promise.all([
    db.service.findFirstOrThrow({ where: { programmeId: programme.id, name: "checkout-api" }, select: { id: true } }),
    db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Search" }, select: { id: true, teamId: true } }),
  ]);
  const base = `/p/${programme.slug}`;
  return {
    "/": "/",
    "/p/[programme]": base,
    "/p/[programme]/my-work": `${base}/my-work`,
    "/p/[programme]/services": `${base}/services`,
    "/p/[programme]/services/new": `${base}/services/new`,
    "/p/[programme]/services/[id]": `${base}/services/${service.id}`,
    "/p/[programme]/services/[id]/edit": `${base}/services/${service.id}/edit`,
    "/p/[programme]/teams": `${base}/teams`,
    "/p/[programme]/teams/[id]": `${base}/teams/${slice.teamId}`,
    "/p/[programme]/import": `${base}/import`,
    "/p/[programme]/dependencies": `${base}/dependencies`,
    "/p/[programme]/waves": `${base}/waves`,
    "/p/[programme]/waves/plan": `${base}/waves/plan`,
    "/p/[programme]/waves/waits": `${base}/waves/waits`,
    "/p/[programme]/waves/[number]/edit": `${base}/waves/2/edit`,
    "/p/[programme]/slices": `${base}/slices`,
    "/p/[programme]/slices/[id]": `${base}/slices/${slice.id}`,
    // The current week (the section's own address redirects there) and a closed-over past one.
    "/p/[programme]/reports": `${base}/reports`,
    "/p/[programme]/reports/[week]": `${base}/reports/${pastWeek(14)}`,
    "/p/[programme]/settings": `${base}/settings`,
    "/p/[programme]/settings/people": `${base}/settings/people`,
    "/p/[programme]/settings/tokens": `${base}/settings/tokens`,
    "/p/[programme]/settings/templates": `${base}/settings/templates`,
    "/p/[programme]/settings/facilities": `${base}/settings/facilities`,
    "/p/[programme]/settings/cadence": `${base}/settings/cadence`,
    "/p/[programme]/audit": `${base}/audit`,
  };
}

/**
 * The pages before sign-in. A usable invitation's page is checked at 390 px by
 * invitations.spec.ts; here the page of a link that cannot be used (the same card). Setup
 * answers with the sign-in page once an administrator exists, as on this server.
 */
const PUBLIC_PAGES: Record<string, string> = { "/sign-in": "/sign-in", "/setup": "/setup", "/invite": "/invite?token=not-a-link-of-this-ferry" };

/** The ISO week `days` ago, as the reports address spells it. */
function pastWeek(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const { year, week } = isoWeekOfDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  return formatWeek(year, week);
}

/** Every page.tsx under app/ as its route ("/p/[programme]/teams/[id]"); route groups add nothing to it. */
function appRoutes(): string[] {
  const files = (fs.readdirSync("app", { recursive: true }) as string[]).filter((f) => path.basename(f) === "page.tsx");
  return files.map((f) => `/${path.dirname(f).split(path.sep).filter((part) => part !== "." && !/^\(.*\)$/.test(part)).join("/")}`).sort();
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

const softly = expect.configure({ soft: true });

/**
 * Nothing on the open page sticks out past the viewport. Polled for a moment: on a page just
 * narrowed, what follows the width by script (the burn-up chart's ResizeObserver) lays itself
 * out again a frame or two later. A real overflow still fails, once the moment is over.
 */
async function expectFitsTheWidth(page: Page, url: string) {
  await softly
    .poll(async () => {
      const { scrollWidth, width, culprits } = await overflowOf(page);
      return { url, overflow: scrollWidth - width, culprits };
    }, { timeout: 3_000 })
    .toEqual({ url, overflow: 0, culprits: [] });
}

async function expectNoSidewaysScroll(page: Page, url: string) {
  await open(page, url);
  await expectFitsTheWidth(page, url);
}

/**
 * Every page for every role, each opened once: axe at 1440 px, then the same page narrowed to
 * the phone, where nothing may scroll sideways, and for the manager axe again. What a role
 * changes is the content (a manager's page holds every control the others' do, and more);
 * what the width changes is the layout around it, the same for every role. The layout is CSS
 * breakpoints, which a narrowed page meets as one loaded at that width does. Each axe pass
 * takes about a second; opening every page once per role, not once per role and width, saves
 * 78 page loads.
 */
const AXE_AT_PHONE_WIDTH = "manager";
const DESKTOP = { width: 1440, height: 900 };

test.describe("every page, at 1440 px and narrowed to 390 px", () => {
  test.use({ viewport: DESKTOP });

  for (const role of ["manager", "lead", "viewer"] as const) {
    const axeAtPhone = role === AXE_AT_PHONE_WIDTH;
    test(`every page passes axe for a ${role}, and none is wider than the phone${axeAtPhone ? " or has an accessibility violation there" : ""}`, async ({ page, sharedProgramme, signedInAs, db }) => {
      test.setTimeout(300_000);
      await signedInAs(role, sharedProgramme);
      for (const url of Object.values(await pagesOf(db, sharedProgramme))) {
        await page.setViewportSize(DESKTOP);
        await open(page, url);
        expect.soft({ url, width: DESKTOP.width, violations: await axeViolations(page) }).toEqual({ url, width: DESKTOP.width, violations: [] });
        await page.setViewportSize(PHONE);
        await expectFitsTheWidth(page, url);
        if (axeAtPhone) expect.soft({ url, width: PHONE.width, violations: await axeViolations(page) }).toEqual({ url, width: PHONE.width, violations: [] });
      }
    });
  }
});

test.describe("at 390 px", () => {
  test.use({ viewport: PHONE });

  test("the pages before sign-in fit the phone", async ({ page }) => {
    for (const url of Object.values(PUBLIC_PAGES)) {
      await expectNoSidewaysScroll(page, url);
      expect.soft({ url, violations: await axeViolations(page) }).toEqual({ url, violations: [] });
    }
  });

  test("every page in app/ is checked: a new page needs its entry in pagesOf or PUBLIC_PAGES", async ({ db, sharedProgramme }) => {
    const listed = [...Object.keys(await pagesOf(db, sharedProgramme)), ...Object.keys(PUBLIC_PAGES)].sort();
    expect(listed).toEqual(appRoutes());
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
  test.use({ viewport: DESKTOP });

  test("the sidebar is always there and no menu button is shown", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/waves`);
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    const { scrollWidth, width } = await overflowOf(page);
    expect(scrollWidth).toBe(width);
  });
});
