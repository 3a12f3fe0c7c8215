import { diffEvent } from "@/lib/audit/diff";
import type { AuditRow } from "@/lib/audit/queries";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatDateTime } from "@/lib/format";

export function AuditTable({ rows, labels }: { rows: AuditRow[]; labels: Map<string, string> }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No events match these filters.</p>;
  return (
    <ScrollRegion label="Audit events" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">Action</th>
            <th scope="col" className="px-3 py-2 font-medium">On</th>
            <th scope="col" className="px-3 py-2 font-medium">Changes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => {
            const changes = diffEvent(e);
            return (
              <tr key={e.id} className="border-t border-slate-100 align-top">
                <td className="whitespace-nowrap px-3 py-2 text-slate-700">
                  <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time>
                </td>
                <td className="px-3 py-2">{e.actorName}</td>
                <td className="px-3 py-2 font-mono text-xs">{e.action}</td>
                <td className="px-3 py-2">
                  {labels.get(`${e.entityType}:${e.entityId}`) ?? <span className="text-slate-500">{e.entityType.replace(/_/g, " ")}</span>}
                </td>
                <td className="px-3 py-2">
                  {changes.length === 0 ? (
                    <span className="text-slate-500">—</span>
                  ) : (
                    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
                      {changes.map((c) => (
                        <div key={c.field} className="contents">
                          <dt className="font-medium text-slate-600">{c.field}</dt>
                          <dd>
                            <span className="text-slate-500 line-through decoration-slate-400">{c.from}</span> <span aria-hidden="true">→</span>
                            <span className="sr-only"> changed to </span> <span>{c.to}</span>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
