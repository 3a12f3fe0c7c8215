/**
 * Classes for a table that reads as a list of cards below 768 px: the table, its body and its
 * rows become blocks (the row a two-column grid), the header row is hidden, and each cell shows
 * its column's name above its value from its `data-label` attribute. The label is drawn by CSS,
 * so a cell's text stays its value (for tests and copy), while a screen reader still hears it.
 */
export const stacked = {
  table: "max-md:block",
  head: "max-md:hidden",
  body: "max-md:block",
  row: "max-md:grid max-md:grid-cols-2 max-md:gap-x-4 max-md:py-3",
  /** The row's heading (its name), across the card's width. */
  rowHeader: "max-md:col-span-2 max-md:block max-md:px-0 max-md:text-base",
  cell: "max-md:block max-md:px-0 max-md:py-1 max-md:before:block max-md:before:text-xs max-md:before:font-medium max-md:before:uppercase max-md:before:tracking-wide max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]",
  /** A cell across the card's width (a progress bar, a long value). */
  wide: "max-md:col-span-2",
} as const;
