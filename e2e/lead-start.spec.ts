import { test, expect, axeViolations } from "./fixtures";
import { WIDTHS, pageOverflow } from "./support/widths";
import { createTestUser, removeUsers, TEST_PASSWORD } from "./support/people";
import { addMembership } from "../lib/seed";
import type { Page } from "@playwright/test";

// Issue 14, point 9: a lead's start page is "My work". Opening Ferry (the home page, which
// sign-in lands on) takes a lead there and everyone else to the overview; /p/<slug> itself stays
// the overview, reachable for a lead from the sidebar.

/** Signs in through the form with no `next`, as someone opening Ferry would. */
async function signInThroughForm(page: Page, email: string) {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with email and password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill(TEST_PASSWORD);
  await form.getByRole("button", { name: "Sign in" }).click();
}

test.describe("start page", () => {
  test("a lead signs in and lands on My work; the overview is one click away", async ({ page, db, passwordHash, programme }, testInfo) => {
    const lead = await createTestUser(db, passwordHash, { role: "lead", programmeId: programme.id });
    const { name } = await db.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { name: true } });
    try {
      await signInThroughForm(page, lead.email);
      await expect(page).toHaveURL(new RegExp(`/p/${programme.slug}/my-work$`));
      await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();
      const nav = page.getByRole("navigation", { name: "Sections" });
      await expect(nav.getByRole("link", { name: "My work" })).toHaveAttribute("aria-current", "page");
      for (const size of WIDTHS) {
        await page.setViewportSize({ width: size.width, height: size.height });
        expect(await pageOverflow(page), `My work at ${size.name}`).toBe(0);
        await page.screenshot({ path: testInfo.outputPath(`lead-start-${size.width}.png`), fullPage: true });
      }
      expect(await axeViolations(page)).toEqual([]);

      // Opening Ferry again (the logo, a bookmark of "/") lands there too.
      await page.goto("/");
      await expect(page).toHaveURL(new RegExp(`/p/${programme.slug}/my-work$`));

      // The programme root is still the overview, for a lead as for anyone.
      await page.setViewportSize({ width: 1440, height: 900 });
      await nav.getByRole("link", { name: "Overview" }).click();
      await expect(page).toHaveURL(new RegExp(`/p/${programme.slug}$`));
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    } finally {
      await removeUsers(db, { ids: [lead.id] });
    }
  });

  for (const role of ["manager", "viewer"] as const) {
    test(`a ${role} signs in and lands on the overview`, async ({ page, db, passwordHash, programme }) => {
      const user = await createTestUser(db, passwordHash, { role, programmeId: programme.id });
      const { name } = await db.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { name: true } });
      try {
        await signInThroughForm(page, user.email);
        await expect(page).toHaveURL(new RegExp(`/p/${programme.slug}$`));
        await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      } finally {
        await removeUsers(db, { ids: [user.id] });
      }
    });
  }

  test("a lead in two programmes chooses, and each leads to that role's start page", async ({ page, db, passwordHash, programme, emptyProgramme }) => {
    const lead = await createTestUser(db, passwordHash, { role: "lead", programmeId: programme.id });
    try {
      await addMembership(db, lead.id, { programmeId: emptyProgramme.id, role: "viewer" });
      const names = await db.programme.findMany({ where: { id: { in: [programme.id, emptyProgramme.id] } }, select: { id: true, name: true } });
      const nameOf = (id: string) => names.find((n) => n.id === id)!.name;
      await signInThroughForm(page, lead.email);
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole("link", { name: nameOf(programme.id) })).toHaveAttribute("href", `/p/${programme.slug}/my-work`);
      await expect(page.getByRole("link", { name: nameOf(emptyProgramme.id) })).toHaveAttribute("href", `/p/${emptyProgramme.slug}`);
      // The programme switcher inside a programme opens each one on the same start pages.
      await page.getByRole("link", { name: nameOf(emptyProgramme.id) }).click();
      await expect(page).toHaveURL(new RegExp(`/p/${emptyProgramme.slug}$`));
      await page.getByText("Programme", { exact: true }).click();
      const switcher = page.getByRole("navigation", { name: "Programmes" });
      await expect(switcher.getByRole("link", { name: nameOf(programme.id) })).toHaveAttribute("href", `/p/${programme.slug}/my-work`);
      await expect(switcher.getByRole("link", { name: new RegExp(`^${nameOf(emptyProgramme.id)}`) })).toHaveAttribute("href", `/p/${emptyProgramme.slug}`);
    } finally {
      await removeUsers(db, { ids: [lead.id] });
    }
  });
});
