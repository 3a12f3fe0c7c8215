import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedDemoProgramme } from "@/lib/seed";
import { createProgramme } from "@/lib/seed/factories";

// A follow-up item (ADR 0035) is one a template sync added after the slice had passed its gate.
// The backup used to drop the flag: restored, the item came back as an ordinary open item
// holding a gate the slice had long passed. Export → restore → REST, on a real database.
let t: TestDatabase;
let importRoute: typeof import("@/app/api/v1/programmes/[slug]/import/route");
let exportRoute: typeof import("@/app/api/v1/programmes/[slug]/export/route");
let sliceRoute: typeof import("@/app/api/v1/programmes/[slug]/slices/[id]/route");
const ADMIN = "follow-up-admin-token-0123456";

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  importRoute = await import("@/app/api/v1/programmes/[slug]/import/route");
  exportRoute = await import("@/app/api/v1/programmes/[slug]/export/route");
  sliceRoute = await import("@/app/api/v1/programmes/[slug]/slices/[id]/route");
});

const auth = { authorization: `Bearer ${ADMIN}` };
const url = (slug: string, path: string) => `http://localhost/api/v1/programmes/${slug}/${path}`;
const exportText = async (slug: string) => {
  const res = await exportRoute.GET(new NextRequest(url(slug, "export"), { headers: auth }), { params: Promise.resolve({ slug }) });
  expect(res.status).toBe(200);
  return res.text();
};
const importText = async (slug: string, body: string) => {
  const init = { method: "POST", headers: auth, body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1];
  const res = await importRoute.POST(new NextRequest(url(slug, "import?format=ferry"), init), { params: Promise.resolve({ slug }) });
  expect(res.status, await res.clone().text()).toBe(200);
};
type ItemJson = { key: string; followUp?: boolean };
type SliceJson = { name: string; checklist: ItemJson[] };

describe("follow-up items in the backup and the REST view", () => {
  it("survive export → restore into an empty programme, and the slice's REST view says which they are", async () => {
    const source = uniqueSlug("follow-up");
    await seedDemoProgramme(t.db, { slug: source });
    const sourceId = (await t.db.programme.findUniqueOrThrow({ where: { slug: source }, select: { id: true } })).id;
    // A done slice with an open follow-up: what a template sync's "add as follow-ups" leaves.
    const slice = await t.db.slice.findFirstOrThrow({ where: { programmeId: sourceId, status: "done" }, select: { name: true } });
    const item = await t.db.checklistItem.findFirstOrThrow({ where: { slice: { programmeId: sourceId, name: slice.name }, gateStage: { not: null } }, orderBy: { key: "asc" }, select: { id: true, key: true } });
    await t.db.checklistItem.update({ where: { id: item.id }, data: { followUp: true, state: "open", doneById: null, doneAt: null, evidenceUrl: null, reason: null } });

    const text = await exportText(source);
    const doc = JSON.parse(text) as { slices: SliceJson[] };
    const flagged = doc.slices.flatMap((s) => s.checklist.filter((i) => "followUp" in i).map((i) => [s.name, i.key, i.followUp]));
    // Only the follow-up carries the field: every other item prints as it did before (canonical bytes).
    expect(flagged).toEqual([[slice.name, item.key, true]]);

    const target = uniqueSlug("restored");
    await createProgramme(t.db, { slug: target });
    await importText(target, text);
    const targetId = (await t.db.programme.findUniqueOrThrow({ where: { slug: target }, select: { id: true } })).id;
    const restored = await t.db.checklistItem.findMany({ where: { programmeId: targetId, followUp: true }, select: { id: true, key: true, state: true, sliceId: true, slice: { select: { name: true, status: true } } } });
    expect(restored.map((i) => [i.slice.name, i.key, i.state])).toEqual([[slice.name, item.key, "open"]]);
    // The follow-up holds no gate, so the restored slice is still done.
    expect(restored[0].slice.status).toBe("done");
    expect(await exportText(target)).toBe(text.replace(`"slug": "${source}"`, `"slug": "${target}"`));

    const res = await sliceRoute.GET(new NextRequest(url(target, `slices/${restored[0].sliceId}`), { headers: auth }), { params: Promise.resolve({ slug: target, id: restored[0].sliceId }) });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { checklist: { id: string; followUp: boolean }[] };
    expect(view.checklist.filter((i) => i.followUp).map((i) => i.id)).toEqual([restored[0].id]);
    expect(view.checklist.every((i) => typeof i.followUp === "boolean")).toBe(true);
  });

  it("a backup written before follow-ups existed restores every item as an ordinary one", async () => {
    const source = uniqueSlug("follow-up-old");
    await seedDemoProgramme(t.db, { slug: source });
    const text = await exportText(source);
    expect(text).not.toContain('"followUp"');
    const target = uniqueSlug("restored-old");
    await createProgramme(t.db, { slug: target });
    await importText(target, text);
    expect(await t.db.checklistItem.count({ where: { programme: { slug: target }, followUp: true } })).toBe(0);
    expect(await t.db.checklistItem.count({ where: { programme: { slug: target } } })).toBeGreaterThan(0);
  });
});
