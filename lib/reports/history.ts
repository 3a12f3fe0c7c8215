/**
 * What the report core is fed: the programme as it stands now (CurrentState) and the events
 * read through the catalogue (HistoryEvent). Pure: the queries load the rows, this reads them.
 */
import type { ServiceKind } from "@/lib/generated/prisma/enums";
import { EVENT_ACTIONS, parseEvent, type CatalogueEvent, type EventAction } from "@/lib/events/catalogue";
import { STAGES, type Stage } from "@/lib/slices/stages";
import type { FacilityStatus, SliceStatus } from "./types";

/**
 * The actions the burn-up needs over the whole history: what creates or deletes a slice and
 * what changes its status. Loaded from the programme's first event on.
 */
export const SLICE_HISTORY_ACTIONS = ["programme.created", "slice.created", "slice.deleted", "slice.stage_moved", "slice.rolled_back", "slice.status_changed"] as const satisfies readonly EventAction[];

/**
 * The other actions the report reads: whatever else changes a slice, a service, a dependency,
 * a wave, a facility or a checklist item's state. They matter only to the full states the
 * report takes (the end of its week and of the week before), so the queries load them from
 * shortly before the earliest such state on (`detailSince`), not over the whole history.
 */
export const DETAIL_ACTIONS = [
  "service.created",
  "service.updated",
  "service.deleted",
  "dependency.created",
  "dependency.deleted",
  "slice.wave_changed",
  "slice.split",
  "slice.merged",
  "slice.checklist_applied",
  "wave.created",
  "wave.updated",
  "wave.facilities_changed",
  "facility.created",
  "facility.updated",
  "facility.status_changed",
  "checklist_item.ticked",
] as const satisfies readonly EventAction[];

/** Every action the report reads; an audit-only action (tokens, memberships) costs it nothing. */
export const REPORT_ACTIONS = [...SLICE_HISTORY_ACTIONS, ...DETAIL_ACTIONS] as const;

export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * An Event row as the queries load it; `at` in ms since the epoch. For a tick, `gateStage` is
 * the stage its item gates, joined from the item's row (null when it gates none or is gone).
 */
export type RawEvent = { id: number; at: number; entityType: string; entityId: string; action: string; before: unknown; after: unknown; gateStage?: Stage | null };

/** An event the catalogue read, with where and when it happened. */
export type HistoryEvent = CatalogueEvent & { id: number; at: number; entityId: string; gateStage?: Stage | null };

/**
 * Events in the order they happened (at, then id), and how many could not be read.
 * `detailSince`: DETAIL_ACTIONS are present from this instant on only (-Infinity: all of
 * them), so a full state is right at or after it, and before it only the slice counts are.
 */
export type History = { events: HistoryEvent[]; skipped: number; detailSince: number };

const ACTION = new Map<string, EventAction>(EVENT_ACTIONS.map((a) => [a, a]));
const STAGE = new Map<string, Stage>(STAGES.map((s) => [s, s]));

/**
 * Reads rows through the catalogue, oldest first. A row the catalogue cannot read (an old
 * shape, an unknown action) is skipped and counted, never a crash: the report says how many.
 */
export function readHistory(rows: readonly RawEvent[], detailSince = -Infinity): History {
  const events: HistoryEvent[] = [];
  let skipped = 0;
  for (const row of rows) {
    const parsed = parseEvent(row);
    if (!parsed.ok) {
      skipped++;
      continue;
    }
    const { entityType, before, after } = parsed.event as { entityType: string; before: unknown; after: unknown };
    // One shape for every event, and the code's own action and stage strings: the walk compares
    // actions of up to 200,000 events, and a string read from the database is compared with a
    // literal character by character, the literal itself by identity (five times faster; ADR 0033).
    events.push({ action: ACTION.get(row.action)!, entityType, before, after, id: row.id, at: row.at, entityId: row.entityId, gateStage: row.gateStage ? (STAGE.get(row.gateStage) ?? row.gateStage) : null } as HistoryEvent);
  }
  events.sort((a, b) => a.at - b.at || a.id - b.id);
  return { events, skipped, detailSince };
}

export type ItemState = "open" | "done" | "na";

/** The programme as it stands now, as the database holds it (ids throughout). */
export type CurrentState = {
  at: number;
  slices: { id: string; name: string; team: string; wave: number | null; stage: Stage; status: SliceStatus; plannedStart: string | null; plannedEnd: string | null }[];
  services: { id: string; name: string; team: string | null; sliceId: string | null; peakRps: number | null; kind: ServiceKind; shared: boolean }[];
  /** `from` depends on `to`, by service id. */
  dependencies: { from: string; to: string }[];
  /** Checklist items counted by slice, state and the stage they gate (what the report needs of 60,000 rows). */
  checklist: { sliceId: string; state: ItemState; gateStage: Stage | null; count: number }[];
  waves: { id: string; number: number; name: string | null; plannedStart: string | null; plannedEnd: string | null; facilities: string[] }[];
  facilities: { id: string; key: string; name: string; status: FacilityStatus; ownerTeamId: string | null }[];
  teams: { id: string; name: string }[];
};
