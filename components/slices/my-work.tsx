import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import type { MyWorkSlice } from "@/lib/slices/my-work";
import { stageLabel, statusLabel } from "@/lib/slices/stages";

const link = "text-brand-700 underline underline-offset-2";
/** How many gating items a slice lists before "and N more". */
const SHOWN_ITEMS = 5;

/** The slices of the lead's teams that wait on another team, with whom to ask. */
export function WaitingOnOthers({ base, slices, contactOf }: { base: string; slices: MyWorkSlice[]; contactOf: Record<string, string | null> }) {
  return (
    <Card title={`Waiting on other teams (${slices.length})`}>
      {slices.length === 0 ? (
        <p className="text-sm text-slate-600">None of your slices waits on another team.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {slices.map((s) => (
            <li key={s.id}>
              <Link href={`${base}/slices/${s.id}`} className={`font-medium ${link}`}>
                {s.name}
              </Link>{" "}
              <span className="text-slate-600">({s.team.name}, wave {s.wave?.number ?? "none"})</span> waits on:
              <ul className="mt-1 list-disc pl-5">
                {s.waitsOnOthers.map((w) => (
                  <li key={w.id}>
                    <Link href={`${base}/slices/${w.id}`} className={link}>
                      {w.name}
                    </Link>{" "}
                    <span className="text-slate-700">
                      of {w.team ?? "no team"}, wave {w.wave}, {statusLabel[w.status].toLowerCase()}
                      {w.team && contactOf[w.team] ? ` · ask them at ${contactOf[w.team]}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** Every slice of the lead's teams: its next gate and the open items holding it. */
export function NextGates({ base, slices }: { base: string; slices: MyWorkSlice[] }) {
  return (
    <Card title={`Next gates (${slices.length} slice${slices.length === 1 ? "" : "s"})`}>
      <ul className="divide-y divide-slate-100">
        {slices.map((s) => {
          const ready = s.gate.nextStage !== null && s.gate.openItems.length === 0;
          return (
            <li key={s.id} className="py-3">
              <article aria-labelledby={`work-${s.id}`}>
                <h3 id={`work-${s.id}`} className="text-sm font-semibold text-slate-900">
                  <Link href={`${base}/slices/${s.id}`} className={link}>
                    {s.name}
                  </Link>
                </h3>
                <p className="text-xs text-slate-600">
                  {s.team.name} ·{" "}
                  {s.wave ? (
                    <Link href={`${base}/waves#wave-${s.wave.number}`} className={link}>
                      wave {s.wave.number}
                    </Link>
                  ) : (
                    "no wave yet"
                  )}{" "}
                  · {statusLabel[s.status]} at {stageLabel(s.stage)} · {s.openItems} open item{s.openItems === 1 ? "" : "s"}
                  {s.waitsOnOthers.length ? ` · waits on ${s.waitsOnOthers.length} slice${s.waitsOnOthers.length === 1 ? "" : "s"} of other teams` : ""}
                  {s.waitsOnOwn.length ? ` · waits on ${s.waitsOnOwn.map((w) => w.name).join(", ")} (yours)` : ""}
                </p>
                <p className={`mt-1 text-sm font-medium ${ready ? "text-emerald-800" : "text-slate-900"}`}>
                  {ready ? "✓ " : ""}
                  {s.gate.label}
                </p>
                {s.gate.openItems.length ? (
                  <ul aria-label={`Open items before ${s.gate.nextStage ? stageLabel(s.gate.nextStage) : "done"} on ${s.name}`} className="mt-1 list-disc pl-5 text-sm text-slate-700">
                    {s.gate.openItems.slice(0, SHOWN_ITEMS).map((i) => (
                      <li key={i.id}>{i.title}</li>
                    ))}
                    {s.gate.openItems.length > SHOWN_ITEMS ? (
                      <li>
                        <Link href={`${base}/slices/${s.id}`} className={link}>
                          and {s.gate.openItems.length - SHOWN_ITEMS} more
                        </Link>
                      </li>
                    ) : null}
                  </ul>
                ) : null}
              </article>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
