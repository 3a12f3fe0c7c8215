import { test, expect } from "./fixtures";

// Links prefetch their page only once the person points at one or moves focus to it
// (components/ui/link.tsx): prefetched on sight, one view of the services list made the one
// server render 44 other pages (the navigation's sections, every row's service, team, slice
// and wave) while the list itself loaded.

test("links prefetch on intent, not on sight: the navigation and a table's rows", async ({ page, programme, signedInAs }) => {
  await signedInAs("viewer", programme);
  const prefetched: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto(`/p/${programme.slug}/services`);
  await page.waitForLoadState("load");
  // Next prefetches links in view when the browser is idle after load: give it the time.
  await page.waitForTimeout(1_500);
  expect(prefetched, "nothing prefetched before any intent").toEqual([]);

  const sections = page.getByRole("navigation", { name: "Sections" });
  await sections.getByRole("link", { name: "Waves" }).hover();
  await expect.poll(() => prefetched, { message: "pointing at Waves prefetches it" }).toContain(`/p/${programme.slug}/waves`);
  await sections.getByRole("link", { name: "Reports" }).focus();
  await expect.poll(() => prefetched, { message: "focusing Reports prefetches it" }).toContain(`/p/${programme.slug}/reports`);
  const firstService = page.getByRole("table").getByRole("row").nth(1).getByRole("link").first();
  const target = new URL((await firstService.getAttribute("href"))!, page.url()).pathname;
  await firstService.hover();
  await expect.poll(() => prefetched, { message: "pointing at a row's service prefetches it" }).toContain(target);
  expect(prefetched.filter((p) => !p.endsWith("/waves") && !p.endsWith("/reports") && p !== target)).toEqual([]);
});
