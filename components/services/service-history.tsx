import { changeText, type FieldChange } from "@/lib/events/describe-changes";
import { formatDateTime } from "@/lib/format";

type HistoryEvent = { id: number; at: Date; actorName: string; action: string; changes: FieldChange[] };

const verbs: Record<string, string> = { "service.created": "created it", "service.updated": "changed it", "service.deleted": "deleted it" };

/**
 * The service's event history, newest first: who, when, and each changed field from and to,
 * worded as the audit log words them (lib/events/describe-changes.ts).
 */
export function ServiceHistory({ events }: { events: HistoryEvent[] }) {
  if (!events.length) return <p className="text-sm text-slate-600">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3">
      {events.map((e) => {
        // A creation lists what it set; only an edit is worth its field list here.
        const changes = e.action === "service.updated" ? e.changes : [];
        return (
          <li key={e.id} className="text-sm">
            <p className="text-slate-800">
              <span className="font-medium">{e.actorName}</span> {verbs[e.action] ?? e.action.replace(/^service\./, "").replace(/_/g, " ")}{" "}
              <time className="text-xs text-slate-500" dateTime={e.at.toISOString()}>
                {formatDateTime(e.at)}
              </time>
            </p>
            {changes.length ? (
              <ul className="mt-1 space-y-0.5 pl-4 text-xs text-slate-600">
                {changes.map((c) => (
                  <li key={c.field}>{changeText(c)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
