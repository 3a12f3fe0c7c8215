import { Link } from "@/components/ui/link";
import type { TeamSummary } from "@/lib/teams/queries";
import { statusLabel } from "@/lib/slices/stages";

const people = (xs: { name: string; email: string }[]) => (xs.length ? xs.map((p) => p.name).join(", ") : "none yet");

/** One team at a glance: who leads it, who is in it, how to reach it, what it owns. */
export function TeamCard({ team, base }: { team: TeamSummary; base: string }) {
  const done = team.slices.filter((s) => s.status === "done" || s.status === "live").length;
  return (
    <section id={`team-${team.id}`} aria-labelledby={`team-${team.id}-name`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`team-${team.id}-name`} className="text-base font-semibold text-slate-900">
        <Link href={`${base}/teams/${team.id}`} className="text-brand-800 underline underline-offset-2">
          {team.name}
        </Link>
      </h2>
      <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">Contact</dt>
          <dd>{team.contactChannel ?? "not set"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Leads</dt>
          <dd>{people(team.leads)}</dd>
        </div>
        <div>
          {/* A lead is a member too: this lists the rest. */}
          <dt className="text-slate-600">Other members</dt>
          <dd>{team.members.length ? people(team.members) : "none"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Slices</dt>
          <dd>
            {team.slices.length} ({done} live or done)
          </dd>
        </div>
      </dl>
      <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Services ({team.serviceCount})</h3>
      <p className="mt-1 text-sm">
        {team.services.map((s, i) => (
          <span key={s.id}>
            {i ? ", " : ""}
            <Link href={`${base}/services/${s.id}`} className="text-brand-700 underline-offset-2 hover:underline">
              {s.name}
            </Link>
          </span>
        ))}
        {team.serviceCount > team.services.length ? (
          <>
            {" "}
            <Link href={`${base}/services?team=${encodeURIComponent(team.name)}`} className="text-brand-700 underline-offset-2 hover:underline">
              and {team.serviceCount - team.services.length} more
            </Link>
          </>
        ) : null}
        {team.serviceCount === 0 ? <span className="text-slate-600">None</span> : null}
      </p>
      {team.slices.length ? (
        <>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-600">Slices</h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {team.slices.slice(0, 12).map((s) => (
              <li key={s.id}>
                {/* Underlined: beside the status text, colour alone would not say it is a link. */}
                <Link href={`${base}/slices/${s.id}`} className="text-brand-700 underline underline-offset-2">
                  {s.name}
                </Link>
                : {statusLabel[s.status]}
              </li>
            ))}
            {team.slices.length > 12 ? <li className="text-slate-600">and {team.slices.length - 12} more</li> : null}
          </ul>
        </>
      ) : null}
    </section>
  );
}
