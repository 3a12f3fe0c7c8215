/** The waves domain's writes, one file each under ./mutations; each takes the actor and authorises inside. */
export { applyPlan, type ApplyPlanInput } from "./mutations/apply-plan";
export { moveSlice, breakMessage, type MoveSliceResult } from "./mutations/move-slice";
export { updateWave } from "./mutations/update-wave";
export { mergeSlices } from "./mutations/merge-slices";
export { splitSlice } from "./mutations/split-slice";
