/**
 * The normalised inventory: what every import format (Backstage, CSV, Ferry JSON) parses
 * into and what the diff and the exports work on. Services, teams and dependencies are
 * keyed by name, never by database id, so a file and a programme can be compared.
 *
 * A service field that is `undefined` is one the file does not describe: an update leaves it
 * as it is and a create takes the default. `null` (or `[]`) means the file says "none".
 */
import * as z from "zod";
import { INT4_MAX, INT4_MIN, intSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";
import { httpUrlSchema } from "@/lib/validation/url";

// These mirror the enums in prisma/schema.prisma; model.test.ts fails if they drift.
export const SERVICE_KINDS = ["api", "web", "worker", "cron", "gateway", "datastore", "queue", "cache"] as const;
export const STRATEGIES = ["rehost", "replatform", "refactor", "retire", "retain"] as const;
export const CONFIG_SOURCES = ["env", "files", "flags", "remote"] as const;
export const DEPENDENCY_KINDS = ["sync", "async", "data"] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type Strategy = (typeof STRATEGIES)[number];
export type ConfigSource = (typeof CONFIG_SOURCES)[number];
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

const SHORT_TEXT = 200;
const LONG_TEXT = 4000;

// Messages never name the field: each format prefixes its own name for it (a CSV column, a
// Backstage annotation, a JSON path), so the user reads the word that is in their file.

/** A zod enum whose error lists the allowed values and what it got. */
export const enumOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (iss) => `must be one of ${values.join(", ")} (got ${JSON.stringify(iss.input)})` });

const BOOL = { error: "must be true or false" };

const DNS_LABEL = /^[a-z]([a-z0-9-]*[a-z0-9])?$/;

/** Service names: trimmed, 1-63 chars, lowercase letters, digits and hyphens, starting with a letter, not ending with a hyphen. */
export const serviceNameSchema = textSchema({ label: "Service name", error: "Service name must be a string" })
  .trim()
  // abort: one clear message per bad name rather than three overlapping ones.
  .min(1, { error: "Service name is empty", abort: true })
  .max(63, { error: (iss) => `Service name ${JSON.stringify(iss.input)} is longer than 63 characters`, abort: true })
  .regex(DNS_LABEL, {
    error: (iss) => {
      const hint = suggestServiceName(String(iss.input));
      return (
        `Service name ${JSON.stringify(iss.input)} must start with a lowercase letter and contain only lowercase letters, digits and hyphens, not ending with a hyphen` +
        (hint ? ` (try "${hint}")` : "")
      );
    },
  });

/** The nearest valid service name, or null when nothing sensible is left. */
export function suggestServiceName(raw: string): string | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return s && DNS_LABEL.test(s) ? s : null;
}

/** Team names: trimmed, 1-100 characters. */
export const teamNameSchema = textSchema({ label: "Team name", error: "Team name must be a string" })
  .trim()
  .min(1, { error: "Team name is empty" })
  .max(100, { error: "Team name is longer than 100 characters" });

// "" and null both mean "none" once trimmed; undefined stays "not described".
const text = (max: number, { multiline = false } = {}) =>
  textSchema({ multiline, error: "must be text" })
    .trim()
    .max(max, { error: `is longer than ${max} characters` })
    .transform((v) => (v === "" ? null : v))
    .nullish();

// Lists are sets: trimmed, empties dropped, duplicates removed (first one kept).
const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .transform((xs) => [...new Set(xs.filter((x) => x !== ""))])
    .optional();
// Free text keeps its line breaks: a Backstage description is often a YAML block.
const MULTILINE = { multiline: true };
const listItem = textSchema({ error: "entries must be text" }).trim().max(SHORT_TEXT, { error: `entries are at most ${SHORT_TEXT} characters` });

export const serviceKindSchema = enumOf(SERVICE_KINDS);
export const strategySchema = enumOf(STRATEGIES);
export const configSourceSchema = enumOf(CONFIG_SOURCES);
export const dependencyKindSchema = enumOf(DEPENDENCY_KINDS);
/** A whole number that fits the database's integer columns (either sign; chain .min() for more). */
export const wholeNumberSchema = intSchema({ min: INT4_MIN, error: "must be a whole number", tooSmall: `is smaller than ${INT4_MIN}`, tooBig: `is larger than ${INT4_MAX}` });

const TIER_MESSAGE = "must be a whole number from 1 (most critical) to 4";
export const tierSchema = intSchema({ min: 1, max: 4, error: TIER_MESSAGE });

/**
 * A link field: an http(s) URL, or empty for none ("" and null both mean none, as in `text`).
 * Imports used to store javascript: and data: URLs, which the service page renders as links.
 */
export const optionalHttpUrl = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), httpUrlSchema({ max, error: "must be an http(s) URL" }).nullish());

