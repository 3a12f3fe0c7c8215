/** The checklist domain's writes; each takes the actor and authorises inside. */
export { tickChecklistItem } from "./mutations/tick-checklist-item";
export { tickChecklistItems } from "./mutations/tick-checklist-items";
export { applyTemplateToSlice, createTemplate, deleteTemplateItem, saveTemplateItem, syncTemplateToSlices, type SyncResult } from "./template-mutations";
