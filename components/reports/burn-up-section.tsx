import type { BurnUpPoint, Forecast } from "@/lib/reports/types";
import { BurnUpChart } from "./burn-up-chart";
import { forecastSentence, formatDay } from "@/lib/reports/words";
import { weekLabel } from "./format";

type Props = { id: string; points: BurnUpPoint[]; forecast: { live: Forecast; done: Forecast }; targetDate: string | null };

/** A line's sample in the legend: the same stroke and marker the chart draws. */
function Swatch({ kind }: { kind: "scope" | "live" | "done" | "fan-live" | "fan-done" | "target" }) {
  const line = { scope: "stroke-slate-500", live: "stroke-sky-700", done: "stroke-emerald-800", "fan-live": "stroke-sky-700", "fan-done": "stroke-emerald-800", target: "stroke-rose-700" }[kind];
  const dash = { scope: "6 3", live: undefined, done: undefined, "fan-live": "5 3", "fan-done": "5 3", target: "2 2" }[kind];
  return (
    <svg aria-hidden="true" width="28" height="12" className="shrink-0">
      {kind === "fan-live" || kind === "fan-done" ? <polygon points="0,11 28,1 28,11" className={kind === "fan-live" ? "fill-sky-200/60" : "fill-emerald-200/60"} /> : null}
      <line x1="0" y1={kind.startsWith("fan") ? 11 : 6} x2="28" y2={kind.startsWith("fan") ? 1 : 6} className={line} strokeWidth={2} strokeDasharray={dash} />
      {kind === "live" ? <circle cx="14" cy="6" r="3" className="fill-sky-700" /> : null}
      {kind === "done" ? <rect x="11" y="3" width="6" height="6" className="fill-emerald-800" /> : null}
    </svg>
  );
}

/**
 * The burn-up with everything a reader needs besides the picture: a legend in words, the
 * forecast as odds in sentences, and the chart's data as a table (closed by default).
 */
export function BurnUpSection({ id, points, forecast, targetDate }: Props) {
  const fanFor = (f: Forecast) => f.status === "forecast";
  if (points.length === 0) {
    return <p className="text-sm text-slate-600">No weeks of history yet: the burn-up starts once the programme records its first change.</p>;
  }
  const latest = points[points.length - 1];
  return (
    <div className="space-y-4">
      <p id={`${id}-title`} className="sr-only">
        Burn-up chart: slices in scope, live and done at the end of each week
        {fanFor(forecast.live) || fanFor(forecast.done) ? ", with the forecast's 50th, 85th and 95th percentile dates" : ""}
        {targetDate ? `, and the target date ${formatDay(targetDate)}` : ""}.
      </p>
      <p id={`${id}-description`} className="sr-only">
        At the end of {weekLabel(latest.week)}: {latest.scope} slices in scope, {latest.live} live, {latest.done} done. The table below the chart holds every week.
      </p>
      <BurnUpChart points={points} forecast={forecast} targetDate={targetDate} titleId={`${id}-title`} descriptionId={`${id}-description`} />
      <ul aria-label="Chart legend" className="flex flex-wrap gap-x-5 gap-y-2 text-xs text-slate-700">
        <li className="flex items-center gap-2">
          <Swatch kind="scope" /> Scope (slices in the programme, dashed)
        </li>
        <li className="flex items-center gap-2">
          <Swatch kind="live" /> Live (round markers)
        </li>
        <li className="flex items-center gap-2">
          <Swatch kind="done" /> Done (square markers)
        </li>
        {fanFor(forecast.live) ? (
          <li className="flex items-center gap-2">
            <Swatch kind="fan-live" /> Forecast for live: 50% to 95% of simulated futures
          </li>
        ) : null}
        {fanFor(forecast.done) ? (
          <li className="flex items-center gap-2">
            <Swatch kind="fan-done" /> Forecast for done: 50% to 95%
          </li>
        ) : null}
        {targetDate ? (
          <li className="flex items-center gap-2">
            <Swatch kind="target" /> Target date
          </li>
        ) : null}
      </ul>
      <div aria-label="Forecast" role="group" className="space-y-2 text-sm text-slate-800">
        <p>{forecastSentence(forecast.live, targetDate)}</p>
        <p>{forecastSentence(forecast.done, targetDate)}</p>
      </div>
      <details className="rounded-md border border-slate-200 text-sm">
        <summary className="cursor-pointer rounded-md px-3 py-2 font-medium text-slate-800 hover:bg-slate-50">The chart&apos;s data as a table</summary>
        <div className="px-3 pb-3">
          <table className="w-full text-sm">
            <caption className="sr-only">Slices in scope, live and done at the end of each week</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-600">
                <th scope="col" className="py-2 pr-4 font-medium">Week</th>
                <th scope="col" className="py-2 pr-4 font-medium">Scope</th>
                <th scope="col" className="py-2 pr-4 font-medium">Live</th>
                <th scope="col" className="py-2 font-medium">Done</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.week} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-1.5 pr-4 text-left font-normal whitespace-nowrap">
                    {weekLabel(p.week)}
                  </th>
                  <td className="py-1.5 pr-4 tabular-nums">{p.scope}</td>
                  <td className="py-1.5 pr-4 tabular-nums">{p.live}</td>
                  <td className="py-1.5 tabular-nums">{p.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ForecastTable forecast={forecast} />
        </div>
      </details>
    </div>
  );
}

/** The percentile dates of each forecast that has them. */
function ForecastTable({ forecast }: { forecast: { live: Forecast; done: Forecast } }) {
  const rows = [forecast.live, forecast.done];
  return (
    <table className="mt-4 w-full text-sm">
      <caption className="py-1 text-left font-medium text-slate-800">Forecast dates</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-slate-600">
          <th scope="col" className="py-2 pr-2 font-medium">Every slice</th>
          <th scope="col" className="py-2 pr-2 font-medium">50%</th>
          <th scope="col" className="py-2 pr-2 font-medium">85%</th>
          <th scope="col" className="py-2 font-medium">95%</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((f) => (
          <tr key={f.target} className="border-b border-slate-100 last:border-0">
            <th scope="row" className="py-1.5 pr-2 text-left font-normal">
              {f.target === "live" ? "Live" : "Done"}
            </th>
            {f.status === "forecast" ? (
              <>
                <td className="py-1.5 pr-2">{formatDay(f.dates.p50)}</td>
                <td className="py-1.5 pr-2">{formatDay(f.dates.p85)}</td>
                <td className="py-1.5">{formatDay(f.dates.p95)}</td>
              </>
            ) : (
              <td colSpan={3} className="py-1.5 text-slate-600">
                {f.status === "finished" ? `finished ${formatDay(f.finishedBy)}` : f.status === "insufficient_history" ? "insufficient history" : "no pace to forecast from"}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
