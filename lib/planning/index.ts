/**
 * The wave planner: a pure library (no Next, no Prisma). planWaves turns the dependency graph
 * into waves of slices; proposeSlices says which slices a plan would create; blockedSlices
 * says who waits on whom. See docs/adr/0010-wave-planner.md.
 */
export { planWaves, planWithDetails } from "./plan";
export { proposeSlices, proposedSliceId, type ProposedSlice } from "./propose-slices";
export { blockedSlices, isLive, isWaitingOn, type Blocking, type BlockingInput, type BlockingSliceInput, type BlockedSlice, type SliceRef, type TeamWaits } from "./blocking";
export * from "./types";
export { moveBreaks, placementViolations, sliceBounds, type OrderLink, type PlacedSlice, type PlacementInput, type SliceBounds } from "./placement";
export { buildServiceGraph, cycleNames, dependentMovesFirst, type ServiceGraph } from "./ordering";
