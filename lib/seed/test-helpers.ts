/**
 * Independent checks the seed tests apply to generated data: written separately from the
 * generators on purpose, so a bug in one is not mirrored in the other.
 */
import { isStage, stageIndex, type Stage } from "@/lib/slices/stages";

/** Strongly connected components with more than one member (Tarjan), i.e. the cycles. */
export function cyclesOf(nodes: readonly string[], edges: readonly { from: string; to: string }[]): string[][] {
  const out = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) out.get(e.from)?.push(e.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  // Iterative, so a 5,000-node chain cannot overflow the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const succ = out.get(frame.node)!;
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        if (component.length > 1) found.push(component);
      }
    }
  }
  return found;
}

type StageEvent = { action: string; before?: unknown; after?: unknown };

/**
 * Replays a slice's stage events from 0%, checking each starts where the last ended.
 * Returns the final stage, or throws on a broken chain.
 */
export function replayStages(events: readonly StageEvent[]): Stage {
  let stage: Stage = "0";
  for (const e of events) {
    if (e.action !== "slice.stage_moved" && e.action !== "slice.rolled_back") continue;
    const from = (e.before as { stage?: unknown })?.stage;
    const to = (e.after as { stage?: unknown })?.stage;
    if (from !== stage) throw new Error(`${e.action} starts at ${String(from)} but the slice was at ${stage}`);
    if (!isStage(to)) throw new Error(`${e.action} moves to an unknown stage ${String(to)}`);
    const down = stageIndex(to) < stageIndex(stage);
    if (down !== (e.action === "slice.rolled_back")) throw new Error(`${e.action} from ${stage} to ${to} goes the wrong way`);
    stage = to;
  }
  return stage;
}

/** Items that are open although they gate the slice's stage or an earlier one. */
export function openGatesAt<T extends { state: string; gateStage: Stage | null }>(items: readonly T[], stage: Stage): T[] {
  return items.filter((it) => it.state === "open" && it.gateStage !== null && stageIndex(it.gateStage) <= stageIndex(stage));
}
