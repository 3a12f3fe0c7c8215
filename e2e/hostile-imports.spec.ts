import { test, expect, adminHeaders } from "./fixtures";
import { readCsv, restoreCell } from "../lib/inventory/csv-format";
import { billionLaughs, csvOfEntities, csvOfExactly, csvStreamChunk, FORMULAS, formulaCsv, LIMIT, MARKUP, markupCsv, quadraticAliases, yamlOfEntities } from "./support/hostile-bodies";
import { injectedMarkup } from "./support/hostile-dom";
import { upload, uploadText, watchHealth, type Upload } from "./support/hostile-http";

// Each hostile upload must be answered within its budget, with the API's envelope and a
// message that says what was wrong, while /api/health keeps answering: 95% of polls within
// HEALTH_MS and none slower than HEALTH_MAX_MS. An import that refuses correctly but holds the
// web process for seconds still denies service, and shows as many slow polls; one poll caught
// behind a garbage collection or a busy neighbour on a 2-core machine does not.
// Each test uploads into an empty programme of its own (the `emptyProgramme` fixture).
const HEALTH_MS = Number(process.env.HOSTILE_HEALTH_MS ?? 200);
const HEALTH_MAX_MS = Number(process.env.HOSTILE_HEALTH_MAX_MS ?? 1000);

const importUrl = (base: string, slug: string, query: string) => `${base}/api/v1/programmes/${slug}/import?${query}`;

/** Runs `send` while polling health; asserts the budget and health, returns the answer. */
async function underWatch(base: string, budgetMs: number, send: () => Promise<Upload>): Promise<Upload & { error: { code: string; message: string; details?: unknown } | null }> {
  const health = watchHealth(base);
  const sent = await send().then(
    (answer) => ({ answer }),
    (error: Error) => ({ error }),
  );
  const watched = await health.stop();
  if ("error" in sent) throw sent.error;
  const answer = sent.answer;
  console.log(`[hostile] ${answer.status} in ${Math.round(answer.ms)} ms after ${answer.sentBytes} bytes; health p95 ${Math.round(watched.p95Ms)} ms, max ${Math.round(watched.maxMs)} ms over ${watched.polls} polls`);
  expect(answer.ms, "answered within its time budget").toBeLessThan(budgetMs);
  expect(watched.failures, "health answered 200 throughout").toEqual([]);
  expect(watched.polls, "health was polled during the upload").toBeGreaterThan(0);
  expect(watched.p95Ms, `/api/health answered 95% of polls within ${HEALTH_MS} ms`).toBeLessThan(HEALTH_MS);
  expect(watched.maxMs, `/api/health never took ${HEALTH_MAX_MS} ms or more`).toBeLessThan(HEALTH_MAX_MS);
  let error = null;
  if (answer.status >= 400) {
    error = (JSON.parse(answer.body) as { error: { code: string; message: string; details?: unknown } }).error;
    expect(error.message.length).toBeGreaterThan(10);
  }
  return { ...answer, error };
}

const services = async (request: import("@playwright/test").APIRequestContext, slug: string) =>
  (await (await request.get(`/api/v1/programmes/${slug}/services`, { headers: adminHeaders })).json()) as { name: string }[];

