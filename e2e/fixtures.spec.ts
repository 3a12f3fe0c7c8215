import { test, expect, adminHeaders, axeViolations, DEMO } from "./fixtures";
import { databaseNow } from "./support/database";
import { createTestUser } from "./support/people";
import { removeProgramme, rowsNaming, seedTestProgramme } from "./support/programmes";

test("a test gets a programme of its own, served by the app, and a user with a role there signed in without the form", async ({ page, programme, signedInAs }) => {
  const manager = await signedInAs("manager", programme);
  await page.goto(`/p/${programme.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/kubernetes/i);
  await expect(page.getByText("manager of this programme")).toBeVisible();
  await page.goto(`/p/${programme.slug}/settings/people`);
  await expect(page.getByRole("row", { name: new RegExp(manager.name) })).toContainText("manager");
});

test("a lead of a test's own leads the demo lead's teams, and reaches no other programme", async ({ page, programme, signedInAs }) => {
  await signedInAs("lead", programme);
  await page.goto(`/p/${programme.slug}/slices`);
  await expect(page.getByText(/^Your teams' slices/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Search", exact: true })).toBeVisible();
  expect((await page.goto(`/p/${DEMO.slug}`))?.status()).toBe(404);
});

test("removing a programme leaves no row that names it, takes the people who came with it, and keeps events append-only", async ({ db, request, passwordHash }) => {
  const since = await databaseNow(db);
  const programme = await seedTestProgramme(db, "removal");
  const lead = await createTestUser(db, passwordHash, { role: "lead", programmeId: programme.id });
  // Made through the API, as a spec's requests would: a member, a service account and its token.
  const member = `member-${programme.slug}@ferry.test`;
  const bot = `bot-${programme.slug}@ferry.test`;
  expect((await request.post(`/api/v1/users?programme=${programme.slug}`, { headers: adminHeaders, data: { email: member, name: "Member", role: "viewer" } })).status()).toBe(201);
  await db.user.create({ data: { email: bot, name: "Bot", isServiceAccount: true, homeProgrammeId: programme.id, memberships: { create: { programmeId: programme.id, role: "lead" } } } });
  expect((await request.post("/api/v1/tokens", { headers: adminHeaders, data: { email: bot, name: "pipeline" } })).status()).toBe(201);
  const tick = await db.checklistItem.findFirstOrThrow({ where: { programmeId: programme.id, state: "open" }, select: { id: true, sliceId: true } });
  const ticked = await request.patch(`/api/v1/programmes/${programme.slug}/slices/${tick.sliceId}/checklist/${tick.id}`, { headers: adminHeaders, data: { state: "done" } });
  expect(ticked.status()).toBe(200);
  expect(Object.keys(await rowsNaming(db, programme.id))).toEqual(expect.arrayContaining(["Event.programmeId", "Slice.programmeId", "Membership.programmeId", "User.homeProgrammeId"]));

  await removeProgramme(db, programme.slug, since);

  expect(await rowsNaming(db, programme.id)).toEqual({});
  expect(await db.user.count({ where: { email: { in: [lead.email, member, bot] } } })).toBe(0);
  // The demo's people, who hold roles in the demo too, stay.
  expect(await db.user.count({ where: { email: "demo-lead@ferry.local" } })).toBe(1);
  expect((await request.get(`/api/v1/programmes/${programme.slug}/services`, { headers: adminHeaders })).status()).toBe(404);
  // The trigger is on again for everyone: a delete is refused (and rolled back if it were not).
  const demo = await db.programme.findUniqueOrThrow({ where: { slug: DEMO.slug }, select: { id: true } });
  const attempt = db.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM "Event" WHERE "programmeId" = ${demo.id}`;
    throw new Error("the delete went through");
  });
  await expect(attempt).rejects.toThrow(/append-only/);
});

// Every page check relies on axeViolations: it must find what it is there to find. A static
// page, not one of the app's: planted into a served page, the nodes could be swept away when
// React hydrates it, and the check would find nothing for that reason.
test("the accessibility check finds violations on a page that has them, and none on a clean one", async ({ page }) => {
  await page.setContent('<!doctype html><html lang="en"><head><title>Canary</title></head><body><main><h1>Canary</h1><button type="button"></button><p style="color:#bbb;background:#fff">faint</p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></body></html>');
  const found = (await axeViolations(page)).map((v) => v.split(":")[0]);
  expect(found).toEqual(expect.arrayContaining(["button-name", "color-contrast", "image-alt"]));
  await page.goto("/sign-in");
  expect(await axeViolations(page)).toEqual([]);
});
