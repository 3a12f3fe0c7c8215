/**
 * The wave board as plain data: columns of slice cards with what each card needs (team,
 * status, stage, checklist progress, blocked marker, the waves a move may take without
 * breaking the order), facility warnings per wave, and who waits on whom. Pure: the query
 * hands in loaded rows. Cards carry only display fields, never whole rows.
 */
import { blockedSlices, buildServiceGraph, sliceBounds, type OrderLink, type TeamWaits } from "@/lib/planning";
import { compareText } from "@/lib/planning/ordering";
import { stageFromDb, type Stage } from "@/lib/slices/stages";
import type { FacilityStatus, SliceStatus } from "@/lib/generated/prisma/enums";
import type { PlanningData } from "./programme-plan";

export type BoardFilters = { team?: string; status?: SliceStatus };

/** Cards sent per wave unless all are asked for: a 2,000-slice board stays within its 300 ms budget. */
export const CARDS_PER_WAVE = 12;

export type CardProgress = { resolved: number; total: number; percent: number };

export type BoardCard = {
  id: string;
  name: string;
  team: string;
  teamId: string;
  status: SliceStatus;
  stage: Stage;
  version: number;
  wave: number | null;
  services: number;
  progress: CardProgress;
  /** Slices this one waits on (not live yet, planned earlier), "name (team)". */
  waitsOn: string[];
  pinnedWave: number | null;
  pinReason: string | null;
  /** The waves a move may take without breaking the order, and who sets each bound. */
  earliest: number;
  latest: number | null;
  earliestBy: string | null;
  latestBy: string | null;
  /**
   * Why the slice's own wave breaks the order (a pin against it, or a plan moved around it),
   * one sentence per broken link; empty when its wave keeps the order. Shown on the card.
   */
  breaks: string[];
};

export type BoardColumn = {
  number: number;
  name: string | null;
  goal: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  facilities: { key: string; name: string; status: FacilityStatus }[];
  /** Required facilities that are not ready: a warning on the column, a violation in the plan. */
  unready: string[];
  /** The first cards matching the filters (all of them when asked for). */
  cards: BoardCard[];
  /** Slices matching the filters, shown or not. */
  matching: number;
  /** Slices in the wave before filtering. */
  total: number;
};

/** A slice whose wave breaks the order (pinned against it, usually): it waits on its dependencies all the same. */
export type AgainstOrder = { id: string; name: string; team: string; wave: number; pinnedWave: number | null; pinReason: string | null; breaks: string[] };

export type Board = { columns: BoardColumn[]; unplanned: BoardCard[]; teams: string[]; waits: TeamWaits[]; againstOrder: AgainstOrder[]; blockedCount: number; sliceCount: number };

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const linkText = (link: OrderLink | null, verb: string) => (link ? `${link.service} ${verb} ${link.other} in ${link.slice} (wave ${link.wave})` : null);

/** The order links a slice's own wave breaks, from its bounds (the same check as a move to that wave). */
export function breaksOf(wave: number | null, b: { earliest: number; latest: number | null; earliestBy: OrderLink | null; latestBy: OrderLink | null }): string[] {
  if (wave === null) return [];
  return [wave < b.earliest ? linkText(b.earliestBy, "depends on") : null, b.latest !== null && wave > b.latest ? linkText(b.latestBy, "must move before") : null].filter((t): t is string => t !== null);
}

/**
 * Every slice whose own wave breaks the order, waves in order. "Who waits on whom" lists them
 * beside the blocked slices: a slice pinned before what it depends on is not "blocked" (nothing
 * is planned earlier), yet it cannot go live first either, so it must not vanish from the view.
 */
