import { changeText, changesOf, describeLine } from "@/lib/events/describe";
import { describeBulk, groupEvents } from "@/lib/events/describe-groups";
import { bulkWork, entityLabels } from "@/lib/events/labels";
import { formatDateTime } from "@/lib/format";
import type { RecentEvent } from "@/lib/overview/queries";

/** The few changed fields a feed line has room for. */
const MAX_CHANGES = 3;

/**
 * The latest changes, each naming what it is about and, in words, what changed; bulk work (an
 * import, an applied plan) as one line with its whole counts. The overview's query hands over the
 * events; the names they refer to and the work they belong to are looked up here, as the audit
 * page does (lib/events/labels.ts).
 */
export async function RecentActivity({ events }: { events: (RecentEvent & { entityId?: string })[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  const [names, work] = await Promise.all([entityLabels(events.filter((e): e is typeof e & { entityId: string } => typeof e.entityId === "string")), bulkWork(null, events)]);
  const entries = groupEvents(events, work.keyOf);
  return (
    <ol className="space-y-3 text-sm" aria-label="Recent activity, newest first">
      {entries.map((entry) => {
        const head = entry.kind === "event" ? entry.event : entry.lead;
        const changes = entry.kind === "event" ? changesOf(entry.event, names).slice(0, MAX_CHANGES) : [];
        return (
          <li key={head.id} className="flex gap-3">
            <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
            <div className="min-w-0">
              <p>
                <span className="font-medium">{head.actorName}</span> {entry.kind === "event" ? describeLine(entry.event, names, entry.event.label) : describeBulk(entry, work.tallies.get(work.keyOf(entry.lead)))}
              </p>
              {changes.length ? (
                <ul className="mt-0.5 text-xs text-slate-700">
                  {changes.map((c) => (
                    <li key={c.field} className="break-words">
                      {changeText(c)}
                    </li>
                  ))}
                </ul>
              ) : null}
              <p className="text-xs text-slate-600">
                <time dateTime={head.at.toISOString()}>{formatDateTime(head.at)}</time>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
