/** Events about a programme as a whole: its creation, its fields, plans applied, imports and restores. */
import * as z from "zod";
import { IMPORT_FORMATS } from "@/lib/inventory/schemas";
import { count, day, defineEvent, names, nullableText, text, whole } from "./kit";

const programmeFields = z.strictObject({ name: text, description: nullableText, targetDate: day.nullable(), environments: names });

const cadence = z.strictObject({ waveLengthWeeks: whole.nullable(), wavesStartOn: day.nullable() });

export const programmeEvents = {
  /** The wave cadence a plan dates new waves by (null: none). */
  "programme.cadence_changed": defineEvent("programme", { before: cadence, after: cadence }),
  "programme.created": defineEvent("programme", { after: z.strictObject({ slug: text, name: text, targetDate: day.nullable() }) }),
  /** A backup restored the programme's own fields (the slug stays the target's). */
  "programme.updated": defineEvent("programme", { before: programmeFields, after: programmeFields }),
  "programme.plan_applied": defineEvent("programme", {
    after: z.strictObject({
      capacityPerTeam: whole.nullable(),
      waves: count,
      moved: count,
      created: count,
      wavesCreated: z.array(whole),
      violations: count,
    }),
  }),
  /** Written after the restored history; the ids bound the events that came from the file (ADR 0020). */
  "programme.restored": defineEvent("programme", {
    after: z.strictObject({
      restoredEvents: count,
      firstEventId: whole,
      lastEventId: whole,
      peopleCreated: names,
      membershipsDropped: names,
    }),
  }),
  "inventory.imported": defineEvent("programme", {
    after: z.strictObject({ format: z.enum(IMPORT_FORMATS), created: count, updated: count, unchanged: count, removed: count }),
  }),
};
