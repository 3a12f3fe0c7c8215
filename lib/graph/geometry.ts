/** Where an edge runs between two drawn items: the same curves for the SVG export and React Flow's view. */
import { NODE_HEIGHT, NODE_WIDTH } from "./layout";

type Box = { x: number; y: number };

/** A cubic curve from the side of `a` facing `b` to the side of `b` facing `a` (right sides when they share a column). */
export function edgePath(a: Box, b: Box): { d: string; end: [number, number]; angle: number } {
  const ay = a.y + NODE_HEIGHT / 2;
  const by = b.y + NODE_HEIGHT / 2;
  let ax: number;
  let bx: number;
  let bend: number;
  if (Math.abs(a.x - b.x) < NODE_WIDTH) {
    ax = a.x + NODE_WIDTH;
    bx = b.x + NODE_WIDTH;
    bend = 40 + Math.min(120, Math.abs(ay - by) / 4);
    return { d: `M${ax},${ay} C${ax + bend},${ay} ${bx + bend},${by} ${bx},${by}`, end: [bx, by], angle: 180 };
  }
  const rightward = b.x > a.x;
  ax = rightward ? a.x + NODE_WIDTH : a.x;
  bx = rightward ? b.x : b.x + NODE_WIDTH;
  bend = Math.abs(bx - ax) / 2;
  const c1 = rightward ? ax + bend : ax - bend;
  const c2 = rightward ? bx - bend : bx + bend;
  return { d: `M${ax},${ay} C${c1},${ay} ${c2},${by} ${bx},${by}`, end: [bx, by], angle: rightward ? 0 : 180 };
}

export type Heading = "left" | "right" | "up" | "down";

/**
 * Keyboard navigation: the item nearest to `from` in the direction of the arrow key, favouring
 * items straight ahead (a sideways step counts three times a forward one). Null when none lies that way.
 */
export function nearestInDirection<T extends { id: string; x: number; y: number }>(items: readonly T[], from: T, heading: Heading): T | null {
  let best: T | null = null;
  let bestCost = Infinity;
  for (const item of items) {
    if (item.id === from.id) continue;
    const dx = item.x - from.x;
    const dy = item.y - from.y;
    const ahead = heading === "right" ? dx : heading === "left" ? -dx : heading === "down" ? dy : -dy;
    const side = heading === "left" || heading === "right" ? Math.abs(dy) : Math.abs(dx);
    if (ahead <= 0) continue;
    const cost = ahead + 3 * side;
    if (cost < bestCost) [best, bestCost] = [item, cost];
  }
  return best;
}
