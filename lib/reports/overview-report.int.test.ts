import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { eventRow, insertEvents } from "@/lib/events/record";
import { seedDemoProgramme } from "@/lib/seed";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { latestEventId } from "@/lib/events/latest";
import { getOverviewReport, OVERVIEW_REPORT_MAX_AGE_MS } from "./queries";

// The overview's report under a stream of changes: kept a few seconds behind, never longer.
let t: TestDatabase;
const admin: Actor = { userId: null, name: "admin token", isAdmin: true };
withAppDatabase((opened) => (t = opened));

describe("getOverviewReport", () => {
  it("keeps the last report for a few seconds while events land, says which version it shows, then rebuilds", async () => {
    const slug = uniqueSlug("overview-report");
    const { programmeId } = await seedDemoProgramme(t.db, { slug });
    let now = Date.now();
    const clock = () => now;
    const first = await getOverviewReport(programmeId, clock);
    expect(first.version).toBe(await latestEventId(programmeId));
    expect(first.latest).toBe(first.version);

    const slice = await t.db.slice.findFirstOrThrow({ where: { programmeId }, select: { id: true, name: true } });
    await insertEvents(t.db, [eventRow(admin, { programmeId, entityType: "slice", entityId: slice.id, action: "slice.renamed", before: { name: slice.name }, after: { name: `${slice.name} (renamed)` } })]);
    const latest = await latestEventId(programmeId);
    expect(latest).toBeGreaterThan(first.version);

    now += OVERVIEW_REPORT_MAX_AGE_MS - 1_000;
    const kept = await getOverviewReport(programmeId, clock);
    expect(kept.report).toBe(first.report);
    expect({ version: kept.version, latest: kept.latest }).toEqual({ version: first.version, latest });

    now += 2_000;
    const rebuilt = await getOverviewReport(programmeId, clock);
    expect(rebuilt.report).not.toBe(first.report);
    expect({ version: rebuilt.version, latest: rebuilt.latest }).toEqual({ version: latest, latest });
    // Current again: kept while nothing lands, however long.
    now += 10 * OVERVIEW_REPORT_MAX_AGE_MS;
    expect((await getOverviewReport(programmeId, clock)).report).toBe(rebuilt.report);
  });
});
