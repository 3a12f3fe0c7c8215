/**
 * Row-to-view mapping for slices and their checklist items: database enums become the API's
 * spelling, dates become ISO strings. Pure, shared by the REST routes and the pages.
 */
import type { ChecklistCategory, ItemState, SliceStatus, TrafficStage } from "@/lib/generated/prisma/enums";
import type { GateItem } from "@/lib/checklists/gates";
import type { ChecklistItemView } from "@/lib/checklists/schemas";
import { stageFromDb } from "./stages";
import type { SliceDetailView } from "./schemas";

export type ItemRow = {
  id: string;
  key: string;
  title: string;
  category: ChecklistCategory;
  gateStage: TrafficStage | null;
  state: ItemState;
  /** Added after its gate had passed: listed and counted, but gating nothing (ADR 0035). */
  followUp: boolean;
  evidenceUrl: string | null;
  reason: string | null;
  doneAt: Date | null;
  doneBy: { name: string } | null;
};

/** An item as the API shows it; `fallbackBy` names a ticker without a user (the admin token). */
export function itemView(row: ItemRow, fallbackBy?: string): ChecklistItemView {
  const resolved = row.state !== "open";
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    category: row.category,
    gate: row.gateStage === null ? null : stageFromDb(row.gateStage),
    state: row.state,
    followUp: row.followUp,
    evidenceUrl: row.evidenceUrl,
    reason: row.reason,
    by: resolved ? (row.doneBy?.name ?? fallbackBy ?? null) : null,
    at: resolved && row.doneAt ? row.doneAt.toISOString() : null,
  };
}

/** The part of an item the gates read. */
export const gateItemOf = (row: Pick<ItemRow, "id" | "title" | "category" | "gateStage" | "state"> & Partial<Pick<ItemRow, "followUp">>): GateItem => ({
  id: row.id,
  title: row.title,
  category: row.category,
  gateStage: row.gateStage === null ? null : stageFromDb(row.gateStage),
  state: row.state,
  followUp: row.followUp ?? false,
});

export type SliceRow = {
  id: string;
  name: string;
  status: SliceStatus;
  stage: TrafficStage;
  version: number;
  team: { name: string };
  wave: { number: number } | null;
  services: { name: string }[];
  checklistItems: ItemRow[];
};

/** A slice as the API shows it. */
export function sliceView(row: SliceRow, tickers: ReadonlyMap<string, string> = new Map()): SliceDetailView {
  return {
    id: row.id,
    name: row.name,
    team: row.team.name,
    wave: row.wave?.number ?? null,
    status: row.status,
    stage: stageFromDb(row.stage),
    version: row.version,
    services: row.services.map((s) => s.name),
    checklist: row.checklistItems.map((item) => itemView(item, tickers.get(item.id))),
  };
}
