import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedDemoProgramme } from "@/lib/seed";
import { createProgramme } from "@/lib/seed/factories";

// A version 2 backup's people and history restored through the import route, on a real database.
let t: TestDatabase;
let importRoute: typeof import("@/app/api/v1/programmes/[slug]/import/route");
let exportRoute: typeof import("@/app/api/v1/programmes/[slug]/export/route");
const ADMIN = "restore-admin-token-0123456";

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  importRoute = await import("@/app/api/v1/programmes/[slug]/import/route");
  exportRoute = await import("@/app/api/v1/programmes/[slug]/export/route");
});

const ctx = (slug: string) => ({ params: Promise.resolve({ slug }) });
const url = (slug: string, path: string) => `http://localhost/api/v1/programmes/${slug}/${path}`;
const importText = async (slug: string, body: string) => {
  const res = await importRoute.POST(new NextRequest(url(slug, "import?format=ferry"), { method: "POST", headers: { authorization: `Bearer ${ADMIN}` }, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), ctx(slug));
  const report = await res.json();
  expect(res.status, JSON.stringify(report)).toBe(200);
  return report;
};
const exportText = async (slug: string) => {
  const res = await exportRoute.GET(new NextRequest(url(slug, "export"), { headers: { authorization: `Bearer ${ADMIN}` } }), ctx(slug));
  expect(res.status).toBe(200);
  return res.text();
};
const programmeId = async (slug: string) => (await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

/** The backup with every person's email replaced by one no account here has: what restoring into another deployment sees. */
function strangers(text: string): { text: string; emails: string[] } {
  const doc = JSON.parse(text);
  const tag = uniqueSlug("x");
  const emails: string[] = doc.people.map((p: { email: string }) => p.email);
  let out = text;
  for (const e of emails) out = out.split(JSON.stringify(e)).join(JSON.stringify(`${tag}.${e}`));
  return { text: out, emails: emails.map((e) => `${tag}.${e}`) };
}

describe("restoring a programme's history", () => {
  it("creates missing people without a sign-in, keeps who ticked and who acted, and exports the same bytes", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const original = await exportText(source);
    const { text, emails } = strangers(original);
    const doc = JSON.parse(text);
    expect(doc.history.length).toBeGreaterThan(50);

    const target = uniqueSlug("restored");
    await createProgramme(t.db, { slug: target });
    const report = await importText(target, text);
    expect(report.warnings).toEqual([expect.objectContaining({ message: expect.stringMatching(/restored only into an empty programme/) })]);

    const people = await t.db.user.findMany({ where: { email: { in: emails } }, select: { email: true, isAdmin: true, accounts: { select: { id: true } }, sessions: { select: { id: true } } } });
    expect(people.map((p) => p.email).sort()).toEqual([...emails].sort());
    expect(people.every((p) => !p.isAdmin && p.accounts.length === 0 && p.sessions.length === 0)).toBe(true);

    const id = await programmeId(target);
    const ticked = await t.db.checklistItem.count({ where: { programmeId: id, doneBy: { email: { in: emails } } } });
    expect(ticked).toBe(doc.slices.flatMap((s: { checklist: { doneBy?: string }[] }) => s.checklist).filter((i: { doneBy?: string }) => i.doneBy).length);
    const acted = await t.db.event.count({ where: { programmeId: id, actorId: { in: (await t.db.user.findMany({ where: { email: { in: emails } } })).map((u) => u.id) } } });
    expect(acted).toBe(doc.history.filter((e: { actor?: string }) => e.actor).length);
    const restore = await t.db.event.findFirstOrThrow({ where: { programmeId: id, action: "programme.restored" } });
    expect(restore.after).toMatchObject({ restoredEvents: doc.history.length, peopleCreated: expect.arrayContaining(emails) });

    // Every byte but the slug, the restore's own events left out of the history.
    expect(await exportText(target)).toBe(text.replace(`"slug": "${source}"`, `"slug": "${target}"`));
  });

  it("restores history only into an empty programme, and a second import of the same file changes nothing", async () => {
    const source = uniqueSlug("demo");
    await seedDemoProgramme(t.db, { slug: source });
    const original = await exportText(source);
    const target = uniqueSlug("restored");
    await createProgramme(t.db, { slug: target });
    await importText(target, original);
    const id = await programmeId(target);
    const events = await t.db.event.count({ where: { programmeId: id } });

    const again = await importText(target, original);
    expect(again).toMatchObject({ created: 0, updated: 0, applied: true });
    // Only the import itself is new; no history twice, and the export shows that one import.
    expect(await t.db.event.count({ where: { programmeId: id } })).toBe(events + 1);
    const history = JSON.parse(await exportText(target)).history;
    expect(history.slice(0, -1)).toEqual(JSON.parse(original).history);
    expect(history.at(-1)).toMatchObject({ action: "inventory.imported" });

    // A programme with services of its own takes the state but none of the history.
    const busy = uniqueSlug("busy");
    await createProgramme(t.db, { slug: busy });
    const busyId = await programmeId(busy);
    const team = await t.db.team.create({ data: { programmeId: busyId, name: "already-here" } });
    await t.db.service.create({ data: { programmeId: busyId, name: "own-service", teamId: team.id } });
    await importText(busy, original);
    expect(await t.db.event.count({ where: { programmeId: busyId, action: "programme.restored" } })).toBe(0);
    expect(await t.db.event.count({ where: { programmeId: busyId, action: "checklist_item.ticked" } })).toBe(0);
    expect(await t.db.slice.count({ where: { programmeId: busyId } })).toBe(JSON.parse(original).slices.length);
  });
});
