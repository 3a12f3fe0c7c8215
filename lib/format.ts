/** Display formats used across pages. UTC, so a server and its readers agree on dates. */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
// With the year: a programme's record runs for years, and "3 Dec" alone is ambiguous in it.
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const formatDate = (d: Date | null | undefined): string => (d ? dateFormat.format(d) : "—");
export const formatDateTime = (d: Date): string => `${dateTimeFormat.format(d)} UTC`;
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;

/** The text with its first letter capitalised, to start a sentence or a list's choice. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Whole days from `from` to `to` (negative when `to` is past). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / 86_400_000);
