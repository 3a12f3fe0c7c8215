/**
 * The Ferry JSON backup format: a whole programme by names and keys, with no database ids
 * and no created/updated times, so an export can be imported anywhere and exported again
 * byte for byte. Version 2 adds the people the programme refers to and its history (every
 * audit event, oldest first); version 1 files (no people, no history) still import. See
 * docs/adr/0020-programme-backup-with-history.md.
 */
import * as z from "zod";
import { dateSchema, instantSchema } from "@/lib/validation/date";
import { textSchema, type TextOptions } from "@/lib/validation/text";
import { SLICE_STATUSES, STAGES } from "@/lib/slices/stages";
import {
  enumOf,
  inventoryDependencySchema,
  inventoryServiceSchema,
  inventoryTeamSchema,
  optionalHttpUrl,
  serviceNameSchema,
  teamNameSchema,
  wholeNumberSchema,
} from "./model";

// These mirror the enums in prisma/schema.prisma; model.test.ts fails if they drift.
export const CHECKLIST_CATEGORIES = ["migrated", "observable", "safe_to_shift", "stateful", "retired"] as const;
export const APPLIES_TO = ["all", "stateful", "stateless", "datastore"] as const;
export const ITEM_STATES = ["open", "done", "na"] as const;
export const FACILITY_STATUSES = ["not_started", "in_progress", "ready"] as const;

const text = (max: number) => textSchema({ error: "must be text" }).trim().min(1, { error: "is empty" }).max(max, { error: `is longer than ${max} characters` });
// "" means "none", as in the service fields, so an empty value never fails a restore.
const optionalText = (max: number, options: TextOptions = {}) =>
  textSchema({ ...options, error: "must be text" })
    .trim()
    .max(max, { error: `is longer than ${max} characters` })
    .transform((v) => (v === "" ? null : v))
    .nullish();
/** Calendar dates (the database's @db.Date columns) travel as YYYY-MM-DD, real days from 1970 to 9999. */
const date = dateSchema({ error: "must be a date like 2026-03-31" });
// Instants are normalised to UTC with milliseconds, the one spelling toISOString gives, so the
// same moment written with another offset still exports to the same bytes.
const instant = instantSchema({ error: "must be a date and time with a zone, like 2026-03-31T09:30:00Z" }).transform((s) => new Date(s).toISOString());
const key = text(100);
// Free text (goals, guidance, reasons, plans, notes) keeps its line breaks.
const MULTILINE = { multiline: true };

export const ferryProgrammeSchema = z.strictObject({
  name: text(200),
  slug: text(100),
  description: optionalText(4000, MULTILINE),
  targetDate: date.nullish(),
  // Order matters here (dev before prod), so unlike other lists it is kept as written.
  environments: z.array(text(100)),
});

export const ferryWaveSchema = z.strictObject({
  number: wholeNumberSchema.min(0, { error: "cannot be negative" }),
  name: optionalText(200),
  goal: optionalText(4000, MULTILINE),
  plannedStart: date.nullish(),
  plannedEnd: date.nullish(),
  facilities: z.array(key).default([]),
});

export const ferryChecklistItemSchema = z.strictObject({
  key,
  title: text(500),
  guidance: optionalText(4000, MULTILINE),
  category: enumOf(CHECKLIST_CATEGORIES),
  gateStage: enumOf(STAGES).nullish(),
  position: wholeNumberSchema.default(0),
  state: enumOf(ITEM_STATES).default("open"),
  evidenceUrl: optionalHttpUrl(2000),
  reason: optionalText(4000, MULTILINE),
  doneBy: z.email({ error: "must be an email address" }).nullish(),
  doneAt: instant.nullish(),
  /** Added by a template sync after its gate had passed (ADR 0035); written only when true. */
  followUp: z.boolean({ error: "must be true or false" }).default(false),
});

export const ferrySliceSchema = z.strictObject({
  name: text(200),
  team: teamNameSchema,
  wave: wholeNumberSchema.nullish(),
  status: enumOf(SLICE_STATUSES).default("planned"),
  stage: enumOf(STAGES).default("0"),
  services: z.array(serviceNameSchema).default([]),
  plannedStart: date.nullish(),
  plannedEnd: date.nullish(),
  actualStart: instant.nullish(),
  actualEnd: instant.nullish(),
  rollbackPlan: optionalText(10000, MULTILINE),
  rollbackRehearsedAt: instant.nullish(),
  pinnedWave: wholeNumberSchema.nullish(),
  pinReason: optionalText(1000, MULTILINE),
  checklist: z.array(ferryChecklistItemSchema).default([]),
});

