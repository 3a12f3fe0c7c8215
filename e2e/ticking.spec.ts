import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect, axeViolations, e2eDatabaseUrl } from "./fixtures";

// Issue 6, item 3: a tick shows at once (optimistic) and, when the server refuses it, the item
// returns to its earlier state and the refusal is announced. The refusals are real: another
// change reaches the database between page load and click; nothing in the server is faked.
// Each test ticks in a programme of its own, as a lead of its own.

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Opens one of the lead's slices and answers its id. */
async function openSlice(page: Page, slug: string, name: string): Promise<string> {
  await page.goto(`/p/${slug}/slices`);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").at(-1)!;
}

const checklist = (page: Page) => page.getByRole("region", { name: "Definition of done" });
const row = (page: Page, title: string) => checklist(page).getByRole("listitem", { name: title, exact: true });

test.describe("optimistic ticks", () => {
  test("a tick shows at once and rolls back, announced, when the slice was handed to another team meanwhile", async ({ page, programme, signedInAs }) => {
    await signedInAs("lead", programme);
    const sliceId = await openSlice(page, programme.slug, "Search");
    const item = checklist(page).getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Mark done/ }) }).first();
    const title = (await item.getAttribute("aria-label"))!;
    const badge = row(page, title).getByText("Open", { exact: true });
    await expect(badge).toBeVisible();
    const stored = (client: pg.Client) =>
      client.query(`SELECT i.state::text AS state, (SELECT count(*)::int FROM "Event" e WHERE e."entityId" = i.id) AS events FROM "ChecklistItem" i WHERE i."sliceId" = $1 AND i.title = $2`, [sliceId, title]);
    const [earlier] = (await withClient(stored)).rows;
    expect(earlier.state).toBe("open");

    await withClient(async (client) => {
      // Another request hands the slice to the Storefront team and is still committing: its
      // row lock makes the tick wait (ticks lock the slice, ADR 15), so what the page shows
      // meanwhile is the optimistic state, not the server's answer.
      await client.query("BEGIN");
      try {
        await client.query(
          `UPDATE "Slice" s SET "teamId" = t.id FROM "Team" t WHERE s.id = $1 AND t."programmeId" = s."programmeId" AND t.name = 'Storefront'`,
          [sliceId],
        );
        await row(page, title).getByRole("button", { name: `Mark done: ${title}` }).click();
        await expect(row(page, title)).toContainText("Done · you (saving…)");
        await expect(row(page, title).getByRole("button", { name: `Reopen: ${title}` })).toBeVisible();
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    });

    // Now the lead no longer owns the slice: refused, rolled back, and said so.
    await expect(checklist(page).getByRole("status", { name: "Checklist updates" })).toHaveText(`"${title}" was not changed: Team leads can change only what their own teams own.`);
    await expect(row(page, title).getByRole("button", { name: `Mark done: ${title}` })).toBeVisible();
    await expect(row(page, title)).not.toContainText("saving");
    await expect(badge).toBeVisible();
    // Nothing was written: still open, and no tick event.
    expect((await withClient(stored)).rows).toEqual([earlier]);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("reopening rolls back to done when the lead was made a viewer after the page loaded", async ({ page, programme, signedInAs }) => {
    const lead = await signedInAs("lead", programme);
    await openSlice(page, programme.slug, "Promotions");
    const item = checklist(page).getByRole("listitem").filter({ has: page.getByRole("button", { name: /^Reopen/ }) }).first();
    const title = (await item.getAttribute("aria-label"))!;
    await expect(row(page, title)).toContainText(/Done|Not applicable/);
    const before = (await row(page, title).getByText(/^(Done|Not applicable) · /).textContent())!;

    // A manager downgrades the lead in this programme (the people page's change, made directly).
    const changed = await withClient((client) =>
      client.query(
        `UPDATE "Membership" m SET role = 'viewer' FROM "User" u, "Programme" p WHERE m."userId" = u.id AND m."programmeId" = p.id AND u.email = $1 AND p.slug = $2`,
        [lead.email, programme.slug],
      ),
    );
    expect(changed.rowCount).toBe(1);

    // An item with evidence or a reason on record asks before it is reopened (issue 14).
    const asks = (await row(page, title).getByRole("link", { name: /^Evidence/ }).count()) + (await row(page, title).getByText(/^Reason:/).count()) > 0;
    await row(page, title).getByRole("button", { name: `Reopen: ${title}` }).click();
    if (asks) {
      await page.getByRole("alertdialog", { name: `Reopen "${title}"?` }).getByRole("button", { name: "Reopen", exact: true }).click();
    }
    await expect(checklist(page).getByRole("status", { name: "Checklist updates" })).toHaveText(`"${title}" was not changed: Viewers can read but not change anything.`);
    await expect(row(page, title).getByRole("button", { name: `Reopen: ${title}` })).toBeVisible();
    await expect(row(page, title).getByText(/^(Done|Not applicable) · /)).toHaveText(before);
  });
});
