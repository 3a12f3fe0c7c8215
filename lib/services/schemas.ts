/**
 * Services: the API's list shape, the list page's filters (kept in the URL), and the
 * create, edit, bulk-edit and delete inputs. One schema file for the domain.
 */
import * as z from "zod";
import {
  CONFIG_SOURCES,
  SERVICE_KINDS,
  STRATEGIES,
  enumOf,
  serviceNameSchema,
  teamNameSchema,
} from "@/lib/inventory/model";
import { SLICE_STATUSES } from "@/lib/slices/stages";
import { INT4_MAX, intFromTextSchema, intSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";
import { httpUrlSchema } from "@/lib/validation/url";

/** One row of `GET /programmes/{slug}/services` (API.md). */
export const apiServiceSchema = z.object({
  name: z.string(),
  team: z.string().nullable(),
  kind: z.enum(SERVICE_KINDS),
  stateful: z.boolean(),
  dependsOn: z.array(z.string()),
  slice: z.string().nullable(),
  wave: z.int().nullable(),
});
export type ApiService = z.infer<typeof apiServiceSchema>;

export const SORTABLE = ["name", "team", "kind", "tier", "strategy", "peakRps", "wave", "status"] as const;
export type SortKey = (typeof SORTABLE)[number];
export const PAGE_SIZES = [25, 50, 100] as const;

// URL parameters arrive as strings (or arrays of them); anything unreadable falls back to
// the default instead of failing the page, since a shared link may be old or hand-edited.
const one = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(",")).filter(Boolean)), z.array(item).catch([]));

/** The list page's filters, sort and page: exactly what the URL holds. */
export const serviceFiltersSchema = z.object({
  q: one(textSchema().trim().max(100).optional()).catch(undefined),
  team: many(textSchema().max(100)),
  kind: many(z.enum(SERVICE_KINDS)),
  strategy: many(z.enum(STRATEGIES)),
  tier: many(intFromTextSchema({ min: 1, max: 4 })),
  status: many(z.enum([...SLICE_STATUSES, "unsliced"] as const)),
  wave: many(z.union([z.literal("none"), intFromTextSchema()])),
  tag: many(textSchema().max(200)),
  stateful: one(z.enum(["yes", "no"]).optional()).catch(undefined),
  sort: one(z.enum(SORTABLE).default("name")).catch("name"),
  dir: one(z.enum(["asc", "desc"]).default("asc")).catch("asc"),
  // Bounded so the row offset, (page - 1) * size, stays an integer the database takes.
  page: one(intFromTextSchema({ min: 1, max: Math.floor(INT4_MAX / PAGE_SIZES.at(-1)!) }).default(1)).catch(1),
  size: one(z.coerce.number().pipe(z.union(PAGE_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<25>, z.ZodLiteral<50>, z.ZodLiteral<100>])).default(50)).catch(50),
});
export type ServiceFilters = z.output<typeof serviceFiltersSchema>;

// Form fields arrive as text: blank means "none", lists are separated by commas or semicolons.
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optionalText = (max: number, { multiline = false } = {}) =>
  z.preprocess(blankToNull, textSchema({ multiline }).trim().max(max, { error: `Keep it under ${max} characters` }).nullable().default(null));
