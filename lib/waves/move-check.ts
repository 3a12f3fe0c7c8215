/**
 * The board's live check of a move, from the bounds the server computed for each card (see
 * sliceBounds in lib/planning/placement). Pure and framework-free so the client island and
 * the tests share it; the server re-checks every move against the stored data.
 */
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
