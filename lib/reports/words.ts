/**
 * The words Ferry says about a report, the same on the pages and in every export: forecasts as
 * odds, why a slice needs attention, days as people read them. Pure; the locale and the time
 * zone are fixed, so an export reads the same on every machine.
 */
import type { AttentionReason, Forecast } from "./types";

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "31 Mar 2027" for a day ("2027-03-31") or the UTC day of an instant. */
export const formatDay = (day: string | null | undefined): string => (day ? dayFormat.format(new Date(day)) : "—");

/** A chance as people read odds; never "100%" or "0%" for what merely rounds there. */
export function formatChance(chance: number): string {
  if (chance >= 1) return "100%";
  if (chance <= 0) return "0%";
  if (chance > 0.99) return "over 99%";
  if (chance < 0.01) return "under 1%";
  return `${Math.round(chance * 100)}%`;
}

const finishLine = { live: "every slice live (traffic fully moved)", done: "every slice done (old path retired)" } as const;

/**
 * The forecast in one or two sentences: the odds of finishing by the target first, then the
 * dates half, 85% and 95% of the simulated futures finish by. Too little history says so.
 */
export function forecastSentence(forecast: Forecast, targetDate: string | null): string {
  const goal = finishLine[forecast.target];
  switch (forecast.status) {
    case "finished":
      return `Finished: ${goal} since ${formatDay(forecast.finishedBy)}.`;
    case "insufficient_history":
      return `Insufficient history to forecast ${goal}: ${plural(forecast.weeksOfHistory, "week")} recorded, ${forecast.weeksNeeded} needed. No date is given rather than a guess.`;
    case "no_pace":
      return `No forecast for ${goal}: too little finished in the last ${plural(forecast.weeksSampled, "week")} for the ${forecast.remaining} remaining to finish at this pace.`;
    case "forecast": {
      const dates = `Half the simulated futures reach it by ${formatDay(forecast.dates.p50)}, 85% by ${formatDay(forecast.dates.p85)}, 95% by ${formatDay(forecast.dates.p95)}.`;
      if (forecast.chanceByTarget === null || !targetDate) return `At the current pace, ${goal}: no target date is set. ${dates}`;
      return `At the current pace, ${formatChance(forecast.chanceByTarget)} chance of ${goal} by ${formatDay(targetDate)}. ${dates}`;
    }
  }
}

/** A short title for the forecast's headline figure ("62% by 31 Mar 2027", "Insufficient history"). */
export function forecastHeadline(forecast: Forecast, targetDate: string | null): string {
  switch (forecast.status) {
    case "finished":
      return `Finished ${formatDay(forecast.finishedBy)}`;
    case "insufficient_history":
      return "Insufficient history";
    case "no_pace":
      return "No pace to forecast";
    case "forecast":
      return forecast.chanceByTarget !== null && targetDate ? `${formatChance(forecast.chanceByTarget)} by ${formatDay(targetDate)}` : `Likely ${formatDay(forecast.dates.p50)}`;
  }
}

/** Why a slice is on the blocked or at-risk list, in words. */
export function reasonText(reason: AttentionReason): string {
  switch (reason.kind) {
    case "blocked":
      return `Blocked: waits on ${reason.waitingOn.map((w) => `${w.slice} (${w.team})`).join(", ") || "an earlier slice"}`;
    case "planned_end_passed":
      return `Planned end ${formatDay(reason.plannedEnd)} has passed`;
    case "no_progress":
      return `No progress for ${plural(reason.days, "day")}`;
    case "rolled_back_twice":
      return `Rolled back ${plural(reason.rollbacks, "time")}`;
    case "gate_open_past_wave_start":
      return `${plural(reason.openGateItems, "gate item")} still open; the wave started ${formatDay(reason.waveStart)}`;
  }
}

/** The teams a blocked slice waits on, once each, in order. */
export function teamsWaitedOn(reasons: AttentionReason[]): string[] {
  const teams = reasons.flatMap((r) => (r.kind === "blocked" ? r.waitingOn.map((w) => w.team) : []));
  return [...new Set(teams)];
}
