import type { ReportNotes } from "@/lib/reports/types";
import { NotesStamp } from "./notes-form";

/** The notes and asks as plain text for readers who cannot edit them (React escapes them). */
export function NotesText({ notes }: { notes: ReportNotes }) {
  if (!notes.notes && !notes.asks) return <p className="text-sm text-slate-600">No notes or asks for this week.</p>;
  return (
    <div className="space-y-3 text-sm">
      <div>
        <h3 className="font-medium text-slate-900">Notes</h3>
        <p className="whitespace-pre-wrap break-words text-slate-800">{notes.notes || "None."}</p>
      </div>
      <div>
        <h3 className="font-medium text-slate-900">Asks</h3>
        <p className="whitespace-pre-wrap break-words text-slate-800">{notes.asks || "None."}</p>
      </div>
      <NotesStamp notes={notes} />
    </div>
  );
}
