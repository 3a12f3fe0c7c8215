/**
 * A programme's wave cadence: waves of a fixed length in weeks, wave 1 starting on a given day,
 * each wave starting the day after the one before ends. A plan dates the waves it creates by it;
 * without a cadence they stay "not scheduled". Pure.
 */

export type Cadence = { waveLengthWeeks: number; wavesStartOn: string };

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Wave `number`'s first and last day (YYYY-MM-DD, inclusive) under the cadence. */
export function waveDatesFor(cadence: Cadence, number: number): { plannedStart: string; plannedEnd: string } {
  const start = Date.parse(`${cadence.wavesStartOn}T00:00:00Z`) + (number - 1) * cadence.waveLengthWeeks * 7 * DAY_MS;
  return { plannedStart: iso(start), plannedEnd: iso(start + cadence.waveLengthWeeks * 7 * DAY_MS - DAY_MS) };
}

/** The cadence stored on a programme, when both its parts are set. */
export function cadenceOf(programme: { waveLengthWeeks: number | null; wavesStartOn: Date | null }): Cadence | null {
  if (!programme.waveLengthWeeks || !programme.wavesStartOn) return null;
  return { waveLengthWeeks: programme.waveLengthWeeks, wavesStartOn: programme.wavesStartOn.toISOString().slice(0, 10) };
}
