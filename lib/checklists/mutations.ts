/** The checklist domain's writes; each takes the actor and authorises inside. */
export { tickChecklistItem } from "./tick-checklist-item";
export { applyTemplateToSlice, createTemplate, deleteTemplateItem, saveTemplateItem, syncTemplateToSlices, type SyncResult } from "./template-mutations";
