import type { ImportReport } from "@/lib/inventory/schemas";

const MAX_LISTED = 50;

function Names({ label, names }: { label: string; names: string[] }) {
  if (!names.length) return null;
  return (
    <div>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">
        {label} ({names.length})
      </h4>
      <p className="mt-0.5 text-sm text-slate-800">
        {names.slice(0, MAX_LISTED).join(", ")}
        {names.length > MAX_LISTED ? ` and ${names.length - MAX_LISTED} more` : ""}
      </p>
    </div>
  );
}

/** What an import does (or would do): counts, then per kind of entity what is created, changed and removable. */
export function ImportPreview({ report, title }: { report: ImportReport; title: string }) {
  const c = report.changes;
  const applied = report.applied;
  return (
    <section aria-labelledby="import-report-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="import-report-title" className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <p className="text-sm text-slate-800" data-testid="import-summary">
        {applied ? "Created" : "Would create"} {report.created}, {applied ? "updated" : "would update"} {report.updated}, unchanged {report.unchanged}
        {report.removable ? `, ${report.removable} missing from the file` : ""}
        {applied && report.removed ? `, removed ${report.removed}` : ""}.
      </p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <Names label={applied ? "Services created" : "Services to create"} names={c.services.create} />
        <Names label={applied ? "Services updated" : "Services to update"} names={c.services.update.map((u) => `${u.name} (${u.fields.join(", ")})`)} />
        <Names label="Services that would remove" names={c.services.remove} />
        <Names label={applied ? "Teams created" : "Teams to create"} names={c.teams.create} />
        <Names label="Teams that would remove" names={c.teams.remove} />
        <Names label={applied ? "Dependencies added" : "Dependencies to add"} names={c.dependencies.create.map((d) => `${d.from} → ${d.to} (${d.kind})`)} />
        <Names label="Dependencies retyped" names={c.dependencies.update.map((d) => `${d.from} → ${d.to} (${d.was} to ${d.kind})`)} />
        <Names label="Dependencies that would remove" names={c.dependencies.remove.map((d) => `${d.from} → ${d.to}`)} />
      </div>
      {report.warnings.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Skipped ({report.warnings.length})</h3>
          <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
            {report.warnings.slice(0, MAX_LISTED).map((w, i) => (
              <li key={i}>
                Line {w.line}: {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
