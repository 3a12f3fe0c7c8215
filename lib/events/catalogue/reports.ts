/** Events about the weekly stakeholder report: the manager's notes and asks, closed weeks, the time zone weeks are counted in. */
import * as z from "zod";
import { defineEvent, instant, text } from "./kit";

/** An ISO week as users spell it ("2026-W47"). */
const week = z.string().regex(/^\d{4}-W\d{2}$/);
const note = z.strictObject({ week, notes: text, asks: text });

export const reportEvents = {
  /** The notes and asks of one week, whole on both sides (a first save's before is empty text). The entity is the ReportNote row. */
  "report_note.updated": defineEvent("report_note", { before: note, after: note }),
  /** A week closed: its report stored as issued. The entity id is the week key; `start`/`end` bound the week in the programme's time zone. */
  "report_week.closed": defineEvent("report_week", { after: z.strictObject({ week, start: instant, end: instant, timeZone: text }) }),
  /** The time zone the programme's weeks are counted in (IANA name). */
  "programme.time_zone_changed": defineEvent("programme", { before: z.strictObject({ timeZone: text }), after: z.strictObject({ timeZone: text }) }),
};
