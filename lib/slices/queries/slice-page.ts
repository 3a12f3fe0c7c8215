import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { ProgrammeAccess } from "@/lib/auth/access";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/rules";
import { parseEvent, type CatalogueEvent } from "@/lib/events/catalogue";
import { describeEvent } from "@/lib/events/describe";
import { gateSummary, openItemsOfPassedGates, type GateSummary } from "@/lib/checklists/gates";
import type { ChecklistItemView } from "@/lib/checklists/schemas";
import { getSliceBlockedBy } from "./blocking";
import { getTickerNames, itemOrder, itemSelect, listMyTeamIds } from "./slice";
import { stageFromDb, type Stage } from "../stages";
import { gateItemOf, itemView } from "../views";

export type HistoryEntry = { id: number; at: Date; actorName: string; text: string; kind: "move" | "rollback" | "status" | "tick" | "other"; reason?: string; signal?: string; observed?: string };
/**
 * An item as the slice page shows it: `followUp` for work a template change added after the
 * slice passed its gate (it gates nothing); `gatePassed` for an open item gating a stage the slice
 * already passed, which the page explains (it was reopened or added since, and holds the next move).
 */
export type SliceItem = ChecklistItemView & { guidance: string | null; followUp: boolean; gatePassed: boolean };

/** How many history lines the page shows; the full record is the audit log. */
const HISTORY_LIMIT = 60;

const KIND: Partial<Record<string, HistoryEntry["kind"]>> = {
  "slice.stage_moved": "move",
  "slice.rolled_back": "rollback",
  "slice.status_changed": "status",
  "checklist_item.ticked": "tick",
};

/** What a history line shows beside its text, read through the event catalogue (nothing for a row it does not describe). */
function detailsOf(event: CatalogueEvent | null): Pick<HistoryEntry, "reason" | "signal" | "observed"> {
  switch (event?.action) {
    // A rollback's reason is part of its text.
    case "slice.rolled_back":
      return { signal: event.after.signal, observed: event.after.observed || undefined };
    case "slice.stage_moved":
    case "slice.status_changed":
    case "slice.wave_changed":
    case "checklist_item.ticked":
      return { reason: event.after.reason || undefined };
    default:
      return {};
  }
}

/** Everything the slice page shows, or null when the programme holds no such slice. */
export const getSlicePage = cache(async (actor: Actor, programme: ProgrammeAccess, sliceId: string) => {
  const slice = await db.slice.findFirst({
    where: { id: sliceId, programmeId: programme.id },
    select: {
      id: true,
      name: true,
      status: true,
      stage: true,
      version: true,
      plannedStart: true,
      plannedEnd: true,
      actualStart: true,
      actualEnd: true,
      rollbackPlan: true,
      rollbackRehearsedAt: true,
      pinnedWave: true,
      pinReason: true,
      team: { select: { id: true, name: true } },
      wave: { select: { number: true, name: true } },
      services: { select: { id: true, name: true, kind: true, stateful: true }, orderBy: { name: "asc" } },
      checklistItems: { select: { ...itemSelect, guidance: true }, orderBy: itemOrder },
      rolloutReadings: { select: { id: true, sourceKind: true, weight: true, phase: true, healthy: true, message: true, createdAt: true }, orderBy: { createdAt: "desc" }, take: 5 },
    },
  });
  if (!slice) return null;
  const itemIds = slice.checklistItems.map((i) => i.id);
  const [events, tickers, blockedBy, teamIds] = await Promise.all([
    db.event.findMany({
      where: {
        programmeId: programme.id,
        OR: [
          { entityType: "slice", entityId: slice.id },
          { entityType: "checklist_item", entityId: { in: itemIds } },
        ],
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: { id: true, at: true, actorName: true, entityType: true, entityId: true, action: true, before: true, after: true },
    }),
    getTickerNames(programme.id, slice.checklistItems),
    getSliceBlockedBy(programme.id, slice.id),
    listMyTeamIds(actor.userId, programme.id),
  ]);
  const titles = new Map(slice.checklistItems.map((i) => [i.id, `"${i.title}"`]));
  const history: HistoryEntry[] = events.map((e) => {
    const parsed = parseEvent(e);
    return {
      id: e.id,
      at: e.at,
      actorName: e.actorName,
      text: describeEvent(e, e.entityType === "slice" ? slice.name : titles.get(e.entityId)),
      kind: KIND[e.action] ?? "other",
      ...detailsOf(parsed.ok ? parsed.event : null),
    };
  });
  const stage: Stage = stageFromDb(slice.stage);
  const gateItems = slice.checklistItems.map(gateItemOf);
  const passedGate = new Set(openItemsOfPassedGates(gateItems, stage).map((i) => i.id));
  const items: SliceItem[] = slice.checklistItems.map((i) => ({ ...itemView(i, tickers.get(i.id)), guidance: i.guidance, followUp: i.followUp, gatePassed: passedGate.has(i.id) }));
  const gate: GateSummary = gateSummary(gateItems, stage);
  const scope = { memberTeamIds: teamIds, ownerTeamIds: [slice.team.id] };
  return {
    slice: { ...slice, stage, checklistItems: undefined, rolloutReadings: undefined },
    items,
    gate,
    /** Open items gating stages the slice already passed: the page says why they are open. */
    passedGateOpen: passedGate.size,
    readings: slice.rolloutReadings,
    history,
    blockedBy,
    permissions: {
      canTick: can(programme.role, "checklist.tick", scope).allowed,
      canMove: can(programme.role, "slice.move", scope).allowed,
      canSkip: can(programme.role, "stage.skip").allowed,
      canReadRollout: can(programme.role, "rollout.read", scope).allowed,
      // The slice editor: rename, rollback plan and rehearsals (the owning team's leads too);
      // services, merges and splits, and pins are the manager's.
      canEdit: can(programme.role, "slice.edit", scope).allowed,
      canReshape: can(programme.role, "slice.merge").allowed,
      canPin: can(programme.role, "slice.pin").allowed,
    },
  };
});

export type SlicePage = NonNullable<Awaited<ReturnType<typeof getSlicePage>>>;
