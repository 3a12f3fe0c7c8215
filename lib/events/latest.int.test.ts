import { describe, expect, it } from "vitest";
import { createProgramme } from "@/lib/seed/factories";
import { uniqueSlug, withAppDatabase, type TestDatabase } from "@/lib/testing/db";
import { eventRow, insertEvents } from "./record";
import { latestEventId } from "./latest";

// The history version is read before every kept report, overview and graph answer. It once
// walked the primary key back from the newest event of the whole deployment, filtering by
// programme: a quiet programme behind a busy one read every event written since its last.
let t: TestDatabase;
withAppDatabase((opened) => (t = opened));

const admin = { userId: null, name: "Test admin", isAdmin: true };
const teamEvent = (programmeId: string, n: number) => eventRow(admin, { programmeId, entityType: "team", entityId: `team-${n}`, action: "team.created", before: null, after: { name: `team-${n}`, contactChannel: null } });

describe("latestEventId", () => {
  it("is the programme's latest event id, read by one probe of its own index however many events other programmes wrote since", async () => {
    const quiet = await createProgramme(t.db, { slug: uniqueSlug("quiet") });
    const busy = await createProgramme(t.db, { slug: uniqueSlug("busy") });
    await insertEvents(t.db, [teamEvent(quiet.id, 0)]);
    const [{ id: quietLast }] = await t.db.event.findMany({ where: { programmeId: quiet.id }, orderBy: { id: "desc" }, take: 1, select: { id: true } });
    await insertEvents(t.db, Array.from({ length: 5_000 }, (_, n) => teamEvent(busy.id, n)));
    await t.db.$executeRawUnsafe(`ANALYZE "Event"`);

    expect(await latestEventId(quiet.id)).toBe(quietLast);
    const [{ "QUERY PLAN": plan }] = await t.db.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT max(id)::int AS id FROM "Event" WHERE "programmeId" = $1`, quiet.id);
    const text = JSON.stringify(plan);
    expect(text).toContain("Event_programmeId_id_idx");
    // No event of the busy programme was read and thrown away on the way.
    expect(text).not.toContain("Rows Removed by Filter");
  });
});
