import type { Plan } from "@/lib/planning";

const kindLabel = { order: "Order", pin: "Pin", capacity: "Capacity", facility: "Facility", membership: "Membership" } as const;

/** Violations, cycles and the critical path of a plan, in words. */
export function PlanFindings({ plan }: { plan: Plan }) {
  return (
    <div className="space-y-5 text-sm">
      <section aria-labelledby="violations-title">
        <h3 id="violations-title" className="font-semibold text-slate-900">
          Violations ({plan.violations.length})
        </h3>
        {plan.violations.length === 0 ? (
          <p className="mt-1 text-slate-600">None: every slice keeps the order and every wave&apos;s facilities are ready.</p>
        ) : (
          <ul className="mt-2 space-y-1.5">
            {plan.violations.map((v, i) => (
              <li key={`${v.kind}-${i}`} className="rounded border border-rose-200 bg-rose-50 px-2 py-1 text-rose-900">
                <strong>{kindLabel[v.kind]}:</strong> {v.message}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="cycles-title">
        <h3 id="cycles-title" className="font-semibold text-slate-900">
          Dependency cycles ({plan.cycles.length})
        </h3>
        {plan.cycles.length === 0 ? (
          <p className="mt-1 text-slate-600">None.</p>
        ) : (
          <ul className="mt-1 list-disc pl-5">
            {plan.cycles.map((cycle) => (
              <li key={cycle.join(",")}>{cycle.join(" ↔ ")}: move together in one wave</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="critical-title">
        <h3 id="critical-title" className="font-semibold text-slate-900">
          Critical path ({plan.criticalPath.length} wave{plan.criticalPath.length === 1 ? "" : "s"})
        </h3>
        <p className="mt-1 text-slate-600">The longest chain of services that must move one after another: no plan can use fewer waves.</p>
        {plan.criticalPath.length > 0 ? (
          <ol className="mt-1 flex flex-wrap gap-1">
            {plan.criticalPath.map((name, i) => (
              <li key={name} className="rounded bg-slate-100 px-2 py-0.5">
                {i + 1}. {name}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </div>
  );
}
