/** The waves domain's writes, one file each under ./mutations; each takes the actor and authorises inside. */
export { applyPlan, type ApplyPlanInput } from "./mutations/apply-plan";
