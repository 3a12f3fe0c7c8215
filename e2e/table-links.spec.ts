import { test, expect, axeViolations } from "./fixtures";
import { WIDTHS, pageOverflow } from "./support/widths";

// Issue 14, point 6: every name is a link. In the slices table the owner team and the wave
// lead to the team's page and the wave on the board, like the slice's name; in the services
// table so do the team, the slice and the wave. Read only: the worker's shared programme.

test.describe("names in the tables are links", () => {
  test("the slices table links each slice's team and wave", async ({ page, db, sharedProgramme, signedInAs }, testInfo) => {
    await signedInAs("viewer", sharedProgramme);
    const slice = await db.slice.findFirstOrThrow({
      where: { programme: { slug: sharedProgramme.slug }, wave: { isNot: null } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, team: { select: { id: true, name: true } }, wave: { select: { number: true } } },
    });
    await page.goto(`/p/${sharedProgramme.slug}/slices`);
    const row = page.getByRole("table", { name: "Slices" }).getByRole("row").filter({ has: page.getByRole("rowheader", { name: slice.name, exact: true }) });
    await expect(row.getByRole("link", { name: slice.name, exact: true })).toHaveAttribute("href", `/p/${sharedProgramme.slug}/slices/${slice.id}`);
    await expect(row.getByRole("link", { name: `Wave ${slice.wave!.number} on the board` })).toHaveAttribute("href", `/p/${sharedProgramme.slug}/waves#wave-${slice.wave!.number}`);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(page), `slices at ${size.name}`).toBe(0);
      await page.screenshot({ path: testInfo.outputPath(`slices-${size.width}.png`), fullPage: true });
    }
    expect(await axeViolations(page)).toEqual([]);

    await row.getByRole("link", { name: slice.team.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${sharedProgramme.slug}/teams/${slice.team.id}$`));
    await expect(page.getByRole("heading", { level: 1, name: slice.team.name })).toBeVisible();
    await page.goBack();
    await row.getByRole("link", { name: `Wave ${slice.wave!.number} on the board` }).click();
    await expect(page).toHaveURL(new RegExp(`/p/${sharedProgramme.slug}/waves#wave-${slice.wave!.number}$`));
    await expect(page.getByRole("heading", { level: 1, name: /Waves/ })).toBeVisible();
  });

  test("the services table links each service's team, slice and wave", async ({ page, db, sharedProgramme, signedInAs }, testInfo) => {
    await signedInAs("viewer", sharedProgramme);
    const service = await db.service.findFirstOrThrow({
      where: { programme: { slug: sharedProgramme.slug }, teamId: { not: null }, slice: { waveId: { not: null } } },
      orderBy: { name: "asc" },
      select: { name: true, team: { select: { id: true, name: true } }, slice: { select: { id: true, name: true, wave: { select: { number: true } } } } },
    });
    await page.goto(`/p/${sharedProgramme.slug}/services?q=${encodeURIComponent(service.name)}`);
    const table = page.getByRole("table", { name: /Services, \d+ matching/ });
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: service.name, exact: true }) });
    await expect(row.getByRole("link", { name: service.team!.name, exact: true })).toHaveAttribute("href", `/p/${sharedProgramme.slug}/teams/${service.team!.id}`);
    await expect(row.getByRole("link", { name: `Wave ${service.slice!.wave!.number} on the board` })).toHaveAttribute("href", `/p/${sharedProgramme.slug}/waves#wave-${service.slice!.wave!.number}`);
    const sliceLink = row.getByRole("link", { name: service.slice!.name, exact: true });
    await expect(sliceLink).toHaveAttribute("href", `/p/${sharedProgramme.slug}/slices/${service.slice!.id}`);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(page), `services at ${size.name}`).toBe(0);
      await page.screenshot({ path: testInfo.outputPath(`services-${size.width}.png`), fullPage: true });
    }
    expect(await axeViolations(page)).toEqual([]);
    await sliceLink.click();
    await expect(page.getByRole("heading", { level: 1, name: service.slice!.name })).toBeVisible();

    // A service with no team or slice says so in words, not as a link.
    const loose = await db.service.findFirst({ where: { programme: { slug: sharedProgramme.slug }, sliceId: null }, select: { name: true } });
    if (loose) {
      await page.goto(`/p/${sharedProgramme.slug}/services?q=${encodeURIComponent(loose.name)}`);
      const looseRow = page.getByRole("table", { name: /Services, \d+ matching/ }).getByRole("row").filter({ has: page.getByRole("link", { name: loose.name, exact: true }) });
      await expect(looseRow.getByText("not in a slice")).toBeVisible();
      await expect(looseRow.getByRole("link", { name: /on the board$/ })).toHaveCount(0);
    }
  });
});