// Textareas: free text keeps its line breaks.
const MULTILINE = { multiline: true };
const textList = z.preprocess(
  (v) => (v === undefined || v === null ? [] : (Array.isArray(v) ? v : String(v).split(/[;,\n]/)).map((x) => String(x).trim()).filter(Boolean)),
  z.array(textSchema().max(200, { error: "Each entry is at most 200 characters" })).transform((xs) => [...new Set(xs)]),
);
const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/** Create and edit: every inventory field of DOMAIN.md. */
export const serviceFormSchema = z.strictObject({
  name: serviceNameSchema,
  description: optionalText(4000, MULTILINE),
  team: z.preprocess(blankToNull, teamNameSchema.nullable().default(null)),
  kind: enumOf(SERVICE_KINDS),
  stateful: checkbox,
  shared: checkbox,
  dataStores: textList,
  sessionSticky: checkbox,
  configSources: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(enumOf(CONFIG_SOURCES))),
  configNotes: optionalText(4000, MULTILINE),
  launchCommand: optionalText(4000, MULTILINE),
  buildCommand: optionalText(4000, MULTILINE),
  migrateCommand: optionalText(4000, MULTILINE),
  peakRps: z.preprocess(blankToNull, intFromTextSchema({ error: "Enter a whole number", tooSmall: "Cannot be negative", tooBig: `At most ${INT4_MAX}` }).nullable().default(null)),
  tier: intFromTextSchema({ min: 1, max: 4, error: "Choose a tier", tooSmall: "Tier is 1 to 4", tooBig: "Tier is 1 to 4" }),
  legacyPlatform: optionalText(200),
  targetCluster: optionalText(200),
  targetNamespace: optionalText(200),
  strategy: enumOf(STRATEGIES),
  repositoryUrl: z.preprocess(blankToNull, httpUrlSchema({ max: 4000, error: "Enter an http(s) URL" }).nullable().default(null)),
  system: optionalText(200),
  tags: textList,
});
// Form values arrive as text, checkboxes and lists; the schema does the converting, so the
// mutations accept any value per field and validate it themselves.
export type ServiceFormInput = Partial<Record<keyof ServiceForm, unknown>>;
export type ServiceForm = z.output<typeof serviceFormSchema>;

export const createServiceSchema = serviceFormSchema;
export type CreateServiceInput = ServiceFormInput;
export const updateServiceSchema = serviceFormSchema.extend({ id: textSchema().min(1) });
export type UpdateServiceInput = ServiceFormInput & { id: string };

export const deleteServiceSchema = z.strictObject({
  id: textSchema().min(1),
  /** Set once the user has seen which services depend on this one. */
  confirmDependents: checkbox.optional(),
});
export type DeleteServiceInput = { id: string; confirmDependents?: unknown };

/** Bulk edit: only the fields the user chose to set are present. */
export const bulkEditServicesSchema = z
  .strictObject({
    ids: z.array(textSchema().min(1)).min(1, { error: "Select at least one service" }).max(5000),
    team: teamNameSchema.nullable().optional(),
    strategy: enumOf(STRATEGIES).optional(),
    tier: intSchema({ min: 1, max: 4 }).optional(),
    addTags: z.array(textSchema().trim().min(1).max(200)).optional(),
    removeTags: z.array(textSchema().trim().min(1).max(200)).optional(),
    targetNamespace: textSchema().trim().max(200).nullable().optional(),
  })
  .refine((v) => Object.keys(v).some((k) => k !== "ids"), { error: "Choose at least one field to change" });
export type BulkEditServicesInput = z.input<typeof bulkEditServicesSchema>;

/** The bulk edit form's "No team" choice (its blank choice is "no change"). */
export const BULK_EDIT_NO_TEAM = "__none__";

const asList = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v]);
const digitsToNumber = (v: unknown) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v);
/** Tags typed as text, separated by commas or semicolons; none typed is no change. */
const typedTags = (v: unknown) => {
  if (typeof v !== "string") return v;
  const tags = v.split(/[,;]/).map((t) => t.trim()).filter(Boolean);
  return tags.length ? tags : undefined;
};

/**
 * The bulk edit form as its server action receives it: the selection as repeated `ids`, a
 * field left at "no change" absent, BULK_EDIT_NO_TEAM for no team, tags as text and "Clear
 * namespace" as a checkbox. It becomes the bulk edit input and is checked by that schema, so
 * the form and a direct call get the same messages.
 */
export const bulkEditServicesFormSchema = z.preprocess((raw) => {
  if (typeof raw !== "object" || raw === null) return raw;
  const { ids, team, tier, addTags, removeTags, targetNamespace, clearNamespace, ...rest } = raw as Record<string, unknown>;
  const namespace = clearNamespace ? null : typeof targetNamespace === "string" ? targetNamespace.trim() || undefined : targetNamespace;
  const fields: Record<string, unknown> = { ...rest, ids: asList(ids) ?? [], team: team === BULK_EDIT_NO_TEAM ? null : team, tier: digitsToNumber(tier), addTags: typedTags(addTags), removeTags: typedTags(removeTags), targetNamespace: namespace };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}, bulkEditServicesSchema);
