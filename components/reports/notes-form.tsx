"use client";

import type { ReportNotes, WeekKey } from "@/lib/reports/types";
import { buttonClass, TextareaField } from "@/components/ui/field";
import { FormAlert, useActionForm, type FormAction } from "@/components/ui/form";
import { MAX_NOTE_LENGTH } from "@/lib/reports/schemas";

/**
 * The manager's notes and asks for one week, in the house form (ADR 31): what was typed
 * survives a refused save, each error shows under its field. Plain text: shown as typed
 * everywhere, never as markup.
 */
export function NotesForm({ action, week, notes }: { action: FormAction<unknown>; week: WeekKey; notes: ReportNotes }) {
  const form = useActionForm(action);
  return (
    <form {...form.props} aria-label="Notes and asks" className="space-y-3">
      <input type="hidden" name="week" value={week} />
      <TextareaField
        id="report-notes"
        name="notes"
        label="Notes"
        hint={`What stakeholders should know this week. Plain text, up to ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`}
        rows={4}
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={form.valueOf("notes", notes.notes)}
        errors={form.errorsOf("notes")}
      />
      <TextareaField
        id="report-asks"
        name="asks"
        label="Asks"
        hint="What you need from stakeholders: decisions, people, unblocking."
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        defaultValue={form.valueOf("asks", notes.asks)}
        errors={form.errorsOf("asks")}
      />
      <FormAlert form={form} success="Notes saved." label="Notes result" />
      <button type="submit" className={buttonClass} disabled={form.isPending}>
        {form.isPending ? "Saving…" : "Save notes"}
      </button>
      <NotesStamp notes={notes} />
    </form>
  );
}

/** Who last saved the notes, and when. */
export function NotesStamp({ notes }: { notes: ReportNotes }) {
  if (!notes.updatedAt) return null;
  return (
    <p className="text-xs text-slate-500">
      Last saved {new Date(notes.updatedAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC{notes.author ? ` by ${notes.author}` : ""}
    </p>
  );
}
