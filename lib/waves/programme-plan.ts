/**
 * A programme's stored graph, slices, waves and facilities as the planner and the board read
 * them, and the plan made from them. Pure: lib/waves/planning-data.ts loads the data.
 */
import type { FacilityStatus, SliceStatus, TrafficStage } from "@/lib/generated/prisma/enums";
import { planWithDetails, type PlanDependency, type PlanDetails, type PlanFacility, type PlanInput, type PlanService, type PlanSliceInput, type WaveRequirement } from "@/lib/planning";

export type StoredSlice = {
  id: string;
  name: string;
  teamId: string;
  team: string;
  waveId: string | null;
  wave: number | null;
  pinnedWave: number | null;
  pinReason: string | null;
  status: SliceStatus;
  stage: TrafficStage;
  version: number;
  serviceIds: string[];
};

export type StoredWave = {
  id: string;
  number: number;
  name: string | null;
  goal: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
  facilityIds: string[];
};

export type StoredFacility = { id: string; key: string; name: string; status: FacilityStatus };

/** One programme's graph, slices, waves and facilities, as the planner and the board read them. */
export type PlanningData = {
  services: PlanService[];
  dependencies: PlanDependency[];
  slices: StoredSlice[];
  waves: StoredWave[];
  facilities: StoredFacility[];
  teams: { id: string; name: string }[];
};

/** The planner's input for the loaded data and options. */
export function toPlanInput(data: PlanningData, options: { capacityPerTeam?: number } = {}): PlanInput {
  const keyOf = new Map(data.facilities.map((f) => [f.id, f.key]));
  const facilities: PlanFacility[] = data.facilities.map((f) => ({ key: f.key, name: f.name, ready: f.status === "ready" }));
  const waveRequirements: WaveRequirement[] = data.waves
    .filter((w) => w.facilityIds.length > 0)
    .map((w) => ({ wave: w.number, facilityKeys: w.facilityIds.map((id) => keyOf.get(id)!).filter(Boolean) }));
  const slices: PlanSliceInput[] = data.slices.map((s) => ({
    id: s.id,
    name: s.name,
    team: s.team,
    serviceIds: s.serviceIds,
    pinnedWave: isSettled(s) ? s.wave : s.pinnedWave,
    pinReason: s.pinReason,
    status: s.status,
  }));
  return { services: data.services, dependencies: data.dependencies, slices, options, facilities, waveRequirements };
}

/** A slice that already serves traffic from Kubernetes: history has placed it, a plan must not move it. */
const isSettled = (s: StoredSlice): boolean => (s.status === "live" || s.status === "done") && s.wave !== null;

/**
 * Plans the loaded programme. Live and done slices are held in their wave (as pins, the
 * planner's one way to fix a wave), and their reason says so rather than naming a manager.
 */
export function planProgramme(data: PlanningData, options: { capacityPerTeam?: number } = {}): PlanDetails {
  const details = planWithDetails(toPlanInput(data, options));
  const settled = new Map(data.slices.filter(isSettled).map((s) => [s.id, s]));
  if (settled.size === 0) return details;
  const waves = details.plan.waves.map((w) => ({
    ...w,
    slices: w.slices.map((slice) => {
      const s = settled.get(slice.id);
      if (!s || s.pinnedWave !== null) return slice;
      const breaks = slice.reason.match(/: breaks the order with .*$/)?.[0] ?? "";
      return { ...slice, reason: `already ${s.status === "live" ? "live" : "done"}: stays in wave ${s.wave}${breaks}` };
    }),
  }));
  return { ...details, plan: { ...details.plan, waves } };
}
