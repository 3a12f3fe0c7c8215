import { formatDateTime } from "@/lib/format";

type HistoryEvent = { id: number; at: Date; actorName: string; action: string; before: unknown; after: unknown };

const verbs: Record<string, string> = { "service.created": "created it", "service.updated": "changed", "service.deleted": "deleted it" };

const show = (v: unknown) => (v === null || v === undefined || (Array.isArray(v) && v.length === 0) ? "none" : Array.isArray(v) ? v.join(", ") : String(v));

/** The service's event history, newest first, with each changed field from and to. */
export function ServiceHistory({ events }: { events: HistoryEvent[] }) {
  if (!events.length) return <p className="text-sm text-slate-600">No recorded changes yet.</p>;
  return (
    <ol className="space-y-3">
      {events.map((e) => {
        const before = (e.before ?? {}) as Record<string, unknown>;
        const after = (e.after ?? {}) as Record<string, unknown>;
        const fields = e.action === "service.updated" ? Object.keys(after) : [];
        return (
          <li key={e.id} className="text-sm">
            <p className="text-slate-800">
              <span className="font-medium">{e.actorName}</span> {verbs[e.action] ?? e.action}
              {fields.length ? ` ${fields.join(", ")}` : ""} <time className="text-xs text-slate-500" dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            </p>
            {fields.length ? (
              <ul className="mt-1 space-y-0.5 pl-4 text-xs text-slate-600">
                {fields.map((f) => (
                  <li key={f}>
                    {f}: {show(before[f])} → {show(after[f])}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
