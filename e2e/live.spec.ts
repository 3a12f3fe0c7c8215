import type { Db } from "../lib/db";
import { weekAt, weekBounds } from "../lib/reports/weeks";
import { test, expect, adminHeaders } from "./fixtures";

// Issue 15: an open page follows changes made elsewhere (here through the REST API, as a
// pipeline or another replica would) without a reload: through the programme's stream, or by
// polling while the stream is down.

async function openItem(db: Db, slug: string) {
  return db.checklistItem.findFirstOrThrow({ where: { state: "open", slice: { programme: { slug } } }, select: { id: true, title: true, sliceId: true, slice: { select: { name: true } } }, orderBy: { id: "asc" } });
}

test.describe("live updates", () => {
  test("the slice page shows a tick made elsewhere within a second or two, without a reload", async ({ page, programme, signedInAs, db, request }) => {
    await signedInAs("viewer", programme);
    const item = await openItem(db, programme.slug);
    await page.goto(`/p/${programme.slug}/slices/${item.sliceId}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-status", "live");
    const row = page.getByRole("region", { name: "Definition of done" }).getByRole("listitem", { name: item.title, exact: true });
    await expect(row).toBeVisible();
    await expect(row).not.toContainText("Done");
    // A mark a reload would wipe (router.refresh() replaces history state, so navigation events do not tell).
    await page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 42));

    const history = page.getByRole("list", { name: "Stage and checklist history" });
    await expect(history).not.toContainText(`admin token ticked "${item.title}"`);
    const ticked = await request.patch(`/api/v1/programmes/${programme.slug}/slices/${item.sliceId}/checklist/${item.id}`, { headers: adminHeaders, data: { state: "done", evidenceUrl: "https://ci.example/live" } });
    expect(ticked.status()).toBe(200);
    // (A tick that completes the slice also changes its status: that entry may come first.)
    await expect(history).toContainText(`admin token ticked "${item.title}"`, { timeout: 3_000 });
    // Re-rendered in place: the browser never loaded the page again.
    expect(await page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark)).toBe(42);
  });

  test("a page polls while its stream is refused, and says so", async ({ page, programme, signedInAs, db, request }) => {
    test.setTimeout(60_000);
    await page.route("**/api/v1/programmes/*/stream", (route) => route.fulfill({ status: 503, body: "" }));
    await signedInAs("viewer", programme);
    const slice = await db.slice.findFirstOrThrow({ where: { programme: { slug: programme.slug }, stage: "none" }, select: { id: true, name: true } });
    const item = await db.checklistItem.findFirstOrThrow({ where: { sliceId: slice.id, state: "open" }, select: { id: true, title: true } });
    // The page's clock is Playwright's: the 4 s the page gives a refused stream and the 10 s
    // between two polls pass when the test says so, not in real time.
    await page.clock.install();
    await page.goto(`/p/${programme.slug}/slices/${slice.id}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-status", "connecting");
    await page.clock.runFor(5_000);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-status", "polling");
    await expect(page.getByTestId("live-status")).toHaveText(/refreshes every 10 seconds/);
    const history = page.getByRole("list", { name: "Stage and checklist history" });
    await expect(history).not.toContainText(`admin token ticked "${item.title}"`);
    expect((await request.patch(`/api/v1/programmes/${programme.slug}/slices/${slice.id}/checklist/${item.id}`, { headers: adminHeaders, data: { state: "done", evidenceUrl: "https://ci.example/poll" } })).status()).toBe(200);
    // Not before the next poll...
    await page.clock.runFor(5_000);
    await expect(history).not.toContainText(`admin token ticked "${item.title}"`);
    // ...and at it.
    await page.clock.runFor(5_000);
    await expect(history).toContainText(`admin token ticked "${item.title}"`);
  });

  test("the overview re-renders itself when a new week starts, with no change to announce", async ({ page, programme, signedInAs }) => {
    await signedInAs("viewer", programme);
    // The browser's clock is Playwright's, so the days until Monday pass in an instant.
    await page.clock.install({ time: new Date() });
    const refreshes: string[] = [];
    page.on("request", (r) => {
      if (r.headers()["rsc"] === "1" && new URL(r.url()).pathname === `/p/${programme.slug}`) refreshes.push(r.url());
    });
    await page.goto(`/p/${programme.slug}`);
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-live-status", "live");
    // The demo programme reports in UTC: its week ends at Monday 00:00 UTC.
    const weekEnd = weekBounds(weekAt(Date.now(), "UTC"), "UTC").end;
    await page.clock.fastForward(weekEnd - Date.now() - 60_000);
    await page.waitForTimeout(500);
    expect(refreshes, "no refresh before the week ends").toEqual([]);
    await page.clock.fastForward(2 * 60_000);
    await expect.poll(() => refreshes.length, { message: "refreshed once the new week began" }).toBeGreaterThan(0);
  });

  test("the overview catches up with changes that land while it keeps its report a few seconds", async ({ page, programme, signedInAs, db, request }) => {
    await signedInAs("viewer", programme);
    await page.goto(`/p/${programme.slug}`);
    const live = page.getByTestId("live-status");
    await expect(live).toHaveAttribute("data-live-status", "live");
    const shown = async () => Number(await live.getAttribute("data-shown-version"));
    const latest = async () => (await db.event.aggregate({ where: { programme: { slug: programme.slug } }, _max: { id: true } }))._max.id ?? 0;
    expect(await shown()).toBe(await latest());
    // Two changes in quick succession: the second lands while the overview keeps the report
    // it built for the first.
    const items = await db.checklistItem.findMany({ where: { state: "open", slice: { programme: { slug: programme.slug } } }, select: { id: true, sliceId: true }, orderBy: { id: "asc" }, take: 2 });
    for (const item of items) {
      const ticked = await request.patch(`/api/v1/programmes/${programme.slug}/slices/${item.sliceId}/checklist/${item.id}`, { headers: adminHeaders, data: { state: "done", evidenceUrl: "https://ci.example/catch-up" } });
      expect(ticked.status()).toBe(200);
    }
    const last = await latest();
    await expect.poll(shown, { message: "the overview shows the last change within its 5 s and a refresh", timeout: 10_000 }).toBe(last);
  });
});
