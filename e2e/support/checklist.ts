// Checklist steps the slice specs share: ticking through the page as a lead does.
import { expect, type Page } from "@playwright/test";

/** Ticks, one by one, every open item that gates one of the given stages, keeping `keepOpen` open. */
export async function tickGating(page: Page, gates: string[], keepOpen = 0): Promise<void> {
  const checklist = page.getByRole("region", { name: "Definition of done" });
  // "Gates 1%" never matches "Gates 10%": the character after the 1 decides.
  const open = () => checklist.getByRole("listitem").filter({ hasText: new RegExp(`Gates (${gates.join("|")})`) }).filter({ has: page.getByRole("button", { name: /^Mark done/ }) });
  for (;;) {
    const count = await open().count();
    if (count <= keepOpen) return;
    const item = open().first();
    const title = (await item.getAttribute("aria-label"))!;
    await item.getByRole("button", { name: `Mark done: ${title}` }).click();
    await expect(checklist.getByRole("status", { name: "Checklist updates" })).toHaveText(`"${title}" is now done.`);
    const row = checklist.getByRole("listitem", { name: title, exact: true });
    await expect(row.getByRole("button", { name: `Reopen: ${title}` })).toBeVisible();
    // "saving…" lasts until the page holds the server's answer: a tick can change the slice's
    // version (the rollback rehearsal does), and a move sent before then is refused as stale.
    await expect(row).not.toContainText("saving");
  }
}
