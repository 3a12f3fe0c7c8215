/** Events about waves and the platform facilities they require. */
import * as z from "zod";
import { FACILITY_STATUSES } from "@/lib/facilities/schemas";
import { day, defineEvent, names, nullableText, text, whole } from "./kit";

const waveFields = z.strictObject({ number: whole, name: nullableText, goal: nullableText, plannedStart: day.nullable(), plannedEnd: day.nullable() });

/** A wave as a Ferry JSON backup holds it (written by a restore). */
const importedWave = z.strictObject({
  number: whole,
  name: nullableText.optional(),
  goal: nullableText.optional(),
  plannedStart: day.nullable().optional(),
  plannedEnd: day.nullable().optional(),
  facilities: names,
});

const facilityStatus = z.enum(FACILITY_STATUSES);
const facilityFields = z.strictObject({ key: text, status: facilityStatus, ownerTeamId: nullableText, notes: nullableText });

/** A facility as a Ferry JSON backup holds it (written by a restore). */
const importedFacility = z.strictObject({
  key: text,
  name: text,
  description: nullableText.optional(),
  status: facilityStatus,
  ownerTeam: nullableText.optional(),
  notes: nullableText.optional(),
});

export const planEvents = {
  "wave.created": defineEvent(
    "wave",
    { after: z.strictObject({ number: whole, by: z.literal("plan") }) },
    { after: importedWave },
    /** Made by a plan in a programme with a wave cadence, which dated it. */
    { after: z.strictObject({ number: whole, by: z.literal("plan"), plannedStart: day, plannedEnd: day }) },
  ),
  "wave.updated": defineEvent("wave", { before: waveFields, after: waveFields }, { after: importedWave }),
  "wave.facilities_changed": defineEvent("wave", {
    before: z.strictObject({ number: whole, facilities: names }),
    after: z.strictObject({ number: whole, facilities: names }),
  }),

  "facility.created": defineEvent("facility", { after: importedFacility }),
  "facility.updated": defineEvent("facility", { before: facilityFields, after: facilityFields }, { after: importedFacility }),
  /** The same edit as facility.updated, when it changed the status (reports follow readiness). */
  "facility.status_changed": defineEvent("facility", { before: facilityFields, after: facilityFields }),
};
