import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "@/lib/auth/actor";
import { eventRow, insertEvents, recordEvent } from "@/lib/events/record";
import { openTestDatabase, uniqueSlug, type TestDatabase } from "@/lib/testing/db";
import { CHANNEL, parseNotification, type Notification } from "./messages";

// What record.ts announces, read by a LISTEN connection of the test's own. A real server
// only: the embedded database sends a notification to the connection that committed.
describe.runIf(Boolean(process.env.DATABASE_URL))("events announced with pg_notify", () => {
  let t: TestDatabase;
  let listener: pg.Client;
  let programmeId: string;
  const received: Notification[] = [];
  const actor = systemActor("announce test");

  beforeAll(async () => {
    t = await openTestDatabase();
    listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    listener.on("notification", (m) => {
      const n = m.channel === CHANNEL ? parseNotification(m.payload) : null;
      if (n) received.push(n);
    });
    await listener.query(`LISTEN ${CHANNEL}`);
    const slug = uniqueSlug("announce");
    programmeId = (await t.db.programme.create({ data: { slug, name: slug }, select: { id: true } })).id;
  });
  afterAll(async () => {
    await listener?.end();
    await t?.close();
  });

  const event = (name: string) => ({ programmeId, entityType: "programme" as const, entityId: programmeId, action: "programme.created" as const, before: null, after: { slug: name, name, targetDate: null } });
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("announces a committed event with its id, action and entity, once it commits", async () => {
    received.length = 0;
    await t.db.$transaction(async (tx) => {
      await recordEvent(tx, actor, event("one"));
      await new Promise((r) => setTimeout(r, 200));
      // Not before the commit.
      expect(received).toHaveLength(0);
    });
    await settle();
    const [stored] = await t.db.event.findMany({ where: { programmeId }, orderBy: { id: "desc" }, take: 1 });
    expect(received).toEqual([{ p: programmeId, e: stored.id, a: "programme.created", t: "programme", i: programmeId }]);
  });

  it("announces nothing for a transaction that rolls back", async () => {
    received.length = 0;
    await expect(
      t.db.$transaction(async (tx) => {
        await recordEvent(tx, actor, event("rolled back"));
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await settle();
    expect(received).toEqual([]);
  });

  it("announces a bulk write once, with its last id and count", async () => {
    received.length = 0;
    await t.db.$transaction((tx) => insertEvents(tx, ["a", "b", "c"].map((n) => eventRow(actor, event(n)))));
    await settle();
    const last = await t.db.event.findFirstOrThrow({ where: { programmeId }, orderBy: { id: "desc" } });
    expect(received).toEqual([{ p: programmeId, e: last.id, n: 3 }]);
  });
});
