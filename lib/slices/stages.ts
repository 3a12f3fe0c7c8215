/**
 * Traffic stages and slice statuses: the vocabulary shared by the UI, the API, events and
 * reports. The database stores stages as Prisma enum names; everything outside the data
 * layer speaks the API's spelling ("0", "mirror", "1", "10", "50", "100").
 */
import type { SliceStatus, TrafficStage } from "@/lib/generated/prisma/enums";

export const STAGES = ["0", "mirror", "1", "10", "50", "100"] as const;
export type Stage = (typeof STAGES)[number];

const toDb: Record<Stage, TrafficStage> = {
  "0": "none",
  mirror: "mirror",
  "1": "pct1",
  "10": "pct10",
  "50": "pct50",
  "100": "pct100",
};
const fromDb = Object.fromEntries(Object.entries(toDb).map(([k, v]) => [v, k])) as Record<TrafficStage, Stage>;

/** The database enum for an API stage. */
export const stageToDb = (stage: Stage): TrafficStage => toDb[stage];
/** The API stage for a database enum value. */
export const stageFromDb = (stage: TrafficStage): Stage => fromDb[stage];

/** Position of a stage in the order 0 < mirror < 1 < 10 < 50 < 100. */
export const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

export const isStage = (value: unknown): value is Stage => typeof value === "string" && (STAGES as readonly string[]).includes(value);

/** Human label: "0%", "mirror", "1%"... */
export const stageLabel = (stage: Stage): string => (stage === "mirror" ? "mirror" : `${stage}%`);

/** Share of real user traffic a stage serves from Kubernetes (mirror serves none). */
export const stageTrafficShare = (stage: Stage): number => (stage === "mirror" ? 0 : Number(stage) / 100);

export const SLICE_STATUSES = ["planned", "preparing", "parallel_run", "shifting", "live", "done", "on_hold", "rolled_back"] as const satisfies readonly SliceStatus[];

export const statusLabel: Record<SliceStatus, string> = {
  planned: "Planned",
  preparing: "Preparing",
  parallel_run: "Parallel run",
  shifting: "Shifting",
  live: "Live",
  done: "Done",
  on_hold: "On hold",
  rolled_back: "Rolled back",
};
