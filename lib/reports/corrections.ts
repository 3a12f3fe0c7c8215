/**
 * What changed in a closed week's report since it was issued: the stored report beside the
 * same week rebuilt from today's history. A difference means history was corrected after
 * the week was closed (an event recorded late, a restore); the issued report stays as it
 * was, and the corrections are shown beside it and in the next weeks' reports.
 */
import type { Correction, Forecast, WeeklyReport } from "./types";

const NONE = "—";
const text = (v: unknown) => (v === null || v === undefined ? NONE : String(v));

function forecastText(f: Forecast): string {
  switch (f.status) {
    case "forecast":
      return `P50 ${f.dates.p50}, P85 ${f.dates.p85}, P95 ${f.dates.p95}${f.chanceByTarget === null ? "" : `, ${Math.round(f.chanceByTarget * 100)}% by target`}`;
    case "finished":
      return `finished by ${f.finishedBy}`;
    case "insufficient_history":
      return `too little history (${f.weeksOfHistory} of ${f.weeksNeeded} weeks)`;
    case "no_pace":
      return "no pace to forecast";
  }
}

/** Entries keyed by a line of text; each one only in one side is a correction. */
function lines(field: string, issued: string[], now: string[], out: Correction[]) {
  const was = new Set(issued);
  const is = new Set(now);
  for (const l of issued) if (!is.has(l)) out.push({ field, issued: l, now: NONE });
  for (const l of now) if (!was.has(l)) out.push({ field, issued: NONE, now: l });
}

/** Values keyed by name; each key whose value differs is a correction. */
function keyed(field: string, issued: Map<string, string>, now: Map<string, string>, out: Correction[]) {
  for (const key of new Set([...issued.keys(), ...now.keys()])) {
    const a = issued.get(key) ?? NONE;
    const b = now.get(key) ?? NONE;
    if (a !== b) out.push({ field: `${field}.${key}`, issued: a, now: b });
  }
}

/** The corrections between an issued report and the same week rebuilt now; empty when history is unchanged. */
export function diffReports(issued: WeeklyReport, now: WeeklyReport): Correction[] {
  const out: Correction[] = [];
  for (const key of Object.keys(issued.headline) as (keyof WeeklyReport["headline"])[]) {
    const a = text(issued.headline[key].value);
    const b = text(now.headline[key]?.value);
    if (a !== b) out.push({ field: `headline.${key}`, issued: a, now: b });
  }
  const stage = (r: WeeklyReport) => r.moved.stageChanges.map((c) => `${c.slice}: ${c.from} to ${c.to} at ${c.at}`);
  const done = (r: WeeklyReport) => r.moved.completions.map((c) => `${c.slice}: ${c.status} at ${c.at}`);
  const back = (r: WeeklyReport) => r.moved.rollbacks.map((c) => `${c.slice}: ${c.from} to ${c.to} at ${c.at} (${c.reason})`);
  lines("moved.stageChanges", stage(issued), stage(now), out);
  lines("moved.completions", done(issued), done(now), out);
  lines("moved.rollbacks", back(issued), back(now), out);
  const attention = (r: WeeklyReport) => new Map(r.attention.map((a) => [a.slice, a.reasons.map((x) => x.kind).join(", ")]));
  keyed("attention", attention(issued), attention(now), out);
  const waves = (r: WeeklyReport) => new Map(r.waves.map((w) => [String(w.number), `${w.finished.value} of ${w.slices} finished, ${w.done} done`]));
  keyed("waves", waves(issued), waves(now), out);
  const facilities = (r: WeeklyReport) => new Map(r.facilities.map((f) => [f.key, f.status]));
  keyed("facilities", facilities(issued), facilities(now), out);
  for (const key of ["servicesAdded", "servicesRemoved", "slicesAdded", "slicesRemoved"] as const) lines(`scope.${key}`, issued.scope[key], now.scope[key], out);
  for (const line of ["live", "done"] as const) {
    const a = forecastText(issued.forecast[line]);
    const b = forecastText(now.forecast[line]);
    if (a !== b) out.push({ field: `forecast.${line}`, issued: a, now: b });
  }
  const burnUp = (r: WeeklyReport) => new Map(r.burnUp.map((p) => [p.week, `scope ${p.scope}, live ${p.live}, done ${p.done}`]));
  keyed("burnUp", burnUp(issued), burnUp(now), out);
  return out;
}
