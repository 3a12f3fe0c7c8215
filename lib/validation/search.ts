/**
 * Text searches as Prisma filters. Prisma's `contains` puts the value between two % of an
 * ILIKE pattern without escaping it (checked on Postgres: a search for "%" matched every
 * row), so a user's %, _ and \ were wildcards and an escape. Every search goes through here.
 */

/** `value` with LIKE's wildcards and its escape character (backslash, Postgres' default) escaped. */
export const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A case-insensitive substring filter that matches `value` literally. */
export const containsText = (value: string) => ({ contains: escapeLike(value), mode: "insensitive" as const });

/** A page's search parameter as one value: the first when repeated, undefined when empty. */
export const firstSearchValue = (value: unknown) => (Array.isArray(value) ? value[0] : value) || undefined;