test.describe("hostile imports", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a billion-laughs YAML is refused by its alias count, quickly, and writes nothing", async ({ request, baseURL, emptyProgramme }) => {
    const slug = emptyProgramme.slug;
    const a = await underWatch(baseURL!, 5_000, () => uploadText(importUrl(baseURL!, slug, "format=backstage"), { ...adminHeaders, "content-type": "application/yaml" }, billionLaughs()));
    expect(a.status).toBe(400);
    expect(a.error?.code).toBe("INVALID");
    expect(JSON.stringify(a.error?.details)).toMatch(/alias/i);
    expect(await services(request, slug)).toEqual([]);
  });

  test("99 aliases to a large anchor (quadratic, under the alias limit) are refused by the expansion budget", async ({ request, baseURL, emptyProgramme }) => {
    const slug = emptyProgramme.slug;
    const a = await underWatch(baseURL!, 5_000, () => uploadText(importUrl(baseURL!, slug, "format=backstage"), { ...adminHeaders, "content-type": "application/yaml" }, quadraticAliases()));
    expect(a.status).toBe(400);
    expect(a.error?.code).toBe("INVALID");
    expect(JSON.stringify(a.error?.details)).toMatch(/expand|values|alias/i);
    expect(await services(request, slug)).toEqual([]);
  });

  for (const chunked of [false, true]) {
    test(`a 50 MB body ${chunked ? "sent chunked (no length declared)" : "with its length declared"} is refused with 413 before it is read whole`, async ({ request, baseURL, emptyProgramme }) => {
      const slug = emptyProgramme.slug;
      const size = 50 * 1024 * 1024;
      const a = await underWatch(baseURL!, 15_000, () =>
        upload(importUrl(baseURL!, slug, "format=csv"), { headers: { ...adminHeaders, "content-type": "text/csv" }, size, chunkAt: csvStreamChunk, chunked }),
      );
      expect(a.status).toBe(413);
      expect(a.error?.code).toBe("PAYLOAD_TOO_LARGE");
      expect(a.error?.message).toMatch(/10 MiB/);
      // Refused on the way in: the server answered before taking the rest of the file.
      expect(a.sentBytes).toBeLessThan(size);
      expect(await services(request, slug)).toEqual([]);
    });
  }

  test("a body of exactly the limit (10 MiB) is read and imported; one byte more is 413", async ({ request, baseURL, emptyProgramme }) => {
    const slug = emptyProgramme.slug;
    const headers = { ...adminHeaders, "content-type": "text/csv" };
    const atLimit = await underWatch(baseURL!, 20_000, () => uploadText(importUrl(baseURL!, slug, "format=csv"), headers, csvOfExactly(LIMIT)));
    expect(atLimit.status, atLimit.body.slice(0, 300)).toBe(200);
    // `created` counts teams, services and dependencies: the one service and its new team.
    expect(JSON.parse(atLimit.body)).toMatchObject({ created: 2, changes: { services: { create: ["at-limit"] } } });
    expect((await services(request, slug)).map((s) => s.name)).toEqual(["at-limit"]);
    for (const chunked of [false, true]) {
      const over = await underWatch(baseURL!, 20_000, () => uploadText(importUrl(baseURL!, slug, "format=csv"), headers, csvOfExactly(LIMIT + 1), chunked));
      expect(over.status).toBe(413);
      expect(over.error?.code).toBe("PAYLOAD_TOO_LARGE");
    }
  });

  for (const [format, type, build] of [
    ["csv", "text/csv", csvOfEntities],
    ["backstage", "application/yaml", yamlOfEntities],
  ] as const) {
    test(`100,000 entities in one ${format} file are refused or previewed within the budget, without starving other requests`, async ({ request, baseURL, emptyProgramme }) => {
      const slug = emptyProgramme.slug;
      const body = build(100_000);
      const a = await underWatch(baseURL!, 30_000, () => uploadText(importUrl(baseURL!, slug, `format=${format}&dryRun=1`), { ...adminHeaders, "content-type": type }, body));
      // Either answer is acceptable; a crash, a timeout or a starved health check is not.
      if (a.status === 200) expect(JSON.parse(a.body).changes.services.create).toHaveLength(100_000);
      else expect([400, 413]).toContain(a.status);
      expect(await services(request, slug)).toEqual([]);
    });
  }
});

