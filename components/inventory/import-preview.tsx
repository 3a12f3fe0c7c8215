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

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const NOUNS = { services: ["service", "services"], teams: ["team", "teams"], dependencies: ["dependency", "dependencies"] } as const;

/** One kind's counts in words: "12 to create, 1 to update, 2 missing from the file". */
function kindCounts(report: ImportReport, kind: keyof typeof NOUNS): string {
  const c = report.changes[kind];
  const applied = report.applied;
  const parts = [
    c.create.length ? `${c.create.length} ${applied ? "created" : "to create"}` : null,
    c.update.length ? `${c.update.length} ${applied ? "updated" : "to update"}` : null,
    c.remove.length ? `${c.remove.length} ${applied ? (report.removed ? "removed" : "missing from the file, kept") : "missing from the file"}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "no change";
}

/**
 * The whole in one sentence, each kind counted on its own ("Would create 12 services, 4 teams and
 * 9 dependencies; would update 1 service"): one number for services, teams and dependencies together
 * said nothing about any of them.
 */
function summaryOf(report: ImportReport): string {
  const c = report.changes;
  const list = (verb: "create" | "update" | "remove") =>
    (Object.keys(NOUNS) as (keyof typeof NOUNS)[]).filter((k) => c[k][verb].length).map((k) => count(c[k][verb].length, NOUNS[k][0], NOUNS[k][1]));
  const join = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);
  const created = list("create");
  const updated = list("update");
  const applied = report.applied;
  const parts = [
    created.length ? `${applied ? "Created" : "Would create"} ${join(created)}` : null,
    updated.length ? `${applied ? "updated" : "would update"} ${join(updated)}` : null,
    report.unchanged ? `${report.unchanged} unchanged` : null,
    report.removable ? `${report.removable} missing from the file` : null,
    applied && report.removed ? `removed ${report.removed}` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return applied ? "Nothing changed." : "Would change nothing.";
  const sentence = parts.join("; ");
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** What an import does (or would do): counts per kind, then per kind of entity what is created, changed and removable. */
export function ImportPreview({ report, title }: { report: ImportReport; title: string }) {
  const c = report.changes;
  const applied = report.applied;
  return (
    <section aria-labelledby="import-report-title" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="import-report-title" className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <p className="text-sm text-slate-800" data-testid="import-summary">
        {summaryOf(report)}
      </p>
      <div role="group" aria-label="Counts by kind">
      <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-3">
        {(["services", "teams", "dependencies"] as const).map((kind) => (
          <div key={kind} className="rounded-md border border-slate-200 p-2">
            <dt className="font-medium capitalize text-slate-900">{kind}</dt>
            <dd className="text-slate-700">{kindCounts(report, kind)}</dd>
          </div>
        ))}
      </dl>
      </div>
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
