import type { AuditRow } from "@/lib/audit/queries";
import { changesOf, describeLine, objectOf, type FieldChange, type Names } from "@/lib/events/describe";
import { describeBulk, groupEvents, type ActionCounts } from "@/lib/events/describe-groups";
import { Fragment } from "react";
import { capitalise, formatDateTime } from "@/lib/format";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * An action's code ("checklist_item.ticked"), as the CSV export and the API name it, able to
 * wrap after its dots and underscores (not mid-word) in a narrow column; copied, it is still the code.
 */
function ActionCode({ action }: { action: string }) {
  return action.split(/(?<=[._])/).map((part, i) => (
    <Fragment key={i}>
      {i ? <wbr /> : null}
      {part}
    </Fragment>
  ));
}

/** What the event is about: its kind, then its name. */
function On({ object: { kind, name } }: { object: ReturnType<typeof objectOf> }) {
  return (
    <>
      <span className="block text-xs text-slate-600">{capitalise(kind)}</span>
      <span className="font-medium text-slate-900">{name ?? <span className="font-normal text-slate-600">no longer in Ferry</span>}</span>
    </>
  );
}

/** Each changed field: its name, what it was and what it became, in words. */
function Changes({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs">
      {changes.map((c) => (
        <div key={c.field} className="contents">
          <dt className="font-medium text-slate-600">{c.field}</dt>
          <dd className="text-slate-800">
            {c.from === null ? (
              c.to
            ) : c.to === null ? (
              <>
                {c.from} <span className="text-slate-600">(removed)</span>
              </>
            ) : (
              <>
                <span className="text-slate-600 line-through decoration-slate-400">{c.from}</span> <span aria-hidden="true">→</span>
                <span className="sr-only"> changed to </span> <span>{c.to}</span>
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

const cell = "px-3 py-2 align-top max-md:block";

/**
 * The audit log: every row names what it is about and says what happened in words, with each
 * changed field before and after; bulk work (an import, an applied plan) is one row that opens
 * onto its events.
 */
type Work = {
  /** Which piece of work (request) an event belongs to. */
  keyOf: (e: AuditRow) => string;
  /** Each piece's counts in all: a page may hold part of it. */
  tallies: ReadonlyMap<string, ActionCounts>;
};

export function AuditTable({ rows, names, work }: { rows: AuditRow[]; names: Names; work: Work }) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No events match these filters.</p>;
  return (
    // Below 768 px each event reads as a card (what changed first in view); wider, a table.
    <ScrollRegion label="Audit events" className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm max-md:block md:min-w-[44rem]">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50 text-left text-slate-600 max-md:hidden">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">Action</th>
            <th scope="col" className="px-3 py-2 font-medium">On</th>
            <th scope="col" className="px-3 py-2 font-medium">What changed</th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          {groupEvents(rows, work.keyOf).map((entry) => {
            const head = entry.kind === "event" ? entry.event : entry.lead;
            const whole = entry.kind === "bulk" ? work.tallies.get(work.keyOf(entry.lead)) : undefined;
            const total = whole?.reduce((n, t) => n + t.count, 0) ?? 0;
            const object = objectOf(head, names);
            return (
              <tr key={head.id} className="border-t border-slate-100 max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:gap-y-1 max-md:py-2 first:max-md:border-t-0">
                <td className={`${cell} whitespace-nowrap text-slate-700`}>
                  <time dateTime={head.at.toISOString()}>{formatDateTime(head.at)}</time>
                </td>
                <td className={cell}>{head.actorName}</td>
                <td className={`${cell} break-words font-mono text-xs max-md:col-span-2 max-md:py-0`}>
                  <ActionCode action={head.action} />
                </td>
                {/* On a phone the line below names a single event's object already; kept for
                    bulk rows and for objects since deleted, which it cannot name. */}
                <td className={`${cell} max-md:col-span-2 max-md:py-0 ${entry.kind === "event" && object.name !== null ? "max-md:hidden" : ""}`}>
                  <On object={object} />
                </td>
                <td className={`${cell} max-md:col-span-2 max-md:pt-0`}>
                  {entry.kind === "event" ? (
                    <>
                      <p className="text-slate-900">{describeLine(entry.event, names)}</p>
                      <Changes changes={changesOf(entry.event, names)} />
                    </>
                  ) : (
                    <>
                      <p className="text-slate-900">{describeBulk(entry, whole)}</p>
                      <details className="mt-1 text-xs">
                        <summary className="cursor-pointer text-brand-700">
                          Show the {entry.events.length} changes{total > entry.events.length ? ` on this page (of ${total})` : ""}
                          <span className="sr-only"> of this {entry.lead.action === "inventory.imported" ? "import" : "bulk change"}</span>
                        </summary>
                        <ol tabIndex={0} aria-label={`The ${entry.events.length} changes`} className="mt-1 max-h-72 list-disc space-y-0.5 overflow-y-auto pl-5 text-slate-800">
                          {entry.events.map((e) => (
                            <li key={e.id}>{describeLine(e, names)}</li>
                          ))}
                        </ol>
                      </details>
                    </>
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
