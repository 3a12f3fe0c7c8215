import { describe, expect, it } from "vitest";
import { createProgramme, createSlice, createTeam } from "@/lib/seed/factories";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { DOMAIN_CACHE_MS, DOMAIN_STALE_MS, domainRows, forgetDomainRows, type DomainRow } from "./domain-gauges";

// The domain gauges' rows as Prometheus meets them: a scrape every 15 to 60 s must not wait for
// the grouped statement each time (it did, 60 to 110 ms on the large programme), so rows past
// DOMAIN_CACHE_MS answer at once while newer ones are read, up to DOMAIN_STALE_MS.
let t: TestDatabase;
withAppDatabase((opened) => (t = opened));

const slicesOf = (rows: DomainRow[], programmeId: string) => rows.filter((r) => r.metric === "slices" && r.programmeId === programmeId).reduce((n, r) => n + r.value, 0);

describe("domainRows", () => {
  it("answers older rows at once while it reads newer ones, and waits only when they are too old", async () => {
    forgetDomainRows();
    const programme = await createProgramme(t.db, { slug: uniqueSlug("gauges") });
    const team = await createTeam(t.db, { programmeId: programme.id, name: "alpha" });
    const slice = (name: string) => createSlice(t.db, { programmeId: programme.id, teamId: team.id, name });
    await slice("one");
    const t0 = Date.now();
    expect(slicesOf(await domainRows(t.db, t0), programme.id)).toBe(1);

    await slice("two");
    // Fresh: the kept rows, no read.
    expect(slicesOf(await domainRows(t.db, t0 + 1_000), programme.id)).toBe(1);
    // Past the cache: still the kept rows, answered at once, while a read runs behind them...
    const stale = t0 + DOMAIN_CACHE_MS + 1_000;
    expect(slicesOf(await domainRows(t.db, stale), programme.id)).toBe(1);
    // ...whose rows answer the scrapes after it.
    await expect.poll(async () => slicesOf(await domainRows(t.db, stale + 1), programme.id)).toBe(2);

    await slice("three");
    // Too old to answer: this scrape waits for its own read.
    expect(slicesOf(await domainRows(t.db, stale + DOMAIN_STALE_MS + 1), programme.id)).toBe(3);
  });
});
