/** Events about slices: stage moves and rollbacks, status, waves, merges and splits, rollout readings. */
import * as z from "zod";
import { ROLLOUT_KINDS } from "@/lib/rollouts/types";
import { ROLLBACK_SIGNALS } from "@/lib/slices/stage-machine";
import { count, day, defineEvent, id, instant, names, nullableText, sliceStatus, stage, text, whole } from "./kit";

/** Where a slice stood: the `before` of every stage and status event. */
const standing = z.strictObject({ stage, status: sliceStatus });

const placement = { pinnedWave: whole.nullable(), pinReason: nullableText };

/** A slice as a Ferry JSON backup holds it, without its checklist (written by a restore). */
const importedSlice = z.strictObject({
  name: text,
  team: text,
  wave: whole.nullable().optional(),
  status: sliceStatus,
  stage,
  services: names,
  plannedStart: day.nullable().optional(),
  plannedEnd: day.nullable().optional(),
  actualStart: instant.nullable().optional(),
  actualEnd: instant.nullable().optional(),
  rollbackPlan: nullableText.optional(),
  rollbackRehearsedAt: instant.nullable().optional(),
  pinnedWave: whole.nullable().optional(),
  pinReason: nullableText.optional(),
});

export const sliceEvents = {
  "slice.stage_moved": defineEvent("slice", {
    before: standing,
    after: z.strictObject({
      stage,
      status: sliceStatus,
      kind: z.enum(["advance", "skip"]),
      reason: text.optional(),
      /** Stages a manager's skip jumped over, in order. */
      skipped: z.array(stage).optional(),
    }),
  }),
  "slice.rolled_back": defineEvent("slice", {
    before: standing,
    after: z.strictObject({
      stage,
      status: sliceStatus,
      kind: z.literal("rollback"),
      reason: text,
      signal: z.enum(ROLLBACK_SIGNALS).optional(),
      /** The value that tripped the rollback, as the operator saw it. */
      observed: text.optional(),
    }),
  }),
  /** The status that follows a checklist change (a tick, a template applied or synced), with its cause. */
  "slice.status_changed": defineEvent("slice", { before: standing, after: z.strictObject({ stage, status: sliceStatus, reason: text }) }),
  "slice.checklist_applied": defineEvent("slice", {
    after: z.strictObject({ templateId: id, template: text, slices: count, added: count, updated: count, removed: count, kept: count, followUps: count.optional(), skipped: count.optional() }),
  }),
  "slice.rollout_read": defineEvent("slice", {
    after: z.strictObject({
      readingId: id,
      sourceKind: z.enum(ROLLOUT_KINDS),
      name: text,
      weight: whole,
      phase: text,
      healthy: z.boolean(),
      proposed: stage,
      proposedKind: z.enum(["advance", "rollback", "none"]),
    }),
  }),
  /** A move on the wave board (`breaks`: the slices whose order it broke, so it became a pin) or by an applied plan. */
  "slice.wave_changed": defineEvent("slice", {
    before: z.strictObject({ wave: whole.nullable(), ...placement }),
    after: z.strictObject({ wave: whole, ...placement, breaks: names.optional(), reason: text.optional() }),
  }),
  "slice.created": defineEvent(
    "slice",
    { after: z.strictObject({ name: text, services: names, splitFrom: id }) },
    { after: z.strictObject({ name: text, team: text, wave: whole, services: names, by: z.literal("plan") }) },
    { after: importedSlice },
    /** Made by a manager from chosen services (the slice editor). */
    { after: z.strictObject({ name: text, team: text, wave: whole.nullable(), services: names, by: z.literal("form") }) },
  ),
  "slice.renamed": defineEvent("slice", { before: z.strictObject({ name: text }), after: z.strictObject({ name: text }) }),
  /** Services added to or taken out of a slice by hand (merges and splits have their own events). */
  "slice.services_changed": defineEvent("slice", { before: z.strictObject({ services: names }), after: z.strictObject({ services: names, added: names, removed: names }) }),
  "slice.rollback_plan_changed": defineEvent("slice", { before: z.strictObject({ rollbackPlan: nullableText }), after: z.strictObject({ rollbackPlan: nullableText }) }),
  /** A rehearsal of the rollback, with when it happened and what was learnt. */
  "slice.rollback_rehearsed": defineEvent("slice", { before: z.strictObject({ rehearsedAt: instant.nullable() }), after: z.strictObject({ rehearsedAt: instant, notes: text.optional() }) }),
  /** A manager lifted the slice's pin: the next plan places it by the order again. */
  "slice.pin_lifted": defineEvent("slice", { before: z.strictObject({ pinnedWave: whole, pinReason: nullableText }), after: z.strictObject({ wave: whole.nullable() }) }),
  "slice.updated": defineEvent("slice", { after: importedSlice }),
  "slice.split": defineEvent("slice", { before: z.strictObject({ services: names }), after: z.strictObject({ services: names, splitOff: text }) }),
  "slice.merged": defineEvent("slice", {
    before: z.strictObject({ name: text, wave: whole.nullable(), services: names }),
    after: z.strictObject({ name: text, wave: whole.nullable(), services: names, merged: names }),
  }),
  /** Merged into another slice: the only way a slice is deleted. */
  "slice.deleted": defineEvent("slice", { before: z.strictObject({ name: text, services: names }), after: z.strictObject({ mergedInto: id }) }),
};
