// The two widths every screen must work at (a phone and a desktop), and the check that the page
// itself never scrolls sideways there (a wide table may scroll inside its own region).
import type { Page } from "@playwright/test";

export const WIDTHS = [
  { name: "390 px", width: 390, height: 844 },
  { name: "1440 px", width: 1440, height: 900 },
] as const;

/** How far the page is wider than its viewport, in CSS pixels (0: no sideways scroll). */
export function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
