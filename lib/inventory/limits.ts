/**
 * Limits on imported files. The route checks the byte size before reading the body, so a
 * parser never sees more than this; the alias limit is enforced while YAML is expanded.
 */

/** Largest import body accepted (10 MiB); larger requests get 413 PAYLOAD_TOO_LARGE before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Most alias expansions one YAML document may make. A real catalog uses a handful; a
 * "billion laughs" document needs thousands, so 100 refuses the attack long before memory does.
 */
export const MAX_YAML_ALIASES = 100;

/**
 * Most values (scalars and collections, aliases expanded) the `yaml` package may read from one
 * import file. Plain block YAML (most catalogs) goes to the fast reader and does not count; a
 * 5,000-entity catalog read entirely by `yaml` holds about 150,000. `yaml` takes 7-15 µs a
 * value on one core, so this bounds what one upload holds a web process to 1.5-3 s.
 */
export const MAX_YAML_VALUES = 200_000;
