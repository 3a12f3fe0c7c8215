import fs from "node:fs";
import path from "node:path";
import { test, expect, axeViolations, adminHeaders } from "./fixtures";

// Issue 14, point 5: an audit trail that names things. Every row says what it is about by name
// (a facility, a member by name and email) and what changed in words, before and after; the
// CSV carries the same words; bulk work reads as one line that opens onto its changes; the
// overview's recent activity names what it is about too.

const CATALOG = path.resolve("lib/inventory/fixtures/catalog.yaml");

test.describe("the audit trail names things", () => {
  test("a facility and a member are named, with each change before and after, on the page, in the CSV and in recent activity", async ({ page, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    const base = `/p/${programme.slug}`;

    // A facility: its status and its owner team.
    await page.goto(`${base}/settings/facilities`);
    const mesh = page.getByRole("form", { name: "Service mesh" });
    await mesh.getByLabel("Status").selectOption("ready");
    await mesh.getByLabel("Owner team").selectOption({ label: "Identity" });
    await mesh.getByRole("button", { name: "Save Service mesh" }).click();
    await expect(mesh.getByRole("status")).toHaveText("Saved.");

    // A member: added, then given another role.
    await page.goto(`${base}/settings/people`);
    const add = page.getByRole("form", { name: "Add a member" });
    const email = `ines-${programme.slug}@ferry.test`;
    await add.getByLabel("Email").fill(email);
    await add.getByLabel("Name").fill("Inès Duarte");
    await add.getByLabel("Role").selectOption("viewer");
    await add.getByRole("button", { name: "Add member" }).click();
    const row = page.getByRole("row", { name: /Inès Duarte/ });
    await expect(row).toBeVisible();
    await row.getByLabel("Role of Inès Duarte").selectOption("lead");
    await row.getByRole("button", { name: "Save the role of Inès Duarte" }).click();
    await expect(row.getByRole("status").filter({ hasText: "Saved." })).toHaveText("Saved.");

    await page.goto(`${base}/audit`);
    const table = page.getByRole("table", { name: /audit events/i });
    // The save changed the status, so it is recorded as the facility's status change.
    const facilityRow = table.getByRole("row").filter({ hasText: "facility.status_changed" }).first();
    await expect(facilityRow.getByRole("cell").nth(3)).toHaveText("FacilityService mesh");
    await expect(facilityRow).toContainText("set facility Service mesh to ready");
    await expect(facilityRow.getByRole("term").filter({ hasText: "Status" })).toBeVisible();
    await expect(facilityRow.getByRole("definition").filter({ hasText: /Not started\s*→?\s*changed to\s*Ready/ })).toBeVisible();
    await expect(facilityRow.getByRole("definition").filter({ hasText: /changed to\s*Identity/ })).toBeVisible();
    const memberRow = table.getByRole("row").filter({ hasText: "membership.role_changed" });
    await expect(memberRow.getByRole("cell").nth(3)).toHaveText(`MemberInès Duarte (${email})`);
    await expect(memberRow).toContainText(`changed the role of member Inès Duarte (${email}) from viewer to lead`);
    await expect(table.getByRole("row").filter({ hasText: "membership.created" })).toContainText(`added member Inès Duarte (${email}) as viewer`);
    // No raw JSON and no ids anywhere in the rows.
    for (const text of await table.getByRole("row").allTextContents()) expect(text).not.toMatch(/[{}]|"[a-zA-Z]+":|\bc[a-z0-9]{24}\b/);
    expect(await axeViolations(page)).toEqual([]);
    // On a phone a row is a card: the object is named once, in the line that says what happened
    // (it stood twice, the "On" cell above the line repeating it).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(facilityRow.locator("td").nth(3)).toHaveText("FacilityService mesh");
    await expect(facilityRow.locator("td").nth(3)).toBeHidden();
    await expect(facilityRow).toContainText("set facility Service mesh to ready");
    await page.setViewportSize({ width: 1280, height: 720 });

    const csv = await (await page.request.get(`${base}/audit/export`)).text();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe("id,at,actor,entity_type,entity_id,action,before,after,object,summary,changes");
    const facilityLine = lines.find((l) => l.includes("facility.status_changed"));
    expect(facilityLine).toMatch(/facility Service mesh,set facility Service mesh to ready,Status: Not started → Ready; Owner team: [^;]+ → Identity/);
    expect(lines.find((l) => l.includes("membership.role_changed"))).toContain(`changed the role of member Inès Duarte (${email}) from viewer to lead`);

    await page.goto(base);
    const recent = page.getByRole("list", { name: "Recent activity, newest first" });
    await expect(recent).toContainText(`changed the role of member Inès Duarte (${email}) from viewer to lead`);
    await expect(recent).toContainText("set facility Service mesh to ready");
  });

  test("an import reads as one line that opens onto its changes", async ({ page, emptyProgramme, signedInAs, request }) => {
    const res = await request.post(`/api/v1/programmes/${emptyProgramme.slug}/import?format=backstage`, { headers: { ...adminHeaders, "content-type": "application/yaml" }, data: fs.readFileSync(CATALOG) });
    expect(res.status()).toBe(200);
    const backup = (await (await request.get(`/api/v1/programmes/${emptyProgramme.slug}/export`, { headers: adminHeaders })).json()) as { services: unknown[]; dependencies: unknown[] };
    const serviceCount = backup.services.length;
    const dependencyCount = backup.dependencies.length;

    await signedInAs("viewer", emptyProgramme);
    await page.goto(`/p/${emptyProgramme.slug}/audit`);
    const table = page.getByRole("table", { name: /audit events/i });
    const importRow = table.getByRole("row").filter({ hasText: "inventory.imported" });
    await expect(importRow).toHaveCount(1);
    await expect(importRow).toContainText(new RegExp(`imported ${serviceCount} services, ${dependencyCount} dependencies and \\d+ teams`));
    await importRow.getByText(/^Show the \d+ changes/).click();
    await expect(importRow.getByRole("list", { name: /changes$/ })).toContainText("added service orders-db to the inventory");
    await expect(importRow.getByRole("list", { name: /changes$/ })).toContainText("added dependency orders → orders-db");
    expect(await axeViolations(page)).toEqual([]);
  });

  test("filters by action: every rollback, then the export of the same rows; an entity that never records it drops the action", async ({ page, sharedProgramme, signedInAs }) => {
    await signedInAs("viewer", sharedProgramme);
    await page.goto(`/p/${sharedProgramme.slug}/audit`);
    const filters = page.getByRole("form", { name: "Filter the audit log" });
    await expect(filters).toHaveAttribute("data-auto-apply", "on");
    // A control named "action" once shadowed the form's own `action` property, and applying
    // the filter went to ".../[object HTMLSelectElement]?action=...", a not-found page.
    await filters.getByLabel("Action").selectOption({ label: "Slice: rolled back" });
    // The filters apply as they change, and live in the address.
    await expect(page).toHaveURL(new RegExp(`/p/${sharedProgramme.slug}/audit\\?action=slice.rolled_back$`));
    const table = page.getByRole("table", { name: /audit events/i });
    const rows = table.getByRole("row").filter({ has: page.getByRole("cell") });
    await expect(rows.first()).toContainText("slice.rolled_back");
    for (const text of await rows.allTextContents()) expect(text).toContain("slice.rolled_back");
    expect(await axeViolations(page)).toEqual([]);

    const exportHref = await filters.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(exportHref).toContain("action=slice.rolled_back");
    const lines = (await (await page.request.get(exportHref!)).text()).trim().split(/\r?\n/).slice(1);
    expect(lines.length).toBe(await rows.count());
    for (const line of lines) expect(line).toContain(",slice.rolled_back,");

    // Checklist items record no rollbacks: choosing that entity drops the action rather than matching nothing.
    await filters.getByLabel("Entity").selectOption({ label: "checklist item" });
    await expect(page).toHaveURL(/entity=checklist_item/);
    await expect(filters.getByLabel("Action")).toHaveValue("");
    await expect(filters.getByLabel("Action").locator("option", { hasText: "Slice: rolled back" })).toHaveCount(0);
    await expect(rows.first()).toContainText("checklist_item.ticked");
  });
});
