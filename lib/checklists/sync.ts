/**
 * What applying a template to a slice's existing checklist changes. Pure. The rule that
 * matters: ticks are never lost. An item keeps its state, who and when through any template
 * edit; only open items whose template item is gone (or no longer applies) are removed.
 */
import { stageIndex, type Stage } from "@/lib/slices/stages";
import { itemsForSlice, type AppliesToName, type ChecklistCategoryName, type SliceTraits } from "./default-template";

export type SyncFields = { key: string; title: string; guidance: string | null; category: ChecklistCategoryName; gateStage: Stage | null; position: number };
export type SyncTemplateItem = SyncFields & { appliesTo: AppliesToName };
export type SyncSliceItem = SyncFields & { id: string; state: "open" | "done" | "na" };

/** Where a slice stands, for telling which new items come after it passed their gate. */
export type SliceStanding = { stage: Stage; status: string };

export type SyncPlan = {
  add: SyncFields[];
  /**
   * New items a live or done slice has already passed the gate of: never added silently as
   * open (that would reopen a passed gate, or "done"). The caller adds them as follow-ups, or
   * leaves the slice out of the sync, as the manager chose.
   */
  late: SyncFields[];
  update: { id: string; changes: Partial<SyncFields> }[];
  /** Open items no longer in the template (for this slice): removed. */
  remove: string[];
  /** Resolved items no longer in the template: kept, because their tick is evidence. */
  kept: string[];
};

const FIELDS = ["title", "guidance", "category", "gateStage", "position"] as const;

/**
 * Whether a new item comes after the slice passed what it gates: for a live or done slice, an
 * item gating its stage or an earlier one, or (done only) a retirement item.
 */
export function isLateFor(item: Pick<SyncFields, "category" | "gateStage">, standing: SliceStanding | undefined): boolean {
  if (!standing || (standing.status !== "live" && standing.status !== "done")) return false;
  if (item.category === "retired") return standing.status === "done";
  return item.gateStage !== null && stageIndex(item.gateStage) <= stageIndex(standing.stage);
}

/** The changes that bring one slice's checklist in line with the template. */
export function planTemplateSync(template: readonly SyncTemplateItem[], traits: SliceTraits, current: readonly SyncSliceItem[], standing?: SliceStanding): SyncPlan {
  const wanted = itemsForSlice({ items: template }, traits);
  const byKey = new Map(current.map((item) => [item.key, item]));
  const wantedKeys = new Set(wanted.map((item) => item.key));
  const plan: SyncPlan = { add: [], late: [], update: [], remove: [], kept: [] };
  for (const item of wanted) {
    const fields: SyncFields = { key: item.key, title: item.title, guidance: item.guidance, category: item.category, gateStage: item.gateStage, position: item.position };
    const existing = byKey.get(item.key);
    if (!existing) {
      (isLateFor(fields, standing) ? plan.late : plan.add).push(fields);
      continue;
    }
    const changes: Partial<SyncFields> = {};
    for (const f of FIELDS) if (existing[f] !== fields[f]) Object.assign(changes, { [f]: fields[f] });
    if (Object.keys(changes).length > 0) plan.update.push({ id: existing.id, changes });
  }
  for (const item of current) {
    if (wantedKeys.has(item.key)) continue;
    (item.state === "open" ? plan.remove : plan.kept).push(item.id);
  }
  return plan;
}

/** True when the plan changes nothing. */
export const isEmptySync = (plan: SyncPlan): boolean => plan.add.length + plan.late.length + plan.update.length + plan.remove.length === 0;

/** A key for a new template item from its title, unique among `taken`. */
export function keyForTitle(title: string, taken: ReadonlySet<string>): string {
  const base = title.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "item";
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  return key;
}