export const ferryFacilitySchema = z.strictObject({
  key,
  name: text(200),
  description: optionalText(4000, MULTILINE),
  status: enumOf(FACILITY_STATUSES).default("not_started"),
  ownerTeam: teamNameSchema.nullish(),
  notes: optionalText(4000, MULTILINE),
});

export const ferryTemplateItemSchema = z.strictObject({
  key,
  title: text(500),
  guidance: optionalText(4000, MULTILINE),
  category: enumOf(CHECKLIST_CATEGORIES),
  appliesTo: enumOf(APPLIES_TO).default("all"),
  gateStage: enumOf(STAGES).nullish(),
  position: wholeNumberSchema.default(0),
});

export const ferryTemplateSchema = z.strictObject({
  name: text(200),
  isDefault: z.boolean({ error: "must be true or false" }).default(false),
  items: z.array(ferryTemplateItemSchema).default([]),
});

export const ROLES = ["manager", "lead", "viewer"] as const;

// Events and people are records of what happened: copied as they were, never trimmed, so the
// text that comes back is the text that was stored.
const recorded = (max: number) => textSchema({ error: "must be text" }).min(1, { error: "is empty" }).max(max, { error: `is longer than ${max} characters` });
// jsonb holds any JSON but no NUL (U+0000) in a string; refused here rather than as a 500.
const jsonValue = z.json({ error: "must be a JSON value" }).refine((v) => !JSON.stringify(v).includes("\\u0000"), { error: "contains a NUL character (U+0000), which the database cannot store" });
const email = z.email({ error: "must be an email address" });

/** A person the programme refers to: a member, a tick author or an event's actor. No credentials, ever. */
export const ferryPersonSchema = z.strictObject({
  email,
  name: recorded(200),
  /** Their role in this programme; absent for someone who is not (or no longer) a member. */
  role: enumOf(ROLES).nullish(),
  /** Written only when true: the account was disabled where the backup was made. */
  disabled: z.literal(true, { error: "must be true or left out" }).optional(),
  teams: z.array(z.strictObject({ name: teamNameSchema, lead: z.boolean({ error: "must be true or false" }).default(false) })).default([]),
});

/**
 * One audit event. `entity` names what the event is about by the keys this file uses (a
 * service's name, a checklist item's slice and key, a person's email, [] for the programme),
 * so it finds the same thing in any database; `entityId` keeps the raw id of something the
 * file does not hold (a deleted service, a token). Exactly one of the two is present.
 */
export const ferryEventSchema = z.strictObject({
  at: instant,
  /** The acting person's email when the actor was a user; absent for tokens and system work. */
  actor: email.nullish(),
  actorName: recorded(200),
  entityType: recorded(100),
  entity: z.array(recorded(200)).max(2, { error: "has more than two parts" }).nullish(),
  entityId: recorded(200).nullish(),
  action: recorded(200),
  before: jsonValue.nullish(),
  after: jsonValue.nullish(),
  requestId: recorded(200).nullish(),
});

/** The whole document. Collections may be left out of a hand-written file; exports always write them. */
export const ferryDocumentSchema = z.strictObject({
  format: z.literal("ferry", { error: 'must be "ferry"' }),
  version: z.union([z.literal(1), z.literal(2)], { error: "must be 1 or 2, the versions this Ferry reads" }),
  programme: ferryProgrammeSchema,
  teams: z.array(inventoryTeamSchema).default([]),
  services: z.array(inventoryServiceSchema).default([]),
  dependencies: z.array(inventoryDependencySchema).default([]),
  waves: z.array(ferryWaveSchema).default([]),
  slices: z.array(ferrySliceSchema).default([]),
  facilities: z.array(ferryFacilitySchema).default([]),
  checklistTemplates: z.array(ferryTemplateSchema).default([]),
  people: z.array(ferryPersonSchema).default([]),
  history: z.array(ferryEventSchema).default([]),
});

/** The version an export writes. */
export const FERRY_JSON_VERSION = 2;

/** A Ferry JSON document as parsed (defaults applied); what serializeFerryJson prints. */
export type FerryDocument = z.output<typeof ferryDocumentSchema>;
export type FerrySlice = FerryDocument["slices"][number];
export type FerryWave = FerryDocument["waves"][number];
export type FerryChecklistItem = FerrySlice["checklist"][number];
export type FerryPerson = FerryDocument["people"][number];
export type FerryEvent = FerryDocument["history"][number];
