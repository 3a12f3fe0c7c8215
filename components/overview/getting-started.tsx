import { Link } from "@/components/ui/link";
import { buttonClass, secondaryButtonClass } from "@/components/ui/field";

/**
 * An empty programme's overview: there is nothing to chart yet, so it says what comes first
 * (the inventory, then the plan) and leads there. Viewers and leads learn who does it.
 */
export function GettingStarted({ slug, canImport, hasServices }: { slug: string; canImport: boolean; hasServices: boolean }) {
  const base = `/p/${slug}`;
  return (
    <section aria-labelledby="getting-started" className="rounded-lg border border-dashed border-slate-300 bg-white p-6">
      <h2 id="getting-started" className="text-lg font-semibold text-slate-900">
        {hasServices ? "Next: plan the waves" : "This programme is empty"}
      </h2>
      <p className="mt-1 max-w-prose text-sm text-slate-700">
        Progress, the burn-up and the forecast appear once there are slices to move. Two steps get there: bring in the legacy estate, then let the planner cut it into waves and slices from
        its dependency graph.
      </p>
      <ol className="mt-4 space-y-4 text-sm">
        <li className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <span>
            <span className="font-medium text-slate-900">1. Import the inventory</span>
            <span className="block text-slate-600">{hasServices ? "Done: the services are in." : "A Backstage catalog, a spreadsheet (CSV) or a Ferry backup."}</span>
          </span>
          {canImport && !hasServices ? (
            <Link href={`${base}/import`} className={buttonClass}>
              Import the inventory
            </Link>
          ) : null}
        </li>
        <li className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <span>
            <span className="font-medium text-slate-900">2. Plan the waves</span>
            <span className="block text-slate-600">Leaves first, shared infrastructure last; a preview until you apply it.</span>
          </span>
          <Link href={`${base}/waves/plan`} className={hasServices && canImport ? buttonClass : secondaryButtonClass}>
            {canImport ? "Plan the waves" : "See the proposed plan"}
          </Link>
        </li>
      </ol>
      {canImport ? null : <p className="mt-4 text-sm text-slate-600">A programme manager imports the inventory and applies the plan.</p>}
    </section>
  );
}
