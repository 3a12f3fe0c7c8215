import "server-only";
import { db } from "@/lib/db";
import type { Role, SliceStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { SLICE_TX_OPTIONS } from "@/lib/slices/access";
import { isStage, stageToDb, type Stage } from "@/lib/slices/stages";
import type { ItemRow } from "@/lib/slices/views";
import type { TickChecklistItemInput } from "./schemas";

/**
 * SQL of the tick hot path (ticks are the hottest write in Ferry, often from pipelines in
 * bulk): one read for authorization and one short transaction for the write. Anything else a
 * tick can mean (status at 100%, the rehearsal date) takes the general path in
 * tick-checklist-item.ts.
 */

/** The programme as access.ts reads it, and the item's slice as the tick needs it (null when no such item). */
export type TickTarget = {
  programme: { id: string; slug: string; name: string; archivedAt: Date | null; role: Role | null } | null;
  item: { key: string; stage: Stage; status: SliceStatus; teamId: string; isTeamMember: boolean } | null;
};

type TargetRow = {
  id: string;
  slug: string;
  name: string;
  archivedAt: Date | null;
  role: Role | null;
  key: string | null;
  stage: string | null;
  status: SliceStatus | null;
  teamId: string | null;
  isTeamMember: boolean | null;
};

/** Programme, the actor's role and team membership, and the item's slice, in one round trip. */
export async function getTickTarget(actor: Actor, programmeSlug: string, input: Pick<TickChecklistItemInput, "sliceId" | "itemId">): Promise<TickTarget> {
  const userId = actor.userId;
  const rows = await db.$queryRaw<TargetRow[]>`
    SELECT p.id, p.slug, p.name, p."archivedAt", m.role::text AS role, t.key, t.stage, t.status, t."teamId", t."isTeamMember"
    FROM "Programme" p
    LEFT JOIN "Membership" m ON m."programmeId" = p.id AND m."userId" = ${userId}::text
    LEFT JOIN LATERAL (
      SELECT i.key, s.stage::text AS stage, s.status::text AS status, s."teamId",
        EXISTS (
          SELECT 1 FROM "TeamMember" tm JOIN "Team" team ON team.id = tm."teamId"
          WHERE tm."userId" = ${userId}::text AND tm."teamId" = s."teamId" AND team."programmeId" = p.id
        ) AS "isTeamMember"
      FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId"
      WHERE i.id = ${input.itemId} AND i."sliceId" = ${input.sliceId} AND i."programmeId" = p.id
    ) t ON true
    WHERE p.slug = ${programmeSlug}`;
  const row = rows[0];
  if (!row) return { programme: null, item: null };
  const programme = { id: row.id, slug: row.slug, name: row.name, archivedAt: row.archivedAt, role: row.role };
  if (row.key === null || row.teamId === null || row.status === null || !isStage(row.stage)) return { programme, item: null };
  return { programme, item: { key: row.key, stage: row.stage, status: row.status, teamId: row.teamId, isTeamMember: row.isTeamMember === true } };
}

type WrittenRow = {
  id: string;
  key: string;
  title: string;
  category: ItemRow["category"];
  gateStage: string | null;
  state: ItemRow["state"];
  evidenceUrl: string | null;
  reason: string | null;
  doneAt: Date | null;
  doneByName: string | null;
};

export type FastTick = { programmeId: string; expected: { stage: Stage; status: SliceStatus; teamId: string } };

/**
 * Locks the slice (so ticks and moves on it run one at a time), then, in one statement under
 * that lock, sets the item and appends its event unless nothing changes. The statement applies
 * only while the slice is still at the stage, status and team the caller authorised and
 * planned for; otherwise it writes nothing and answers null, and the caller takes the
 * general path. Two statements in one batch transaction: the second reads after the lock is
 * held, so it sees every tick committed before it.
 */
export async function tickWithoutSliceChange(actor: Actor, input: TickChecklistItemInput, plan: FastTick): Promise<ItemRow | null> {
  const now = new Date().toISOString();
  const open = input.state === "open";
  const evidenceUrl = open ? null : (input.evidenceUrl ?? null);
  const reason = open ? null : (input.reason ?? null);
  const doneById = open ? null : actor.userId;
  const doneAt = open ? null : now;
  // The event's "after" is stateOf(after) plus title and slice; empty strings count as absent, as there.
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT 1 FROM "Slice" WHERE id = ${input.sliceId} AND "programmeId" = ${plan.programmeId} FOR UPDATE`,
    db.$queryRaw<WrittenRow[]>`
      WITH cur AS (
        SELECT i.id, i.key, i.title, i.category::text AS category, i."gateStage"::text AS "gateStage", i.state::text AS state,
          i."evidenceUrl", i.reason, i."doneAt", i."doneById"
        FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId"
        WHERE i.id = ${input.itemId} AND i."sliceId" = ${input.sliceId} AND s."programmeId" = ${plan.programmeId}
          AND s.stage::text = ${plan.expected.stage} AND s.status = ${plan.expected.status}::"SliceStatus" AND s."teamId" = ${plan.expected.teamId}
      ),
      upd AS (
        UPDATE "ChecklistItem" i
        SET state = ${input.state}::"ItemState", "evidenceUrl" = ${evidenceUrl}::text, reason = ${reason}::text, "doneById" = ${doneById}::text,
          "doneAt" = (${doneAt}::timestamptz AT TIME ZONE 'UTC'), "updatedAt" = (${now}::timestamptz AT TIME ZONE 'UTC')
        FROM cur
        WHERE i.id = cur.id
          AND (cur.state, NULLIF(cur."evidenceUrl", ''), NULLIF(cur.reason, '')) IS DISTINCT FROM (${input.state}::text, NULLIF(${evidenceUrl}::text, ''), NULLIF(${reason}::text, ''))
        RETURNING i.id, i.state::text AS state, i."evidenceUrl", i.reason, i."doneAt", i."doneById"
      ),
      ev AS (
        INSERT INTO "Event" ("programmeId", "actorId", "actorName", "entityType", "entityId", action, before, after, "requestId")
        SELECT ${plan.programmeId}, ${actor.userId}::text, ${actor.name}, 'checklist_item', upd.id, 'checklist_item.ticked',
          jsonb_strip_nulls(jsonb_build_object('state', cur.state, 'evidenceUrl', NULLIF(cur."evidenceUrl", ''), 'reason', NULLIF(cur.reason, ''))),
          jsonb_strip_nulls(jsonb_build_object('state', ${input.state}::text, 'evidenceUrl', NULLIF(${evidenceUrl}::text, ''), 'reason', NULLIF(${reason}::text, ''), 'title', cur.title, 'sliceId', ${input.sliceId}::text)),
          ${actor.requestId ?? null}::text
        FROM upd JOIN cur ON cur.id = upd.id
      )
      SELECT cur.id, cur.key, cur.title, cur.category, cur."gateStage",
        COALESCE(upd.state, cur.state) AS state,
        CASE WHEN upd.id IS NULL THEN cur."evidenceUrl" ELSE upd."evidenceUrl" END AS "evidenceUrl",
        CASE WHEN upd.id IS NULL THEN cur.reason ELSE upd.reason END AS reason,
        CASE WHEN upd.id IS NULL THEN cur."doneAt" ELSE upd."doneAt" END AS "doneAt",
        u.name AS "doneByName"
      FROM cur LEFT JOIN upd ON upd.id = cur.id
      LEFT JOIN "User" u ON u.id = CASE WHEN upd.id IS NULL THEN cur."doneById" ELSE upd."doneById" END`,
  ], SLICE_TX_OPTIONS);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    category: row.category,
    gateStage: row.gateStage !== null && isStage(row.gateStage) ? stageToDb(row.gateStage) : null,
    state: row.state,
    evidenceUrl: row.evidenceUrl,
    reason: row.reason,
    doneAt: row.doneAt,
    doneBy: row.doneByName === null ? null : { name: row.doneByName },
  };
}