export function slicesAgainstOrder(data: Pick<PlanningData, "slices">, bounds: Map<string, Parameters<typeof breaksOf>[1]>): AgainstOrder[] {
  return data.slices
    .flatMap((s) => {
      const breaks = s.wave === null ? [] : breaksOf(s.wave, bounds.get(s.id)!);
      return breaks.length && s.wave !== null ? [{ id: s.id, name: s.name, team: s.team, wave: s.wave, pinnedWave: s.pinnedWave, pinReason: s.pinReason, breaks }] : [];
    })
    .sort((a, b) => a.wave - b.wave || compareText(a.name, b.name));
}

/**
 * Checklist progress from per-state counts; the same rule as checklistProgress in
 * lib/checklists/gates (na counts as resolved, floor, empty is 0%), without loading every item.
 */
export function progressFromCounts(counts: { done?: number; na?: number; open?: number } | undefined): CardProgress {
  const resolved = (counts?.done ?? 0) + (counts?.na ?? 0);
  const total = resolved + (counts?.open ?? 0);
  return { resolved, total, percent: total === 0 ? 0 : Math.floor((resolved * 100) / total) };
}

/** The board for loaded planning data, checklist counts per slice and the URL's filters. */
export function buildBoard(data: PlanningData, counts: Map<string, { done?: number; na?: number; open?: number }>, filters: BoardFilters, limit: number | null = CARDS_PER_WAVE): Board {
  const graph = buildServiceGraph(data.services, data.dependencies);
  const bounds = sliceBounds(data, graph);
  const blocking = blockedSlices(data, graph);
  const waitsOn = new Map(blocking.blocked.map((b) => [b.id, b.waitsOn.map((w) => `${w.name} (${w.team ?? "no team"})`)]));
  const matches = (s: PlanningData["slices"][number]) => (!filters.team || s.team === filters.team) && (!filters.status || s.status === filters.status);
  const card = (s: PlanningData["slices"][number]): BoardCard => {
    const b = bounds.get(s.id)!;
    return {
      id: s.id,
      name: s.name,
      team: s.team,
      teamId: s.teamId,
      status: s.status,
      stage: stageFromDb(s.stage),
      version: s.version,
      wave: s.wave,
      services: s.serviceIds.length,
      progress: progressFromCounts(counts.get(s.id)),
      waitsOn: waitsOn.get(s.id) ?? [],
      pinnedWave: s.pinnedWave,
      pinReason: s.pinReason,
      earliest: b.earliest,
      latest: b.latest,
      earliestBy: linkText(b.earliestBy, "depends on"),
      latestBy: linkText(b.latestBy, "must move before"),
      breaks: breaksOf(s.wave, b),
    };
  };
  const facilityById = new Map(data.facilities.map((f) => [f.id, f]));
  const byWave = new Map<number | null, PlanningData["slices"]>();
  for (const s of [...data.slices].sort((a, b) => compareText(a.name, b.name))) {
    const list = byWave.get(s.wave) ?? [];
    list.push(s);
    byWave.set(s.wave, list);
  }
  const columns = data.waves.map((w): BoardColumn => {
    const facilities = w.facilityIds.map((id) => facilityById.get(id)).filter((f) => f !== undefined).map(({ key, name, status }) => ({ key, name, status }));
    const slices = byWave.get(w.number) ?? [];
    const matching = slices.filter(matches);
    return {
      number: w.number,
      name: w.name,
      goal: w.goal,
      plannedStart: isoDate(w.plannedStart),
      plannedEnd: isoDate(w.plannedEnd),
      facilities,
      unready: facilities.filter((f) => f.status !== "ready").map((f) => f.name),
      cards: matching.slice(0, limit ?? matching.length).map(card),
      matching: matching.length,
      total: slices.length,
    };
  });
  // Slices whose wave number is no stored wave cannot exist (waveId is a foreign key); null wave can.
  const unplanned = (byWave.get(null) ?? []).filter(matches).map(card);
  return {
    columns,
    unplanned,
    teams: data.teams.map((t) => t.name),
    waits: blocking.byTeam,
    againstOrder: slicesAgainstOrder(data, bounds),
    blockedCount: blocking.blocked.length,
    sliceCount: data.slices.length,
  };
}
