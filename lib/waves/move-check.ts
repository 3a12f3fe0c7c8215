/**
 * The board's live check of a move, from the bounds the server computed for each card (see
 * sliceBounds in lib/planning/placement), and the sentence for a move the server refused as
 * breaking the order. Pure and framework-free so the client island, the mutation and the tests
 * share it; the server re-checks every move against the stored data.
 */
import type { OrderBreak } from "@/lib/errors";

export type MovableCard = { name: string; wave: number | null; earliest: number; latest: number | null; earliestBy: string | null; latestBy: string | null };

export type MoveVerdict = { breaksOrder: false; message: string } | { breaksOrder: true; message: string };

/** Whether moving the card to `toWave` keeps the order, and a sentence saying so. */
export function moveVerdict(card: MovableCard, toWave: number): MoveVerdict {
  const reasons: string[] = [];
  if (toWave < card.earliest && card.earliestBy) reasons.push(card.earliestBy);
  if (card.latest !== null && toWave > card.latest && card.latestBy) reasons.push(card.latestBy);
  if (reasons.length === 0) return { breaksOrder: false, message: `Move ${card.name} to wave ${toWave}: keeps the order.` };
  return { breaksOrder: true, message: `Moving ${card.name} to wave ${toWave} breaks the order: ${reasons.join("; ")}.` };
}

type Linked = OrderBreak["mustFollow"][number];

/** Each slice once (a slice linked by several services is named once), as "Name (wave n)". */
const slices = (links: Linked[]) => [...new Map(links.map((l) => [l.sliceId, `${l.slice} (wave ${l.wave})`])).values()].join(", ");

/** Why a move breaks the order, in one sentence, from the structured refusal the server sends. */
export function orderBreakSentence(name: string, { toWave, mustFollow, mustPrecede }: OrderBreak): string {
  const parts = [mustFollow.length ? `it depends on ${slices(mustFollow)}` : "", mustPrecede.length ? `${slices(mustPrecede)} must move after it` : ""].filter(Boolean);
  return `Moving ${name} to wave ${toWave} breaks the order: ${parts.join("; ")}.`;
}
