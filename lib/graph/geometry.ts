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

/** How far above its column a column's heading is drawn. */
export const COLUMN_HEADING_OFFSET = 28;

export type Rect = { x: number; y: number; width: number; height: number };
export type Camera = { x: number; y: number; zoom: number };

/** What a view covers: its items and its columns' headings. */
export function viewBounds(view: { items: readonly Box[]; columns: readonly Box[] }): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const i of view.items) {
    x0 = Math.min(x0, i.x);
    y0 = Math.min(y0, i.y);
    x1 = Math.max(x1, i.x + NODE_WIDTH);
    y1 = Math.max(y1, i.y + NODE_HEIGHT);
  }
  for (const c of view.columns) {
    x0 = Math.min(x0, c.x);
    y0 = Math.min(y0, c.y - COLUMN_HEADING_OFFSET);
  }
  return Number.isFinite(x0) ? { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) } : { x: 0, y: 0, width: 1, height: 1 };
}

/** Below this zoom a node's name cannot be read. */
export const READABLE_ZOOM = 0.5;
const MARGIN = 16;
/** The share of the readable zoom at which a fitted drawing is still opened whole. */
const NEARLY_READABLE = 0.75;

/**
 * The camera a new view opens with: `fitted` (the whole drawing in the frame), unless that is
 * too small to read while the drawing is short enough to show its whole height at a readable
 * zoom (a dozen wave groups in a row). It then opens at that zoom with its top left corner
 * (wave 1's heading) near the frame's, where a reader starts, whatever the frame's height.
 * A drawing that nearly reads when fitted is fitted all the same: the readable zoom would gain
 * it a few pixels of text and cut its right-hand waves off (the demo's seven columns did that).
 */
export function openingCamera(fitted: Camera, bounds: Rect, frame: { width: number; height: number }): Camera {
  const height = bounds.height * READABLE_ZOOM;
  if (fitted.zoom >= READABLE_ZOOM * NEARLY_READABLE || height > frame.height - 2 * MARGIN) return fitted;
  return { x: MARGIN - bounds.x * READABLE_ZOOM, y: MARGIN - bounds.y * READABLE_ZOOM, zoom: READABLE_ZOOM };
}
