/**
 * Limits on imported files. The route checks the byte size before reading the body, so a
 * parser never sees more than this; the alias limit is enforced while YAML is expanded.
 */

/** Largest import body accepted (10 MiB); larger requests get 413 PAYLOAD_TOO_LARGE before parsing. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Most aliases to collections one YAML document may use. A real catalog uses a handful; a
 * "billion laughs" document needs thousands, so 100 refuses the attack long before memory does.
 */
export const MAX_YAML_ALIASES = 100;

/**
 * Three bounds on YAML values (scalars and collections) in one import file
 * (yaml-documents.ts): the values one document may hold, counted from its text before it is
 * parsed; the values, aliases expanded, of all documents that use aliases (documents without
 * them hold no more than their text); and the values the `yaml` package may re-read for line
 * numbers and messages. A 5,000-entity catalog holds about 150,000 values; `yaml` takes
 * 7-15 µs a value on one core, so its re-reads hold an import for 1.5-3 s at most.
 */
export const MAX_YAML_VALUES = 200_000;
