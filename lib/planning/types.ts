/**
 * The wave planner's vocabulary: plain data in, plain data out. The output types map
 * one-to-one onto the `POST /programmes/{slug}/plan` response in docs/API.md; the input
 * types are what the data layer loads for one programme. Nothing here knows about Prisma.
 */

/** Service kinds, as the inventory spells them. */
export const SERVICE_KINDS = ["api", "web", "worker", "cron", "gateway", "datastore", "queue", "cache"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Kinds that are shared infrastructure whatever their `shared` flag says. */
export const INFRASTRUCTURE_KINDS: readonly ServiceKind[] = ["datastore", "queue", "cache"];

/** Slice statuses (same spelling as the database enum); only blocking reads them. */
export type SliceStatus = "planned" | "preparing" | "parallel_run" | "shifting" | "live" | "done" | "on_hold" | "rolled_back";

export type PlanService = {
  id: string;
  name: string;
  kind: ServiceKind;
  /** Marked shared by a manager (an auth service, say): moves last like a datastore. */
  shared: boolean;
  team: string | null;
  sliceId?: string | null;
};

/** `from` depends on `to` (calls it or uses its data). */
export type PlanDependency = { from: string; to: string };

export type PlanSliceInput = {
  id: string;
  name: string;
  team: string | null;
  serviceIds: readonly string[];
  /** A manager's pin to a wave number (a positive integer). */
  pinnedWave?: number | null;
  pinReason?: string | null;
  status?: SliceStatus;
};

export type PlanFacility = { key: string; name: string; ready: boolean };
export type WaveRequirement = { wave: number; facilityKeys: readonly string[] };

export type PlanOptions = {
  /** At most this many slices per team per wave; undefined means no limit. */
  capacityPerTeam?: number;
};

export type PlanInput = {
  services: readonly PlanService[];
  dependencies: readonly PlanDependency[];
  slices?: readonly PlanSliceInput[];
  options?: PlanOptions;
  facilities?: readonly PlanFacility[];
  waveRequirements?: readonly WaveRequirement[];
};

/**
 * "order": a service planned no later than something it must follow (mutually dependent slices);
 * "pin": a pin that breaks the order; "capacity": a team over capacity that the plan cannot fix;
 * "facility": a wave needing a facility that is not ready; "membership": a service claimed by two slices.
 */
export type ViolationKind = "order" | "pin" | "capacity" | "facility" | "membership";

export type PlanViolation = { kind: ViolationKind; message: string; services: string[] };

export type PlannedSlice = {
  /** The stored slice's id, or "new:<first service name>" for a proposed slice. */
  id: string;
  name: string;
  team: string | null;
  /** Service names, sorted. */
  services: string[];
  /** One line: why the slice landed in this wave. */
  reason: string;
};

export type PlannedWave = { number: number; slices: PlannedSlice[] };

/** The API's plan shape. */
export type Plan = {
  waves: PlannedWave[];
  /** Each dependency cycle (strongly connected component of size > 1) by service name. */
  cycles: string[][];
  violations: PlanViolation[];
  /** One service per wave along the longest chain: the fewest waves any plan can have. */
  criticalPath: string[];
};

/** What applying a plan needs beyond the API shape: service ids and whether a slice is new. */
export type SlicePlacement = {
  sliceId: string;
  name: string;
  team: string | null;
  wave: number;
  serviceIds: string[];
  isProposed: boolean;
  isPinned: boolean;
};

export type PlanDetails = { plan: Plan; placements: SlicePlacement[] };

/** Shared infrastructure: a datastore, queue or cache, or any service marked shared. */
export const isInfrastructure = (service: Pick<PlanService, "kind" | "shared">): boolean =>
  service.shared || INFRASTRUCTURE_KINDS.includes(service.kind);
