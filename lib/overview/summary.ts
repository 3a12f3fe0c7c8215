/**
 * The overview's numbers, computed from plain rows so the rules are testable without a
 * database: what counts as migrated, how traffic share is weighted, how waves progress.
 */
import { SLICE_STATUSES, stageTrafficShare, type Stage } from "@/lib/slices/stages";

type Status = (typeof SLICE_STATUSES)[number];

export type OverviewInput = {
  slices: { id: string; status: Status; stage: Stage; waveId: string | null }[];
  /** Per slice: its services' count and summed peak requests per second. */
  sliceLoad: { sliceId: string | null; services: number; peakRps: number }[];
  waves: { id: string; number: number; name: string | null; goal: string | null; plannedStart: Date | null; plannedEnd: Date | null }[];
};

export type WaveProgress = {
  id: string;
  number: number;
  label: string;
  goal: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  slices: number;
  finished: number;
  byStatus: Partial<Record<Status, number>>;
};

export type Overview = {
  slices: { total: number; finished: number; byStatus: Record<Status, number> };
  services: { total: number; migrated: number; unsliced: number };
  /** Share of peak traffic served from Kubernetes, 0..1; null when no service has a peak recorded. */
  trafficShare: number | null;
  waves: WaveProgress[];
};

/** A slice is finished for progress once it serves all traffic (live) or its old path is retired (done). */
export const isFinished = (status: Status) => status === "live" || status === "done";

/** Summarises slices, service load and waves into the overview's figures. */
export function summariseOverview(input: OverviewInput): Overview {
  const byStatus = Object.fromEntries(SLICE_STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  const sliceById = new Map(input.slices.map((s) => [s.id, s]));
  for (const s of input.slices) byStatus[s.status]++;

  let total = 0;
  let migrated = 0;
  let unsliced = 0;
  let rpsTotal = 0;
  let rpsServed = 0;
  for (const load of input.sliceLoad) {
    total += load.services;
    rpsTotal += load.peakRps;
    const slice = load.sliceId ? sliceById.get(load.sliceId) : undefined;
    if (!slice) {
      unsliced += load.services;
      continue;
    }
    if (isFinished(slice.status)) migrated += load.services;
    // A live or done slice serves everything, whatever stage a stale row says.
    const share = isFinished(slice.status) ? 1 : stageTrafficShare(slice.stage);
    rpsServed += load.peakRps * share;
  }

  const waves = [...input.waves]
    .sort((a, b) => a.number - b.number)
    .map((w): WaveProgress => {
      const inWave = input.slices.filter((s) => s.waveId === w.id);
      const counts: Partial<Record<Status, number>> = {};
      for (const s of inWave) counts[s.status] = (counts[s.status] ?? 0) + 1;
      return {
        id: w.id,
        number: w.number,
        label: w.name ? `Wave ${w.number}: ${w.name}` : `Wave ${w.number}`,
        goal: w.goal,
        plannedStart: w.plannedStart,
        plannedEnd: w.plannedEnd,
        slices: inWave.length,
        finished: inWave.filter((s) => isFinished(s.status)).length,
        byStatus: counts,
      };
    });

  return {
    slices: { total: input.slices.length, finished: byStatus.live + byStatus.done, byStatus },
    services: { total, migrated, unsliced },
    trafficShare: rpsTotal > 0 ? rpsServed / rpsTotal : null,
    waves,
  };
}
