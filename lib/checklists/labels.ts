/** Display names for checklist vocabulary; pure, for server and client components alike. */
import type { AppliesToName, ChecklistCategoryName } from "./default-template";
import type { ItemStateName } from "./schemas";

export const categoryLabel: Record<ChecklistCategoryName, string> = {
  migrated: "Migrated",
  observable: "Observable",
  safe_to_shift: "Safe to shift",
  stateful: "Stateful extras",
  retired: "Retired",
};

export const appliesToLabel: Record<AppliesToName, string> = {
  all: "All slices",
  stateful: "Stateful slices",
  stateless: "Stateless slices",
  datastore: "Slices with a datastore, queue or cache",
};

export const itemStateLabel: Record<ItemStateName, string> = { open: "Open", done: "Done", na: "Not applicable" };