test.describe("imported text that is code somewhere else", () => {
  test("formula cells survive the import as data and leave the CSV export neutralised", async ({ page, request, baseURL, emptyProgramme, signedInAs }) => {
    const slug = emptyProgramme.slug;
    const imported = await uploadText(importUrl(baseURL!, slug, "format=csv"), { ...adminHeaders, "content-type": "text/csv" }, formulaCsv());
    expect(imported.status, imported.body.slice(0, 400)).toBe(200);
    // The JSON export is lossless: the text is kept exactly, as data.
    const doc = (await (await request.get(`/api/v1/programmes/${slug}/export`, { headers: adminHeaders })).json()) as { services: Record<string, unknown>[] };
    const stored = new Map(doc.services.map((s) => [s.name as string, s]));
    await signedInAs("admin");
    const res = await page.request.get(`/p/${slug}/services/export`);
    expect(res.status()).toBe(200);
    const { records } = readCsv(await res.text());
    const header = records[0].fields;
    const col = (name: string) => header.indexOf(name);
    const rows = records.slice(1).filter((r) => r.fields[col("name")].startsWith("formula-"));
    expect(rows).toHaveLength(FORMULAS.length);
    for (const row of rows) {
      const s = stored.get(row.fields[col("name")])!;
      for (const [column, field] of [["description", "description"], ["launch_command", "launchCommand"], ["config_notes", "configNotes"]] as const) {
        const cell = row.fields[col(column)];
        expect(cell, `${column} of ${s.name} is not a formula to a spreadsheet`).not.toMatch(/^[=+\-@\t\r]/);
        expect(restoreCell(cell), `${column} of ${s.name} round-trips`).toBe(s[field]);
      }
      // A spreadsheet reads a formula only at the start of a cell, so the tags cell as a whole.
      expect(row.fields[col("tags")], `tags of ${s.name}`).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  test("a javascript: repository link is refused with the row's line", async ({ baseURL, emptyProgramme }) => {
    const slug = emptyProgramme.slug;
    const csv = "name,team,repository_url\nlinky,payments,javascript:alert(1)\n";
    const a = await uploadText(importUrl(baseURL!, slug, "format=csv"), { ...adminHeaders, "content-type": "text/csv" }, csv);
    expect(a.status).toBe(400);
    expect(JSON.parse(a.body).error.details).toEqual([expect.objectContaining({ line: 2, message: expect.stringMatching(/http/) })]);
  });

  test("names with HTML and Markdown are shown as text on every page that shows them, and no script runs", async ({ page, baseURL, emptyProgramme, signedInAs }) => {
    const slug = emptyProgramme.slug;
    const imported = await uploadText(importUrl(baseURL!, slug, "format=csv"), { ...adminHeaders, "content-type": "text/csv" }, markupCsv());
    expect(imported.status, imported.body.slice(0, 400)).toBe(200);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signedInAs("admin");

    await page.goto(`/p/${slug}/services`);
    await expect(page.getByText(MARKUP.img).filter({ visible: true }).first()).toBeVisible();
    expect(await injectedMarkup(page), "services list").toEqual([]);
    await page.getByRole("link", { name: "markup-svc", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "markup-svc" })).toBeVisible();
    await expect(page.getByText(MARKUP.script, { exact: false }).filter({ visible: true }).first()).toBeVisible();
    await expect(page.getByText(MARKUP.link, { exact: false }).filter({ visible: true }).first()).toBeVisible();
    expect(await injectedMarkup(page), "service page").toEqual([]);
    for (const path of [`/p/${slug}/teams`, `/p/${slug}/audit`]) {
      await page.goto(path);
      // The audit log reads an import as one line; its changes, with the names, open from it.
      if (path.endsWith("/audit")) await page.locator("summary", { hasText: /Show the \d+ changes/ }).first().click();
      await expect(page.getByText(MARKUP.img).filter({ visible: true }).first()).toBeVisible();
      expect(await injectedMarkup(page), path).toEqual([]);
    }
    // The import preview shows a file's names before anything is written.
    await page.goto(`/p/${slug}/import`);
    await page.getByLabel("Format").selectOption("csv");
    await page.getByLabel("File").setInputFiles({ name: "markup.csv", mimeType: "text/csv", buffer: Buffer.from(markupCsv().replace("markup-svc", "markup-two")) });
    await page.getByRole("button", { name: "Preview import" }).click();
    await expect(page.getByRole("region", { name: /Preview/ })).toContainText("markup-two");
    expect(await injectedMarkup(page), "import preview").toEqual([]);
    expect(dialogs, "no alert, confirm or prompt opened").toEqual([]);
  });
});
