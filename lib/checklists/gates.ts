/**
 * Gate evaluation over a slice's definition-of-done items. Pure: the data layer loads the
 * items, these functions decide what they block. Stage order comes from lib/slices/stages.
 */
import type { ChecklistCategory, ItemState } from "@/lib/generated/prisma/enums";
import { STAGES, stageIndex, stageLabel, type Stage } from "@/lib/slices/stages";

/** The part of a checklist item that gates and progress need. */
export type GateItem = {
  id: string;
  title: string;
  category: ChecklistCategory;
  /** The stage the item gates (API spelling); null when it gates nothing. */
  gateStage: Stage | null;
  state: ItemState;
  /**
   * Follow-up work a template change added after the slice had passed what the item gates: it
   * is tracked and counted, but gates nothing (it neither holds a move nor reopens "done").
   */
  followUp?: boolean;
};

/** What a GATE_BLOCKED answer lists for each open item. */
export type BlockingItem = Pick<GateItem, "id" | "title" | "gateStage">;

export type ChecklistProgress = {
  done: number;
  na: number;
  open: number;
  total: number;
  /** Resolved share (done + na) in whole percent, rounded down so 100 means nothing is open. */
  percent: number;
};

export type GateSummary = {
  currentStage: Stage;
  /** The next stage up, or null at 100%. */
  nextStage: Stage | null;
  /** Open items that block the next stage (at 100%: the open retirement items). */
  openItems: BlockingItem[];
  /** "3 items open before 10%", "Ready for 10%", "Done: old path retired"... */
  label: string;
  progress: ChecklistProgress;
};

/** Open items that gate `target` or any stage before it; done and na never block. */
export function openGatingItems<T extends GateItem>(items: readonly T[], target: Stage): T[] {
  const limit = stageIndex(target);
  // An item gating "1" must also hold back 10/50/100: a later stage includes every earlier
  // stage's guarantees, and an item reopened after its stage was passed blocks the next move.
  return items.filter((item) => item.state === "open" && !item.followUp && item.gateStage !== null && stageIndex(item.gateStage) <= limit);
}

/**
 * Open items that gate a stage the slice has already passed (reopened, or added by a template
 * change): they hold the next move, and the slice page says why rather than showing a passed
 * gate with an open item under it. Follow-ups are not among them.
 */
export function openItemsOfPassedGates<T extends GateItem>(items: readonly T[], currentStage: Stage): T[] {
  const current = stageIndex(currentStage);
  return items.filter((item) => item.state === "open" && !item.followUp && item.gateStage !== null && stageIndex(item.gateStage) <= current);
}

/** The id/title/gateStage of each item, in the shape GATE_BLOCKED details use. */
export const toBlockingItems = (items: readonly GateItem[]): BlockingItem[] =>
  items.map(({ id, title, gateStage }) => ({ id, title, gateStage }));

/** Done/na/open counts and the resolved percentage (na counts as resolved). */
export function checklistProgress(items: readonly GateItem[]): ChecklistProgress {
  const count = (state: ItemState) => items.filter((item) => item.state === state).length;
  const done = count("done");
  const na = count("na");
  const open = count("open");
  const total = items.length;
  // Floor, not round: 199 of 200 resolved must not read as 100%. An empty checklist is 0%,
  // not 100%: no evidence is not complete evidence.
  const percent = total === 0 ? 0 : Math.floor(((done + na) * 100) / total);
  return { done, na, open, total, percent };
}

/** An item that decides "done" (the old path retired); follow-ups decide nothing. */
export const isRetirementItem = (item: Pick<GateItem, "category" | "followUp">): boolean => item.category === "retired" && !item.followUp;

/** Retirement items of a checklist. */
const retirementItems = (items: readonly GateItem[]) => items.filter(isRetirementItem);

/**
 * True when every "retired" item is done or na. A checklist with no retirement items is
 * NOT retired: done means the old path is gone, and nothing on record says so.
 */
export function isRetired(items: readonly GateItem[]): boolean {
  const retired = retirementItems(items);
  return retired.length > 0 && retired.every((item) => item.state !== "open");
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Gate status for the next stage up, with checklist progress, for the slice page. */
export function gateSummary(items: readonly GateItem[], currentStage: Stage): GateSummary {
  const progress = checklistProgress(items);
  const nextStage = STAGES[stageIndex(currentStage) + 1] ?? null;
  if (nextStage === null) {
    // At 100% the only step left is "done", which the retirement items decide.
    const open = retirementItems(items).filter((item) => item.state === "open");
    const label = isRetired(items)
      ? "Done: old path retired"
      : open.length > 0
        ? `${plural(open.length, "retirement item")} open before done`
        : "No retirement items: add them to record the old path's removal";
    return { currentStage, nextStage, openItems: toBlockingItems(open), label, progress };
  }
  const open = openGatingItems(items, nextStage);
  const label = open.length === 0 ? `Ready for ${stageLabel(nextStage)}` : `${plural(open.length, "item")} open before ${stageLabel(nextStage)}`;
  return { currentStage, nextStage, openItems: toBlockingItems(open), label, progress };
}
