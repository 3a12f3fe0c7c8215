"use server";
/** Server-action adapters for the weekly report page; the form binds the programme slug. */
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import type { ActionResult } from "@/lib/actions/result";
import { closeReportWeek } from "./mutations/close-report-week";
import { saveReportNotes } from "./mutations/save-report-notes";
import { setReportTimeZone } from "./mutations/set-report-time-zone";
import { closeReportWeekSchema, saveReportNotesSchema, setReportTimeZoneSchema } from "./schemas";
import type { ReportNotes } from "./types";

// The week's page shows the notes and the closed state; the overview links to it.
const revalidateReports = (programmeSlug: string) => revalidatePath(`/p/${encodeURIComponent(programmeSlug)}/reports`, "layout");

/** Saves the manager's notes and asks for one week. */
export async function saveReportNotesAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<ReportNotes>> {
  const result = await defineAction(saveReportNotesSchema, (actor, input) => saveReportNotes(actor, programmeSlug, input))(form);
  if (result.ok) revalidateReports(programmeSlug);
  return result.ok ? { ...result, message: "Notes saved." } : result;
}

/** Closes an ended week: its report is stored as issued, with its notes. */
export async function closeReportWeekAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ week: string; closedAt: string }>> {
  const result = await defineAction(closeReportWeekSchema, (actor, input) => closeReportWeek(actor, programmeSlug, input))(form);
  if (result.ok) revalidateReports(programmeSlug);
  return result.ok ? { ...result, message: `${result.data.week} closed.` } : result;
}

/** Sets the time zone the programme's weeks are counted in. */
export async function setReportTimeZoneAction(programmeSlug: string, _previous: unknown, form: FormData): Promise<ActionResult<{ timeZone: string }>> {
  const result = await defineAction(setReportTimeZoneSchema, (actor, input) => setReportTimeZone(actor, programmeSlug, input))(form);
  // The overview counts its weeks in the zone too.
  if (result.ok) revalidatePath(`/p/${encodeURIComponent(programmeSlug)}`, "layout");
  return result;
}
