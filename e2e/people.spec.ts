import { test, expect, axeViolations } from "./fixtures";
import { onFreshConnection } from "./support/fresh-connection";

// The manager's changes go to a programme of their own; the readers read the worker's shared one.
test.describe("people, tokens and the audit log", () => {
  test("a manager adds a service account, gives it a token once, and revokes it", async ({ page, baseURL, programme, signedInAs }) => {
    const slug = programme.slug;
    await signedInAs("manager", programme);
    await page.goto(`/p/${slug}/settings/people`);
    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByLabel("Email").fill(`bot-${slug}@ferry.local`);
    await add.getByLabel("Name").fill("Pipeline bot");
    await add.getByLabel("Role").selectOption("lead");
    await add.getByLabel("Service account").check();
    await add.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("row", { name: /Pipeline bot/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`/p/${slug}/settings/tokens`);
    const form = page.getByRole("form", { name: "Create a token for Pipeline bot" });
    await form.getByLabel("Token name").fill("deploy pipeline");
    await form.getByRole("button", { name: "Create token" }).click();
    const token = await page.getByLabel("New token").textContent();
    expect(token).toMatch(/^ferry_/);
    // The token works against the API, as its service account.
    const api = await page.request.get(`/api/v1/programmes/${slug}/events`, { headers: { Authorization: `Bearer ${token}` } });
    expect(api.status()).toBe(200);
    await page.reload();
    await expect(page.getByText(token!)).toHaveCount(0); // shown once only
    // The server has served the token, on one connection after another (and keeps it in its lookup cache)...
    const everywhere = async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await onFreshConnection(`${baseURL}/api/v1/programmes/${slug}/events`, { headers: { Authorization: `Bearer ${token}` } })).status);
      return statuses;
    };
    expect(await everywhere()).toEqual([200, 200, 200, 200, 200, 200]);
    // Revoking asks first.
    await page.getByRole("button", { name: "Revoke token deploy pipeline" }).click();
    await page.getByRole("alertdialog", { name: 'Revoke the token "deploy pipeline"?' }).getByRole("button", { name: "Revoke the token" }).click();
    await expect(page.getByText(/^Revoked/)).toBeVisible();
    // ...and refuses it from the moment the revoke has answered.
    expect(await everywhere()).toEqual([401, 401, 401, 401, 401, 401]);
    expect(await axeViolations(page)).toEqual([]);

    // Every step above is on the audit log, and the CSV export carries it.
    await page.goto(`/p/${slug}/audit?entity=api_token`);
    await expect(page.getByRole("table", { name: /audit events/i })).toContainText("api_token.revoked");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the audit log filters by entity and exports CSV", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/audit`);
    await page.getByLabel("Entity").selectOption("slice");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/entity=slice/);
    const table = page.getByRole("table", { name: /audit events/i });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith("slice."))).toBe(true);
    const csv = await page.request.get(`/p/${sharedProgramme.slug}/audit/export?entity=slice`);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trim().split(/\r?\n/);
    // The stored columns first, in this order (the readable ones follow them: audit.spec.ts).
    expect(lines[0]).toMatch(/^id,at,actor,entity_type,entity_id,action,before,after(,|$)/);
    expect(lines.length).toBeGreaterThan(1);
  });

  test("a viewer sees people but no controls to change them", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/settings/people`);
    await expect(page.getByRole("table", { name: /members of/i })).toBeVisible();
    await expect(page.getByRole("form", { name: "Add a member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /remove/i })).toHaveCount(0);
  });
});
