import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { createProgramme } from "@/lib/seed/factories";

// GET /events answers at most `limit` events (1,000 by default), and a page once ended there
// with nothing to say so: a script following API.md's "the audit events, oldest first" lost
// the rest without knowing. A full page now carries a Link to the next, whose cursor is the
// last event's (at, id): a late-recorded event (an earlier `at` than ids before it) is neither
// skipped nor sent twice.
const ADMIN = "events-api-admin-token-0123456789";
let t: TestDatabase;
let route: typeof import("@/app/api/v1/programmes/[slug]/events/route");

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  process.env.FERRY_ADMIN_TOKEN = ADMIN;
  route = await import("@/app/api/v1/programmes/[slug]/events/route");
});

const get = (slug: string, path: string) =>
  route.GET(new NextRequest(`http://localhost${path}`, { headers: { authorization: `Bearer ${ADMIN}` } }), { params: Promise.resolve({ slug }) });

describe("GET /events, page by page", () => {
  it("links a full page to the next and returns every event once, oldest first, late-recorded ones included", async () => {
    const slug = uniqueSlug("events-pages");
    const p = await createProgramme(t.db, { slug });
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1 + n, 9));
    // Ids in recording order; the fifth is recorded last but happened on day 1.
    const at = [0, 2, 3, 4, 5, 6, 1].map(day);
    for (const [i, when] of at.entries()) await t.db.event.create({ data: { programmeId: p.id, actorName: "a", entityType: "slice", entityId: `s${i}`, action: "slice.updated", at: when } });
    // Two recorded within one millisecond, as PostgreSQL keeps them (microseconds): a cursor
    // carrying a JavaScript instant would cut them to the same millisecond.
    for (const [name, when] of [["m2", "2026-11-04 12:00:00.123789+00"], ["m1", "2026-11-04 12:00:00.123456+00"]]) {
      await t.db.$executeRaw`INSERT INTO "Event" ("programmeId", "actorName", "entityType", "entityId", action, at) VALUES (${p.id}, 'a', 'slice', ${name}, 'slice.updated', ${when}::timestamptz)`;
    }

    const seen: string[] = [];
    let path: string | null = `/api/v1/programmes/${slug}/events?since=2026-10-01T00:00:00Z&limit=3`;
    const links: string[] = [];
    while (path) {
      const res = await get(slug, path);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { entityId: string; at: string }[];
      seen.push(...page.map((e) => e.entityId));
      const link = res.headers.get("link");
      if (link) links.push(link);
      path = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
      expect(link === null, "only a full page links on").toBe(page.length < 3);
    }
    // Every event once, in the order they happened (s6 happened on day 1).
    expect(seen.filter((e) => /^[sm]\d$/.test(e))).toEqual(["s0", "s6", "s1", "s2", "m1", "m2", "s3", "s4", "s5"]);
    expect(links[0]).toContain("since=2026-10-01T00%3A00%3A00Z");
    expect(links[0]).toContain("limit=3");
  });

  it("refuses a cursor it did not make", async () => {
    const slug = uniqueSlug("events-pages");
    await createProgramme(t.db, { slug });
    const res = await get(slug, `/api/v1/programmes/${slug}/events?after=yesterday`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "INVALID" } });
  });
});
