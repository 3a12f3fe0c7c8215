import { beforeAll, describe, expect, it } from "vitest";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { seedDemoProgramme } from "@/lib/seed";
import { admin } from "@/lib/waves/test-helpers";

// The overview's version (ADR 30): the page refreshes when it changes, so it must change on
// every recorded change and at a new week, and stay put otherwise.
let t: TestDatabase;
let getOverviewVersion: typeof import("./queries").getOverviewVersion;
let updateFacility: typeof import("@/lib/facilities/mutations/update-facility").updateFacility;

withAppDatabase((opened) => (t = opened));
beforeAll(async () => {
  ({ getOverviewVersion } = await import("./queries"));
  ({ updateFacility } = await import("@/lib/facilities/mutations/update-facility"));
});

describe("the overview's version", () => {
  it("changes with a new event and with the week, and not otherwise", async () => {
    const slug = uniqueSlug("ver");
    const { programmeId } = await seedDemoProgramme(t.db, { slug });
    const monday = Date.parse("2026-11-16T12:00:00Z");
    const before = await getOverviewVersion(programmeId, monday);
    expect(before).toMatch(/^\d+(\.\d+)*:2026-W47$/);
    expect(await getOverviewVersion(programmeId, monday + 3_600_000)).toBe(before);

    await updateFacility(admin, slug, { key: "distributed-tracing", status: "ready" });
    const after = await getOverviewVersion(programmeId, monday);
    expect(after).not.toBe(before);
    expect(after.endsWith(":2026-W47")).toBe(true);

    // Sunday 23:30 UTC is already Monday of the next week in Berlin.
    expect(await getOverviewVersion(programmeId, Date.parse("2026-11-22T23:30:00Z"))).toMatch(/:2026-W47$/);
    await t.db.programme.update({ where: { id: programmeId }, data: { timeZone: "Europe/Berlin" } });
    expect(await getOverviewVersion(programmeId, Date.parse("2026-11-22T23:30:00Z"))).toMatch(/:2026-W48$/);
  });

  it("is 0 for a programme with no events", async () => {
    const programme = await t.db.programme.create({ data: { slug: uniqueSlug("ver-empty"), name: "Empty" } });
    expect(await getOverviewVersion(programme.id, Date.parse("2027-01-01T00:00:00Z"))).toBe("0:2026-W53");
  });
});
