/**
 * The building blocks of the event catalogue: how one action is defined, and the small
 * schemas its payloads share. Pure (zod and Ferry's vocabulary lists only), so readers in
 * client components, the seed and the reports can all use it.
 */
import * as z from "zod";
import { SLICE_STATUSES, STAGES } from "@/lib/slices/stages";

/** What an event can be about; the `entityType` column. */
export const ENTITY_TYPES = [
  "programme",
  "team",
  "user",
  "membership",
  "api_token",
  "invitation",
  "service",
  "dependency",
  "slice",
  "wave",
  "checklist_template",
  "checklist_item",
  "facility",
  "report_note",
  "report_week",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * One way an action's `before` and `after` can look. A side left out is stored as NULL (a
 * creation has no before). Most actions have one shape; an action written by two kinds of
 * writer (a form and an import, say) lists one shape per writer.
 */
export type PayloadShape = { before?: z.ZodType; after?: z.ZodType };

type Side<S, K extends "before" | "after", Mode extends "in" | "out"> = S extends { [P in K]: infer T extends z.ZodType } ? (Mode extends "in" ? z.input<T> : z.output<T>) : null;
// Distributive over the shapes, so each one stays a whole {before, after} pair.
type Payload<S, Mode extends "in" | "out"> = S extends PayloadShape ? { before: Side<S, "before", Mode>; after: Side<S, "after", Mode> } : never;

/** One catalogue entry: the entity the action is about, and the schema of its stored payload. */
export type EventDefinition<E extends EntityType = EntityType, Out = unknown, In = Out> = {
  entityType: E;
  /** Parses `{ before, after }` as stored (NULL for a side the action does not write). */
  payload: z.ZodType<Out, In>;
};

/** Defines an action: its entity type and the shapes of its payload. */
export function defineEvent<const E extends EntityType, const S extends readonly [PayloadShape, ...PayloadShape[]]>(
  entityType: E,
  ...shapes: S
): EventDefinition<E, Payload<S[number], "out">, Payload<S[number], "in">> {
  const objects = shapes.map((s) => z.strictObject({ before: s.before ?? z.null(), after: s.after ?? z.null() }));
  const payload = objects.length === 1 ? objects[0] : z.union(objects as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  return { entityType, payload: payload as unknown as z.ZodType<Payload<S[number], "out">, Payload<S[number], "in">> };
}

// Shared pieces. Payloads are records of what happened, so text is any string: the input
// schemas (forms, REST, imports) already decided what was allowed in.
export const text = z.string();
export const nullableText = z.string().nullable();
export const id = z.string().min(1);
export const count = z.int().nonnegative();
export const whole = z.int();
export const names = z.array(z.string());
/** A calendar date as events spell it: YYYY-MM-DD. */
export const day = z.iso.date();
export const stage = z.enum(STAGES);
export const sliceStatus = z.enum(SLICE_STATUSES);
/** An instant as events spell it: UTC ISO 8601 (what toISOString writes). */
export const instant = z.iso.datetime();
