import type { Browser, Page } from "@playwright/test";
import { test, expect, axeViolations } from "./fixtures";
import { WIDTHS, pageOverflow } from "./support/widths";

// Issue 14, point 4: people can actually get in. A manager adds a person with no SSO and gets a
// one-time invitation link (shown once, copyable); the person sets a password with it, is signed
// in, and signs in with it again later; a used or withdrawn link refuses; a reset works the same
// way and retires the old password; removing a member asks first.
const NEW_PASSWORD = "invited-password-123";

async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

async function useLink(page: Page, url: string, password: string) {
  await page.goto(url);
  const form = page.getByRole("form", { name: "Choose your password" });
  await form.getByLabel("New password").fill(password);
  await form.getByLabel("The same password again").fill(password);
  await form.getByRole("button", { name: /sign in$/ }).click();
}

test.describe("invitations and password resets", () => {
  test("an invitation is shown once, copied, accepted, and its password signs the person in", async ({ page, browser, db, programme, signedInAs }, testInfo) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await signedInAs("manager", programme);
    await page.goto(`/p/${programme.slug}/settings/people`);
    const email = `invitee-${programme.slug}@ferry.test`;
    const add = page.getByRole("form", { name: "Add a member" });
    await add.getByLabel("Email").fill(email);
    await add.getByLabel("Name").fill("Ines Invitee");
    await add.getByLabel("Role").selectOption("lead");
    await add.getByRole("button", { name: "Add member" }).click();
    const field = add.getByRole("textbox", { name: "Invitation" });
    await expect(field).toHaveValue(/\/invite\?token=[\w-]{43}$/);
    const url = await field.inputValue();
    await add.getByRole("button", { name: "Copy link" }).click();
    await expect(add.getByText("Copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    for (const size of WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(page), `people page at ${size.name}`).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`people-invitation-${size.width}.png`), fullPage: true });
    }

    // Shown once: after a reload the link is gone, and the waiting list names it.
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Invitation" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Sign-in links waiting to be used/ })).toContainText("Invitation for Ines Invitee");

    // The person, in a browser of their own: a mistyped second password keeps them on the form.
    const invitee = await freshPage(browser);
    await invitee.goto(url);
    await expect(invitee.getByRole("heading", { name: "Welcome to Ferry" })).toBeVisible();
    await expect(invitee.getByText(email)).toBeVisible();
    for (const size of WIDTHS) {
      await invitee.setViewportSize({ width: size.width, height: size.height });
      expect(await pageOverflow(invitee)).toBe(0);
      expect(await axeViolations(invitee)).toEqual([]);
      await invitee.screenshot({ path: testInfo.outputPath(`invite-${size.width}.png`), fullPage: true });
    }
    const form = invitee.getByRole("form", { name: "Choose your password" });
    await form.getByLabel("New password").fill(NEW_PASSWORD);
    await form.getByLabel("The same password again").fill("something-else-1");
    await form.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(form.getByLabel("The same password again")).toBeFocused();
    await expect(form.getByText("the two passwords differ")).toBeVisible();

    await useLink(invitee, url, NEW_PASSWORD);
    // Invited as a lead: their start page is My work.
    await expect(invitee).toHaveURL(new RegExp(`/p/${programme.slug}/my-work$`));
    await expect(invitee.getByText("Signed in as")).toContainText("Ines Invitee");

    // Later: signed out, the password signs them in through the ordinary form.
    await invitee.getByRole("button", { name: "Sign out" }).click();
    await expect(invitee).toHaveURL(/\/sign-in/);
    const signIn = invitee.getByRole("form", { name: "Sign in with email and password" });
    await signIn.getByLabel("Email").fill(email);
    await signIn.getByLabel("Password").fill(NEW_PASSWORD);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(invitee.getByText("Signed in as")).toContainText("Ines Invitee");

    // The link is spent.
    await invitee.goto(url);
    await expect(invitee.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    await expect(invitee.getByText(/already been used/)).toBeVisible();
    expect(await axeViolations(invitee)).toEqual([]);
    await invitee.context().close();

    // The audit log has both ends, the acceptance credited to the person.
    const events = await db.event.findMany({ where: { programmeId: programme.id, entityType: "invitation" }, orderBy: { id: "asc" }, select: { action: true, actorName: true } });
    expect(events).toEqual([
      { action: "invitation.created", actorName: expect.stringMatching(/^E2E Manager/) },
      { action: "invitation.accepted", actorName: "Ines Invitee" },
    ]);
  });

  test("a reset link retires the old password; a withdrawn link refuses; removing a member asks first", async ({ page, browser, programme, signedInAs }) => {
    await signedInAs("manager", programme);
    const colleague = await signedInAs("viewer", programme, { page: await freshPage(browser) });
    await page.goto(`/p/${programme.slug}/settings/people`);

    // A reset, withdrawn after asking: the link then refuses.
    const issue = page.getByRole("form", { name: `Sign-in link for ${colleague.name}` });
    await issue.getByRole("button", { name: `Reset password for ${colleague.name}` }).click();
    const first = await issue.getByRole("textbox", { name: "Password reset link" }).inputValue();
    await page.reload();
    await page.getByRole("button", { name: `Withdraw the sign-in link for ${colleague.name}` }).click();
    const dialog = page.getByRole("alertdialog", { name: `Withdraw ${colleague.name}'s sign-in link?` });
    await expect(dialog).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Withdraw the link" }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole("region", { name: /Sign-in links waiting/ })).toHaveCount(0);
    const stranger = await freshPage(browser);
    await stranger.goto(first);
    await expect(stranger.getByText(/This link was withdrawn/)).toBeVisible();

    // A new reset, used: the new password works, the old one no longer does.
    await page.getByRole("form", { name: `Sign-in link for ${colleague.name}` }).getByRole("button", { name: `Reset password for ${colleague.name}` }).click();
    const second = await page.getByRole("textbox", { name: "Password reset link" }).inputValue();
    await useLink(stranger, second, NEW_PASSWORD);
    await expect(stranger.getByText("Signed in as")).toContainText(colleague.name);
    const old = await stranger.request.post("/api/auth/sign-in/email", { data: { email: colleague.email, password: "e2e-fixture-password" }, headers: { Origin: new URL(page.url()).origin } });
    expect(old.status()).toBe(401);
    await stranger.context().close();

    // Removing asks first; Cancel keeps the member.
    await page.reload();
    await page.getByRole("button", { name: `Remove ${colleague.name} from the programme` }).click();
    const remove = page.getByRole("alertdialog", { name: `Remove ${colleague.name} from this programme?` });
    await remove.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toBeVisible();
    await page.getByRole("button", { name: `Remove ${colleague.name} from the programme` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);
  });
});
