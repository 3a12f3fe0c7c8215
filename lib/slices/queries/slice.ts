import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/errors";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { sliceView, type ItemRow } from "../views";
import type { SliceDetailView } from "../schemas";

export const itemSelect = {
  id: true,
  key: true,
  title: true,
  category: true,
  gateStage: true,
  state: true,
  followUp: true,
  evidenceUrl: true,
  reason: true,
  doneAt: true,
  doneBy: { select: { name: true } },
} satisfies Prisma.ChecklistItemSelect;

export const itemOrder = [{ position: "asc" }, { key: "asc" }] satisfies Prisma.ChecklistItemOrderByWithRelationInput[];

const sliceApiSelect = {
  id: true,
  name: true,
  status: true,
  stage: true,
  version: true,
  team: { select: { name: true } },
  wave: { select: { number: true } },
  services: { select: { name: true }, orderBy: { name: "asc" } },
  checklistItems: { select: itemSelect, orderBy: itemOrder },
} satisfies Prisma.SliceSelect;

/**
 * Who set each resolved item that has no user on record (ticked with the admin token or by
 * a deleted user): the actor name of its latest tick event. Users are the common case, so
 * this usually asks for nothing.
 */
export async function getTickerNames(programmeId: string, items: readonly Pick<ItemRow, "id" | "state" | "doneBy">[]): Promise<Map<string, string>> {
  const ids = items.filter((i) => i.state !== "open" && !i.doneBy).map((i) => i.id);
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ entityId: string; actorName: string }[]>`
    SELECT DISTINCT ON ("entityId") "entityId", "actorName" FROM "Event"
    WHERE "programmeId" = ${programmeId} AND "entityType" = 'checklist_item' AND "entityId" = ANY(${ids}) AND action = 'checklist_item.ticked'
    ORDER BY "entityId", at DESC, id DESC`;
  return new Map(rows.map((r) => [r.entityId, r.actorName]));
}

/** The API view of one slice of a programme, or NOT_FOUND. */
export async function getSliceViewOrThrow(programmeId: string, sliceId: string): Promise<SliceDetailView> {
  const row = await db.slice.findFirst({ where: { id: sliceId, programmeId }, select: sliceApiSelect });
  if (!row) throw notFound("Slice");
  return sliceView(row, await getTickerNames(programmeId, row.checklistItems));
}

/** `GET /slices/{id}`: any member of the programme may read a slice. */
export async function getSliceForApi(actor: Actor, programmeSlug: string, sliceId: string): Promise<SliceDetailView> {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  return getSliceViewOrThrow(programme.id, sliceId);
}

/** The programme's team ids the user belongs to (for a lead's "my team's slices"). */
export const listMyTeamIds = cache(async (userId: string | null, programmeId: string): Promise<string[]> => {
  if (!userId) return [];
  const rows = await db.teamMember.findMany({ where: { userId, team: { programmeId } }, select: { teamId: true } });
  return rows.map((r) => r.teamId);
});

/**
 * The YAML a rollout reading was made from, kept as evidence: any member of the programme
 * may read it, like the rest of the slice's record. NOT_FOUND for another slice's reading.
 */
export async function getRolloutReadingSourceOrThrow(actor: Actor, programmeSlug: string, sliceId: string, readingId: string) {
  const programme = await authorize(actor, programmeSlug, "programme.read");
  const reading = await db.rolloutReading.findFirst({
    where: { id: readingId, sliceId, slice: { programmeId: programme.id } },
    select: { sourceKind: true, source: true, createdAt: true },
  });
  if (!reading) throw notFound("Rollout reading");
  return reading;
}
