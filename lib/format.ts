/** Display formats used across pages. UTC, so a server and its readers agree on dates. */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const formatDate = (d: Date | null | undefined): string => (d ? dateFormat.format(d) : "—");
export const formatDateTime = (d: Date): string => `${dateTimeFormat.format(d)} UTC`;
export const formatPercent = (share: number): string => `${Math.round(share * 100)}%`;

/** Whole days from `from` to `to` (negative when `to` is past). */
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / 86_400_000);
