// Programmes of a test's own: made through the app's own seed or its REST API, and removed
// afterwards with everything in them, so that no spec sees another's data.
import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import type { Db } from "../../lib/db";
import { seedDemoProgramme } from "../../lib/seed";
import { E2E_ADMIN_TOKEN } from "../../playwright.config";

export type TestProgramme = { id: string; slug: string };

export const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** A programme seeded with the demo's estate (teams, services, waves, slices, history) under a fresh slug. */
export async function seedTestProgramme(db: Db, prefix: string): Promise<TestProgramme> {
  const slug = uniqueSlug(prefix);
  const { programmeId } = await seedDemoProgramme(db, { slug });
  return { id: programmeId, slug };
}

/** An empty programme (no teams, no services), created as an operator would: POST /programmes with the admin token. */
export async function createEmptyProgramme(db: Db, request: APIRequestContext, prefix: string): Promise<TestProgramme> {
  const slug = uniqueSlug(prefix);
  const res = await request.post("/api/v1/programmes", { headers: { Authorization: `Bearer ${E2E_ADMIN_TOKEN}` }, data: { name: `Empty ${slug}`, slug } });
  if (res.status() !== 201) throw new Error(`creating programme ${slug} answered ${res.status()}: ${await res.text()}`);
  const { id } = await db.programme.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  return { id, slug };
}

/**
 * Removes a programme with everything in it, and the people who came with it: its service
 * accounts, and users created since `since` whose only roles were in it (made by the test
 * through the API or the pages). Users with a role elsewhere stay.
 *
 * Ferry never deletes a programme: its events are the audit log, and a trigger refuses any
 * UPDATE or DELETE on "Event". Test cleanup turns that trigger off inside its own transaction
 * (the change is invisible to every other session and undone at commit; the table lock it
 * takes is held for milliseconds), deletes the events, then the slices (they RESTRICT the
 * deletion of their team) and the programme, whose foreign keys cascade to the rest.
 */
export async function removeProgramme(db: Db, slug: string, since: Date): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // The lock on "Event" first: a request writing an event meanwhile then waits for this
      // cleanup instead of holding a row it needs.
      await tx.$executeRawUnsafe(`ALTER TABLE "Event" DISABLE TRIGGER "Event_append_only"`);
      const programme = await tx.programme.findUnique({ where: { slug }, select: { id: true } });
      if (programme) {
        const id = programme.id;
        await tx.$executeRaw`
          DELETE FROM "User" u
          WHERE u."homeProgrammeId" = ${id}
             OR (u."createdAt" >= ${since}
                 AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m."programmeId" = ${id})
                 AND NOT EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = u.id AND m."programmeId" <> ${id}))`;
        await tx.event.deleteMany({ where: { programmeId: id } });
        await tx.slice.deleteMany({ where: { programmeId: id } });
        await tx.programme.delete({ where: { id } });
      }
      await tx.$executeRawUnsafe(`ALTER TABLE "Event" ENABLE TRIGGER "Event_append_only"`);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/** Rows that still name the programme, by table (empty once it is removed). */
export async function rowsNaming(db: Db, programmeId: string): Promise<Record<string, number>> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name IN ('programmeId', 'homeProgrammeId') ORDER BY table_name`;
  const counts: Record<string, number> = {};
  for (const { table, column } of columns) {
    const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${table}" WHERE "${column}" = $1`, programmeId);
    if (n > 0) counts[`${table}.${column}`] = n;
  }
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Programme" WHERE id = ${programmeId}`;
  if (n > 0) counts.Programme = n;
  return counts;
}
