import { describeEvent } from "@/lib/events/describe";
import { formatDateTime } from "@/lib/format";
import type { RecentEvent } from "@/lib/overview/queries";

export function RecentActivity({ events }: { events: RecentEvent[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {events.map((e) => (
        <li key={e.id} className="flex gap-3">
          <span aria-hidden="true" className="mt-1.5 h-2 w-2 shrink-0 rounded-full bg-brand-500" />
          <div>
            <p>
              <span className="font-medium">{e.actorName}</span> {describeEvent(e, e.label)}
            </p>
            <p className="text-xs text-slate-500">
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
