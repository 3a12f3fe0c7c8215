import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { recordEvent } from "@/lib/events/record";
import { dateToDb } from "@/lib/validation/date";
import { cadenceOf, waveDatesFor } from "../cadence";
import type { SetWaveCadenceInput } from "../schemas";
import { lockProgramme } from "./shared";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * Sets (or clears) the programme's wave cadence, which a plan dates the waves it creates by
 * (managers: wave.edit). With `dateUndated`, waves that have neither date get the cadence's,
 * each recorded as a wave edit; waves with dates keep them.
 */
export async function setWaveCadence(actor: Actor, programmeSlug: string, input: SetWaveCadenceInput): Promise<{ dated: number }> {
  const programme = await authorize(actor, programmeSlug, "wave.edit");
  return db.$transaction(async (tx) => {
    await lockProgramme(tx, programme.id);
    const before = await tx.programme.findUniqueOrThrow({ where: { id: programme.id }, select: { waveLengthWeeks: true, wavesStartOn: true } });
    const after = { waveLengthWeeks: input.waveLengthWeeks ?? null, wavesStartOn: input.wavesStartOn ? dateToDb(input.wavesStartOn) : null };
    if (before.waveLengthWeeks !== after.waveLengthWeeks || day(before.wavesStartOn) !== day(after.wavesStartOn)) {
      await tx.programme.update({ where: { id: programme.id }, data: after });
      await recordEvent(tx, actor, {
        programmeId: programme.id,
        entityType: "programme",
        entityId: programme.id,
        action: "programme.cadence_changed",
        before: { waveLengthWeeks: before.waveLengthWeeks, wavesStartOn: day(before.wavesStartOn) },
        after: { waveLengthWeeks: after.waveLengthWeeks, wavesStartOn: day(after.wavesStartOn) },
      });
    }
    const cadence = cadenceOf(after);
    if (!input.dateUndated || !cadence) return { dated: 0 };
    const undated = await tx.wave.findMany({ where: { programmeId: programme.id, plannedStart: null, plannedEnd: null }, orderBy: { number: "asc" }, select: { id: true, number: true, name: true, goal: true } });
    for (const w of undated) {
      const dates = waveDatesFor(cadence, w.number);
      await tx.wave.update({ where: { id: w.id }, data: { plannedStart: dateToDb(dates.plannedStart), plannedEnd: dateToDb(dates.plannedEnd) } });
      const fields = { number: w.number, name: w.name, goal: w.goal };
      await recordEvent(tx, actor, { programmeId: programme.id, entityType: "wave", entityId: w.id, action: "wave.updated", before: { ...fields, plannedStart: null, plannedEnd: null }, after: { ...fields, ...dates } });
    }
    return { dated: undated.length };
  });
}
