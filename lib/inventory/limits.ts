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
