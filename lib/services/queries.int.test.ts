import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createDependency, createProgramme, createService } from "@/lib/seed/factories";
import { serviceFiltersSchema } from "./schemas";

// The list counts dependencies per page row in its own query (not Prisma's `_count`, which
// aggregated every dependency of the database); these guard the counts and the paging.
let t: TestDatabase;
let q: typeof import("./queries");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  q = await import("./queries");
});

async function setup() {
  const programme = await createProgramme(t.db, { slug: uniqueSlug("list") });
  const svc = (name: string, tier: number) => createService(t.db, { programmeId: programme.id, name, tier });
  const [a, b, c, d] = [await svc("a", 1), await svc("b", 1), await svc("c", 2), await svc("d", 1)];
  const dep = (from: { id: string }, to: { id: string }) => createDependency(t.db, { programmeId: programme.id, fromId: from.id, toId: to.id });
  await dep(a, b);
  await dep(a, c);
  await dep(b, c);
  await dep(d, a);
  return programme;
}
const filters = (query: string) => serviceFiltersSchema.parse(Object.fromEntries(new URLSearchParams(query)));
const counts = (rows: { name: string; dependsOn: number; usedBy: number }[]) => rows.map((r) => [r.name, r.dependsOn, r.usedBy]);

describe("listServices", () => {
  it("counts each row's dependencies both ways, whatever the filter", async () => {
    const programme = await setup();
    const all = await q.listServices(programme.id, filters(""));
    expect(all.total).toBe(4);
    expect(counts(all.rows)).toEqual([["a", 2, 1], ["b", 1, 1], ["c", 0, 2], ["d", 1, 0]]);
    const tier1 = await q.listServices(programme.id, filters("tier=1&sort=name&dir=desc"));
    expect(counts(tier1.rows)).toEqual([["d", 1, 0], ["b", 1, 1], ["a", 2, 1]]);
  });

  it("serves a page past the end as the last page", async () => {
    const programme = await setup();
    const list = await q.listServices(programme.id, filters("tier=1&size=25&page=9"));
    expect({ page: list.page, pageCount: list.pageCount, names: list.rows.map((r) => r.name) }).toEqual({ page: 1, pageCount: 1, names: ["a", "b", "d"] });
    const none = await q.listServices(programme.id, filters("tier=4&page=3"));
    expect({ total: none.total, page: none.page, rows: none.rows }).toEqual({ total: 0, page: 1, rows: [] });
  });
});
