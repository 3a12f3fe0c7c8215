import { test, expect, axeViolations } from "./fixtures";
import { argoRolloutAt } from "./support/rollouts";
import { WIDTHS, pageOverflow } from "./support/widths";

// Issue 14, point 10: rollout readings stay on the record. After a reload the slice page still
// shows the latest reading with its time and a link to the kept YAML, to every reader of the
// slice, and says plainly when its weight disagrees with Ferry's stage.

test.describe("the latest rollout reading", () => {
  test("stays on the slice page after a reload, with its time, its YAML and whether it matches the stage", async ({ page, browser, db, programme, signedInAs }, testInfo) => {
    // Promotions (Checkout) is at 10% in the demo estate, and the lead leads Checkout.
    const slice = await db.slice.findFirstOrThrow({ where: { programmeId: programme.id, name: "Promotions" }, select: { id: true, stage: true } });
    expect(slice.stage).toBe("pct10");
    await signedInAs("lead", programme);
    const url = `/p/${programme.slug}/slices/${slice.id}`;
    await page.goto(url);
    await expect(page.getByRole("region", { name: "Latest reading of the rollout" })).toHaveCount(0);

    // A reading at 50% against a record at 10%.
    const reader = page.getByRole("form", { name: "Read rollout state" });
    await reader.getByLabel("Rollout YAML").fill(argoRolloutAt(50));
    await reader.getByRole("button", { name: "Read rollout" }).click();
    await expect(page.getByRole("region", { name: "Rollout reading", exact: true })).toContainText("50% on the new path");

    await page.reload();
    const latest = page.getByRole("region", { name: "Latest reading of the rollout" });
    await expect(latest).toContainText("Rollout: 50% on the new path, phase Paused, healthy");
    const stored = await db.rolloutReading.findFirstOrThrow({ where: { sliceId: slice.id }, orderBy: { createdAt: "desc" } });
    await expect(latest.locator("time")).toHaveAttribute("datetime", stored.createdAt.toISOString());
    const mismatch = latest.getByRole("note", { name: "The reading disagrees with the record" });
    await expect(mismatch).toHaveText(
      "Does not match the record. The Rollout serves more than Ferry records: 50% of traffic on the new path, but the slice is recorded at 10%. Move the slice to 50% (its gates apply), or turn the rollout back.",
    );
    const yaml = latest.getByRole("link", { name: /YAML kept as evidence/ });
    const source = await page.request.get((await yaml.getAttribute("href"))!);
    expect(source.status()).toBe(200);
    expect(await source.text()).toBe(argoRolloutAt(50));
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(page), `slice page at ${size.name}`).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await latest.screenshot({ path: testInfo.outputPath(`latest-reading-${size.width}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // A viewer reads the same record, without the reader's form.
    const viewerPage = await (await browser.newContext()).newPage();
    await signedInAs("viewer", programme, { page: viewerPage });
    await viewerPage.goto(url);
    await expect(viewerPage.getByRole("region", { name: "Latest reading of the rollout" }).getByRole("note")).toContainText("50% of traffic on the new path");
    await expect(viewerPage.getByRole("form", { name: "Read rollout state" })).toHaveCount(0);
    await viewerPage.context().close();

    // A newer reading that agrees replaces it as the latest, and the page says it matches.
    await reader.getByLabel("Rollout YAML").fill(argoRolloutAt(10));
    await reader.getByRole("button", { name: "Read rollout" }).click();
    await expect(page.getByRole("region", { name: "Rollout reading", exact: true })).toContainText("10% on the new path");
    await page.reload();
    await expect(latest).toContainText("Rollout: 10% on the new path");
    await expect(latest.getByRole("note")).toHaveCount(0);
    await expect(latest).toContainText("Matches the record. The Rollout agrees with Ferry's record: 10% of traffic on the new path, recorded at 10%.");
  });
});