/** One service as an import describes it: the name plus whichever fields the file speaks for. */
export const inventoryServiceSchema = z.strictObject({
  name: serviceNameSchema,
  description: text(LONG_TEXT, MULTILINE),
  team: teamNameSchema.nullish(),
  kind: serviceKindSchema.optional(),
  stateful: z.boolean(BOOL).optional(),
  shared: z.boolean(BOOL).optional(),
  dataStores: list(listItem),
  sessionSticky: z.boolean(BOOL).optional(),
  configSources: list(configSourceSchema),
  configNotes: text(LONG_TEXT, MULTILINE),
  launchCommand: text(LONG_TEXT, MULTILINE),
  buildCommand: text(LONG_TEXT, MULTILINE),
  migrateCommand: text(LONG_TEXT, MULTILINE),
  peakRps: wholeNumberSchema.min(0, { error: "cannot be negative" }).nullish(),
  tier: tierSchema.optional(),
  legacyPlatform: text(SHORT_TEXT),
  targetCluster: text(SHORT_TEXT),
  targetNamespace: text(SHORT_TEXT),
  strategy: strategySchema.optional(),
  repositoryUrl: optionalHttpUrl(LONG_TEXT),
  system: text(SHORT_TEXT),
  tags: list(listItem),
});

/** A team: the name and, when the file knows it, how to reach it. */
export const inventoryTeamSchema = z.strictObject({
  name: teamNameSchema,
  contactChannel: text(SHORT_TEXT),
});

/** `from` depends on `to` (calls it or uses its data). */
export const inventoryDependencySchema = z
  .strictObject({ from: serviceNameSchema, to: serviceNameSchema, kind: dependencyKindSchema.default("sync") })
  .refine((d) => d.from !== d.to, { error: "A service cannot depend on itself" });

export type InventoryService = z.output<typeof inventoryServiceSchema>;
export type InventoryTeam = z.output<typeof inventoryTeamSchema>;
export type InventoryDependency = z.output<typeof inventoryDependencySchema>;
export type ServiceField = Exclude<keyof InventoryService, "name">;

/** Every described field of a service, in the order exports print them. */
export const SERVICE_FIELDS = Object.keys(inventoryServiceSchema.shape).filter((k) => k !== "name") as ServiceField[];

/** Fields that hold sets: their order carries no meaning, so comparisons and exports sort them. */
export const SET_FIELDS = ["dataStores", "configSources", "tags"] as const satisfies readonly ServiceField[];

/** A service with every field present, as the programme holds it (absent values are null or []). */
export type FullService = { [K in keyof InventoryService]-?: Exclude<InventoryService[K], undefined> };

/** The database defaults, so a create and an export agree on what "not described" became. */
export const SERVICE_DEFAULTS = {
  kind: "api",
  stateful: false,
  shared: false,
  dataStores: [],
  sessionSticky: false,
  configSources: [],
  tier: 3,
  strategy: "rehost",
  tags: [],
} as const satisfies Partial<FullService>;

/** Fill every field a file did not describe with its default (or null). */
export function completeService(s: InventoryService): FullService {
  const out: Record<string, unknown> = { name: s.name };
  for (const f of SERVICE_FIELDS) {
    const v = s[f] ?? (SERVICE_DEFAULTS as Record<string, unknown>)[f] ?? null;
    out[f] = Array.isArray(v) ? [...v] : v;
  }
  return out as FullService;
}

/**
 * Which absent entities a file speaks for. Services missing from a file are always removal
 * candidates; teams and dependencies only when the file enumerates them (a CSV without a
 * depends_on column says nothing about dependencies). Omitted: the file is the whole inventory.
 */
export type Coverage = { teams: boolean; dependencies: boolean };

/** The normalised inventory an import produces and an export consumes. */
export type Inventory = {
  teams: InventoryTeam[];
  services: InventoryService[];
  dependencies: InventoryDependency[];
  coverage?: Coverage;
};

/** A person found in a catalog (a Backstage User), kept for a later user import. */
export type ImportUser = { name: string; displayName?: string; email?: string; memberOf: string[]; line: number };

/** One problem in a file: 1-based line and a message for a person. */
export type RowError = { line: number; message: string };

/** What a parser returns: the inventory it could read and every problem; any error means nothing is applied. */
export type ParseResult = {
  inventory: Inventory;
  users?: ImportUser[];
  errors: RowError[];
  /** Things that were skipped on purpose, shown in the preview; they do not block the import. */
  warnings?: RowError[];
};

/** Sort by plain code-unit order: localeCompare depends on the machine's locale, and exports must not. */
export const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Errors sorted by line so a preview reads top to bottom. */
export const sortErrors = <T extends RowError>(errors: T[]): T[] => [...errors].sort((a, b) => a.line - b.line);
