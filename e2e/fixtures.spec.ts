import { test, expect, seedProgramme, signInAs } from "./fixtures";

test("a spec can seed a programme of its own and the app serves it", async ({ page }) => {
  const slug = await seedProgramme("fixture");
  await signInAs(page, "admin");
  await page.goto(`/p/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/kubernetes/i);
});
