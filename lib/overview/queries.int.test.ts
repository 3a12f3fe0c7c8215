import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { eventRow, insertEvents } from "@/lib/events/record";
import { seedDemoProgramme } from "@/lib/seed";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { getOverview } from "./queries";

// The overview's figures are kept under the programme's latest event id: reused while no event
// lands, rebuilt as soon as one does.
let t: TestDatabase;
withAppDatabase((opened) => (t = opened));
const admin: Actor = { userId: null, name: "admin token", isAdmin: true };

describe("getOverview", () => {
  it("is kept until the next event, then rebuilt from the rows", async () => {
    const slug = uniqueSlug("overview");
    await seedDemoProgramme(t.db, { slug });
    const { id } = await t.db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const first = await getOverview(id);
    const slice = await t.db.slice.findFirstOrThrow({ where: { programmeId: id, status: { notIn: ["live", "done"] } }, select: { id: true, stage: true, status: true } });

    // A row changed without an event (only a test does that) does not show: the kept figures are served.
    await t.db.slice.update({ where: { id: slice.id }, data: { status: "live", stage: "pct100" } });
    expect(await getOverview(id)).toBe(first);

    // The event every real change appends makes the next read fresh.
    await insertEvents(t.db, [
      eventRow(admin, { programmeId: id, entityType: "slice", entityId: slice.id, action: "slice.status_changed", before: { stage: "0", status: "planned" }, after: { stage: "100", status: "live", reason: "test" } }),
    ]);
    const after = await getOverview(id);
    expect(after).not.toBe(first);
    expect(after.slices.finished).toBe(first.slices.finished + 1);
    expect(after.recent[0].action).toBe("slice.status_changed");
  });
});
