import type { ReactNode } from "react";

/**
 * A region that scrolls sideways on its own when its content is wider than the screen (a
 * table, the wave board), so the page itself never does. Named and in the tab order, as a
 * scrollable region must be: a keyboard user focuses it and scrolls with the arrow keys. It is
 * positioned, so text kept for screen readers inside it (absolutely positioned `sr-only` spans)
 * cannot stick out of the page past it.
 */
export function ScrollRegion({ label, labelledBy, describedBy, className = "", children }: { label?: string; labelledBy?: string; describedBy?: string; className?: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} aria-labelledby={labelledBy} aria-describedby={describedBy} tabIndex={0} className={`relative overflow-x-auto overscroll-x-contain ${className}`}>
      {children}
    </div>
  );
}
