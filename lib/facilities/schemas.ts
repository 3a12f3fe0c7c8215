/** Zod schemas of the platform facilities domain. */
import { z } from "zod";
import { intFromTextSchema } from "@/lib/validation/number";
import { textSchema } from "@/lib/validation/text";

export const FACILITY_STATUSES = ["not_started", "in_progress", "ready"] as const;

export const facilityStatusLabel: Record<(typeof FACILITY_STATUSES)[number], string> = { not_started: "Not started", in_progress: "In progress", ready: "Ready" };

/** A facility's status, owner team (empty: none) and notes. */
export const updateFacilitySchema = z.strictObject({
  key: textSchema().trim().min(1).max(100),
  status: z.enum(FACILITY_STATUSES, { error: "Choose a status." }),
  ownerTeamId: textSchema().trim().max(100).optional(),
  notes: textSchema({ multiline: true }).trim().max(1_000, "Keep the notes under 1,000 characters.").optional(),
});
export type UpdateFacilityInput = z.infer<typeof updateFacilitySchema>;

/** The facilities one wave requires, by key (none listed: it requires none). */
export const setWaveFacilitiesSchema = z.strictObject({
  wave: intFromTextSchema({ min: 1, max: 10_000 }),
  facilityKeys: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(textSchema().trim().min(1).max(100)).max(100)),
});
export type SetWaveFacilitiesInput = z.infer<typeof setWaveFacilitiesSchema>;
