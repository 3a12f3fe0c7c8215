import { test, expect, axeViolations } from "./fixtures";
import { WIDTHS, pageOverflow } from "./support/widths";
import { DEMO_LEAD_TEAMS } from "./support/people";
import { blockedSlices } from "../lib/planning/blocking";
import type { Db } from "../lib/db";

// Issue 14, point 9: a lead's start page. "My work" is in a lead's navigation (nobody else's)
// and lists, across the slices of the lead's teams, each one's next gate with the open items
// holding it, and the slices waiting on other teams, by the same rule as the board.

/** The programme's blocked slices as lib/slices/queries/blocking.ts loads them. */
async function blockedIn(db: Db, programmeId: string) {
  const [services, dependencies, slices] = await Promise.all([
    db.service.findMany({ where: { programmeId }, select: { id: true, name: true, kind: true, shared: true, sliceId: true, team: { select: { name: true } } } }),
    db.dependency.findMany({ where: { programmeId }, select: { fromId: true, toId: true } }),
    db.slice.findMany({ where: { programmeId }, select: { id: true, name: true, status: true, team: { select: { name: true } }, wave: { select: { number: true } }, services: { select: { id: true } } } }),
  ]);
  return blockedSlices({
    services: services.map((s) => ({ id: s.id, name: s.name, kind: s.kind, shared: s.shared, team: s.team?.name ?? null, sliceId: s.sliceId })),
    dependencies: dependencies.map((d) => ({ from: d.fromId, to: d.toId })),
    slices: slices.map((s) => ({ id: s.id, name: s.name, team: s.team.name, serviceIds: s.services.map((x) => x.id), wave: s.wave?.number ?? null, status: s.status })),
  }).blocked;
}

test.describe("my work", () => {
  test("a lead finds their teams' next gates and the slices waiting on other teams", async ({ page, db, programme, signedInAs }, testInfo) => {
    // One of the lead's slices comes to depend on an earlier, not yet live slice of another team.
    const app = { kind: { in: ["api", "worker", "web"] as ("api" | "worker" | "web")[] }, shared: false };
    const waiter = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, team: { name: { in: DEMO_LEAD_TEAMS } }, wave: { number: { gte: 3 } }, status: { notIn: ["live", "done"] }, services: { some: app } }, orderBy: { name: "asc" }, select: { name: true, wave: { select: { number: true } }, services: { where: app, select: { id: true } } } });
    const waited = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, team: { name: { notIn: DEMO_LEAD_TEAMS } }, wave: { number: { lt: waiter.wave!.number } }, status: { notIn: ["live", "done"] }, services: { some: app } }, select: { name: true, services: { where: app, select: { id: true } } } });
    await db.dependency.create({ data: { programmeId: programme.id, fromId: waiter.services[0].id, toId: waited.services[0].id, kind: "sync" } });

    await signedInAs("lead", programme);
    await page.goto(`/p/${programme.slug}`);
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "My work" }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${programme.slug}/my-work$`));
    await expect(page.getByRole("heading", { level: 1, name: "My work" })).toBeVisible();

    // Every slice of the lead's teams that is not done, and only those.
    const mine = await db.slice.findMany({ where: { programmeId: programme.id, team: { name: { in: DEMO_LEAD_TEAMS } }, status: { not: "done" } }, select: { id: true, name: true } });
    expect(mine.length).toBeGreaterThan(1);
    const gates = page.getByRole("region", { name: /^Next gates/ });
    await expect(gates.getByRole("heading", { level: 3 })).toHaveCount(mine.length);
    for (const s of mine) await expect(gates.getByRole("link", { name: s.name, exact: true })).toBeVisible();
    const others = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, team: { name: { notIn: DEMO_LEAD_TEAMS } } }, select: { name: true } });
    await expect(gates.getByRole("heading", { level: 3, name: others.name, exact: true })).toHaveCount(0);

    // Waiting on other teams: exactly the lead's slices the blocking rule says wait on another team.
    const ids = new Set(mine.map((s) => s.id));
    const waiting = (await blockedIn(db, programme.id)).filter((b) => ids.has(b.id) && b.waitsOn.some((w) => !DEMO_LEAD_TEAMS.includes(w.team ?? "")));
    expect(waiting.map((b) => b.name)).toContain(waiter.name);
    const waits = page.getByRole("region", { name: /^Waiting on other teams/ });
    await expect(waits.getByRole("link", { name: waited.name, exact: true }).first()).toBeVisible();
    await expect(waits).toContainText(`Waiting on other teams (${waiting.length})`);
    for (const b of waiting) {
      await expect(waits.getByRole("link", { name: b.name, exact: true })).toBeVisible();
      for (const w of b.waitsOn.filter((x) => !DEMO_LEAD_TEAMS.includes(x.team ?? ""))) await expect(waits.getByRole("link", { name: w.name, exact: true }).first()).toBeVisible();
    }

    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(page), `my work at ${size.name}`).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`my-work-${size.width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // An item resolved elsewhere leaves the slice's list of open items.
    const slice = await db.slice.findFirstOrThrow({
      where: { id: { in: [...ids] }, checklistItems: { some: { state: "open", gateStage: "mirror" } }, stage: "none" },
      select: { id: true, name: true, checklistItems: { where: { state: "open", gateStage: "mirror" }, select: { id: true, title: true }, orderBy: [{ position: "asc" }, { key: "asc" }] } },
    });
    const list = page.getByRole("list", { name: `Open items before mirror on ${slice.name}` });
    const first = slice.checklistItems[0];
    await expect(list.getByText(first.title, { exact: true })).toBeVisible();
    await db.checklistItem.update({ where: { id: first.id }, data: { state: "na", reason: "e2e" } });
    await page.reload();
    await expect(list.getByText(first.title, { exact: true })).toHaveCount(0);
  });

  test("the navigation offers My work to leads only", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("manager", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}`);
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Overview" })).toBeAttached();
    await expect(page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "My work" })).toHaveCount(0);
    // A manager in no team who opens the address is told why it is empty.
    await page.goto(`/p/${sharedProgramme.slug}/my-work`);
    await expect(page.getByText("You are in no team of this programme")).toBeVisible();
  });
});
