import { Link } from "@/components/ui/link";
import { formatDate } from "@/lib/format";
import type { BoardColumn } from "@/lib/waves/board";

const facilityStatusLabel = { ready: "ready", in_progress: "in progress", not_started: "not started" } as const;
const day = (iso: string) => formatDate(new Date(`${iso}T00:00:00Z`));

/** A wave's dates as people say them: a range, one end, or "not scheduled" (never "no date – no date"). */
export function waveDates(start: string | null, end: string | null): string | null {
  if (start && end) return `${day(start)} – ${day(end)}`;
  if (start) return `from ${day(start)}`;
  if (end) return `until ${day(end)}`;
  return null;
}

/** A wave's title, dates, goal, required facilities and readiness warning. */
export function WaveColumnHeader({ column, slug, canEdit }: { column: BoardColumn; slug: string; canEdit: boolean }) {
  const title = `Wave ${column.number}${column.name ? `: ${column.name}` : ""}`;
  return (
    <header className="space-y-2 border-b border-slate-200 pb-3">
      <div className="flex items-start justify-between gap-2">
        <h2 id={`wave-${column.number}-title`} className="font-semibold text-slate-900">
          {title}
        </h2>
        {canEdit ? (
          <Link href={`/p/${slug}/waves/${column.number}/edit`} className="shrink-0 text-xs font-medium text-brand-700 underline" aria-label={`Edit wave ${column.number}`}>
            Edit
          </Link>
        ) : null}
      </div>
      <p className="text-xs text-slate-600">
        {waveDates(column.plannedStart, column.plannedEnd) ?? (
          <>
            Not scheduled
            {canEdit ? (
              <>
                {" "}
                (
                <Link href={`/p/${slug}/waves/${column.number}/edit`} className="text-brand-700 underline">
                  set its dates<span className="sr-only"> for wave {column.number}</span>
                </Link>
                )
              </>
            ) : null}
          </>
        )}{" "}
        · {column.matching === column.total ? `${column.total} slice${column.total === 1 ? "" : "s"}` : `${column.matching} of ${column.total} slices match`}
      </p>
      {column.goal ? <p className="text-xs text-slate-700">{column.goal}</p> : null}
      {column.facilities.length > 0 ? (
        <details className="text-xs text-slate-700">
          <summary className="cursor-pointer">Needs {column.facilities.length} facilit{column.facilities.length === 1 ? "y" : "ies"}</summary>
          <ul className="mt-1 space-y-0.5">
            {column.facilities.map((f) => (
              <li key={f.key}>
                {f.name}: <span className={f.status === "ready" ? "text-emerald-800" : "font-medium text-amber-800"}>{facilityStatusLabel[f.status]}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {column.unready.length > 0 ? (
        <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          <strong>Warning:</strong> {column.unready.join(", ")} not ready
        </p>
      ) : null}
    </header>
  );
}
