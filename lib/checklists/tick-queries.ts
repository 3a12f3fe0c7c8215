import "server-only";
import { hotQuery } from "@/lib/db";
import type { Role, SliceStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { isStage, stageToDb, type Stage } from "@/lib/slices/stages";
import type { ItemRow } from "@/lib/slices/views";
import type { TickChecklistItemInput } from "./schemas";

/**
 * SQL of the tick hot path (ticks are the hottest write in Ferry, often from pipelines in
 * bulk): one read for authorization and one call for the write, both sent straight through
 * the app's pg pool as named statements (ADR 16). Anything else a tick can mean (status at
 * 100%, the rehearsal date) takes the general path in tick-checklist-item.ts.
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

const TARGET_SQL = `
  SELECT p.id, p.slug, p.name, p."archivedAt" AT TIME ZONE 'UTC' AS "archivedAt", m.role::text AS role, t.key, t.stage, t.status, t."teamId", t."isTeamMember"
  FROM "Programme" p
  LEFT JOIN "Membership" m ON m."programmeId" = p.id AND m."userId" = $1::text
  LEFT JOIN LATERAL (
    SELECT i.key, s.stage::text AS stage, s.status::text AS status, s."teamId",
      EXISTS (
        SELECT 1 FROM "TeamMember" tm JOIN "Team" team ON team.id = tm."teamId"
        WHERE tm."userId" = $1::text AND tm."teamId" = s."teamId" AND team."programmeId" = p.id
      ) AS "isTeamMember"
    FROM "ChecklistItem" i JOIN "Slice" s ON s.id = i."sliceId"
    WHERE i.id = $3 AND i."sliceId" = $4 AND i."programmeId" = p.id
  ) t ON true
  WHERE p.slug = $2`;

/** Programme, the actor's role and team membership, and the item's slice, in one round trip. */
export async function getTickTarget(actor: Actor, programmeSlug: string, input: Pick<TickChecklistItemInput, "sliceId" | "itemId">): Promise<TickTarget> {
  const rows = await hotQuery<TargetRow>("ferry_tick_target", TARGET_SQL, [actor.userId, programmeSlug, input.itemId, input.sliceId]);
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

const TICK_SQL = "SELECT * FROM ferry_tick_item($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

/**
 * Locks the slice (so ticks and moves on it run one at a time), then sets the item and
 * appends its event unless nothing changes, all in one call of the database function
 * ferry_tick_item (its migration says how). It applies only while the slice is still at the
 * stage, status and team the caller authorised and planned for; otherwise it writes nothing
 * and answers null, and the caller takes the general path.
 */
export async function tickWithoutSliceChange(actor: Actor, input: TickChecklistItemInput, plan: FastTick): Promise<ItemRow | null> {
  const { expected } = plan;
  const values = [plan.programmeId, input.sliceId, input.itemId, expected.stage, expected.status, expected.teamId, input.state, input.evidenceUrl ?? null, input.reason ?? null, actor.userId, actor.name, actor.requestId ?? null];
  const rows = await hotQuery<WrittenRow>("ferry_tick_item", TICK_SQL, values);
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
