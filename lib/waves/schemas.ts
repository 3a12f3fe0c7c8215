/**
 * Zod schemas of the waves domain: the plan request and response of API.md, and the inputs of
 * the board's mutations (move a slice, edit a wave, merge and split slices).
 */
import { z } from "zod";
import { firstSearchValue } from "@/lib/validation/search";
import { dateSchema } from "@/lib/validation/date";
import { intFromTextSchema, intSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";

/** `POST /programmes/{slug}/plan`: unknown options are refused, capacity must be a positive integer. */
export const planRequestSchema = z.strictObject({
  apply: z.boolean().optional(),
  capacityPerTeam: intSchema({ min: 1, max: 100_000, error: "capacityPerTeam must be a whole number", tooSmall: "capacityPerTeam must be at least 1", tooBig: "capacityPerTeam must be at most 100000" }).optional(),
});
export type PlanRequestInput = z.infer<typeof planRequestSchema>;

/** Applying a plan (the preview page's form, or the API with `apply: true`): the capacity it was previewed with. */
export const applyPlanSchema = z.strictObject({
  capacityPerTeam: intFromTextSchema({ min: 1, max: 100_000, error: "capacityPerTeam must be a whole number", tooSmall: "capacityPerTeam must be at least 1", tooBig: "capacityPerTeam must be at most 100000" }).optional(),
});
export type ApplyPlanInput = z.infer<typeof applyPlanSchema>;

export const plannedSliceSchema = z.object({
  id: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  services: z.array(z.string()),
  reason: z.string(),
});

/** The plan shape shared by the plan and the stored waves. */
export const planResponseSchema = z.object({
  waves: z.array(z.object({ number: z.number().int(), slices: z.array(plannedSliceSchema) })),
  cycles: z.array(z.array(z.string())),
  violations: z.array(z.object({ kind: z.enum(["order", "pin", "capacity", "facility", "membership"]), message: z.string(), services: z.array(z.string()) })),
  criticalPath: z.array(z.string()),
});

const waveNumber = intFromTextSchema({ min: 1, max: 10_000, error: "Choose a wave." });
const sliceId = textSchema().trim().min(1, "Choose a slice.").max(100);
// A form sends one value as a string and several as a list.
const asList = (v: unknown) => (v === undefined || Array.isArray(v) ? v : [v]);
const booleanish = z.union([z.boolean(), z.enum(["true", "on", "1"]).transform(() => true), z.enum(["false", "off", "0"]).transform(() => false)]);

/** Move a slice to another wave; a move that breaks the order needs `confirmBreak` and a reason. */
export const moveSliceSchema = z.strictObject({
  sliceId,
  toWave: waveNumber,
  expectedVersion: intFromTextSchema().optional(),
  confirmBreak: booleanish.optional(),
  reason: textSchema({ multiline: true }).trim().max(500, "Keep the reason under 500 characters.").optional(),
});
export type MoveSliceInput = z.infer<typeof moveSliceSchema>;

// Date.parse used to accept 2026-02-30 (as 2 March); the shared schema knows the calendar.
const isoDate = dateSchema({ error: "Use a date like 2026-03-31." });

/** Edit a wave's name, goal and dates; a field left empty clears it. */
export const updateWaveSchema = z
  .strictObject({
    number: waveNumber,
    name: textSchema().trim().max(120, "Keep the name under 120 characters.").optional(),
    goal: textSchema({ multiline: true }).trim().max(1_000, "Keep the goal under 1,000 characters.").optional(),
    plannedStart: isoDate.optional(),
    plannedEnd: isoDate.optional(),
  })
  .refine((w) => !w.plannedStart || !w.plannedEnd || w.plannedStart <= w.plannedEnd, { path: ["plannedEnd"], message: "The end cannot be before the start." });
export type UpdateWaveInput = z.infer<typeof updateWaveSchema>;

const sliceName = textSchema().trim().min(1, "Give the slice a name.").max(120, "Keep the name under 120 characters.");

/** Merge two or more slices into the first one listed. */
export const mergeSlicesSchema = z.strictObject({
  sliceIds: z.preprocess(asList, z.array(sliceId).min(2, "Choose at least two slices to merge.").max(50)),
  name: sliceName.optional(),
});
export type MergeSlicesInput = z.infer<typeof mergeSlicesSchema>;

/** Split services off a slice into a new slice of the same team and wave. */
export const splitSliceSchema = z.strictObject({
  sliceId,
  serviceIds: z.preprocess(asList, z.array(textSchema().min(1)).min(1, "Choose the services that move to the new slice.").max(500)),
  name: sliceName,
});
export type SplitSliceInput = z.infer<typeof splitSliceSchema>;

const SLICE_STATUS_VALUES = ["planned", "preparing", "parallel_run", "shifting", "live", "done", "on_hold", "rolled_back"] as const;

/** The board's URL filters; a value that is not valid is ignored rather than an error page. */
export const boardFiltersSchema = z.object({
  team: z.preprocess(firstSearchValue, textSchema().max(200).optional()).catch(undefined),
  status: z.preprocess(firstSearchValue, z.enum(SLICE_STATUS_VALUES).optional()).catch(undefined),
  all: z.preprocess(firstSearchValue, z.literal("1").optional()).catch(undefined),
});

/** The preview page's capacity option from the URL; anything but a positive integer is no limit. */
export const previewOptionsSchema = z.object({
  capacity: z.preprocess(firstSearchValue, intFromTextSchema({ min: 1, max: 100_000 }).optional()).catch(undefined),
});

/** The programme's wave cadence; both empty clears it. `dateUndated` also dates the waves that have no dates yet. */
export const setWaveCadenceSchema = z
  .strictObject({
    waveLengthWeeks: intFromTextSchema({ min: 1, max: 52, error: "Use a whole number of weeks, 1 to 52.", tooSmall: "Use at least 1 week.", tooBig: "Use at most 52 weeks." }).optional(),
    wavesStartOn: isoDate.optional(),
    dateUndated: booleanish.optional(),
  })
  .refine((c) => (c.waveLengthWeeks === undefined) === (c.wavesStartOn === undefined), { path: ["wavesStartOn"], message: "Give both the wave length and the first wave's start, or neither." });
export type SetWaveCadenceInput = z.infer<typeof setWaveCadenceSchema>;
