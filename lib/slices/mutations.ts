/** The slice domain's writes, one file per mutation; each takes the actor and authorises inside. */
export { moveSliceStage } from "./move-slice-stage";
export { readSliceRollout, type RolloutReadingResult } from "./read-slice-rollout";
