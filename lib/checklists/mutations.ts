/** The checklist domain's writes, one file per mutation; each takes the actor and authorises inside. */
export { tickChecklistItem } from "./tick-checklist-item";
