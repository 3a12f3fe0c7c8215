/** What the explorer asks of whichever renderer draws the view: React Flow (small views) or sigma (WebGL, large ones). */
import type { View } from "@/lib/graph/view";

export type RendererProps = {
  view: View;
  selected: string | null;
  /** Centre the camera on this item; the nonce repeats a request for the same item. */
  centre: { id: string; nonce: number } | null;
  onSelect: (id: string | null) => void;
  /** Called once the view is on screen (after the frame that drew it). */
  onPainted: () => void;
};

/** Above this many drawn items the explorer draws with WebGL (React Flow's DOM slows near 1,000). */
export const FLOW_LIMIT = 500;

/** The frame after next: the browser has painted what was committed. */
export const afterPaint = (done: () => void) => requestAnimationFrame(() => requestAnimationFrame(done));
