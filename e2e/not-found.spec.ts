import { test, expect } from "./fixtures";

// The bug: a programme's loading skeleton wrapped every page in a Suspense boundary that sent
// the 200 before the page looked its slice, service or wave up, so an unknown one answered
// 200 with the not-found text. A NUL in the id reached the database instead.
// A viewer of the worker's shared programme asks for what it does not hold.
test.describe("unknown pages of a programme", () => {
  test.beforeEach(async ({ sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
  });

  for (const path of ["slices/no-such-slice", "services/no-such-service", "services/no-such-service/edit", "waves/999/edit", "waves/2147483648/edit", "slices/a%00b", "services/a%01b", "waves/1%00/edit"]) {
    test(`/p/<programme>/${path} answers 404`, async ({ page, sharedProgramme }) => {
      const response = await page.goto(`/p/${sharedProgramme.slug}/${path}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    });
  }
});
