/**
 * Weekly report benchmarks (issue 12), run by `npm run bench -- report` against the served
 * large programme (200,000 events over a year): the report through the REST route in each
 * format (targets: JSON, Markdown, CSV <= 300 ms; PDF <= 2 s), the programme rebuilt at an
 * arbitrary past instant (<= 200 ms), the Monte Carlo forecast (<= 50 ms) and the overview's
 * progress data (p95 <= 150 ms), the last three in this process on the bench database.
 * Each route line has the cold figure (the report built) and the kept one (p50/p95).
 */
import { loadReportSource } from "../lib/reports/load";
import { forecast } from "../lib/reports/forecast";
import { buildWeeklyReport, detailSinceFor } from "../lib/reports/report";
import { stateAt } from "../lib/reports/reconstruct";
import { addWeeks, weekAt } from "../lib/reports/weeks";
import { fetchFully, round, timeRuns } from "./measure";
import type { Benchmark, BenchContext } from "./suites";

const DAY = 86_400_000;
const programmeId = async (ctx: BenchContext) => (await ctx.db.programme.findUniqueOrThrow({ where: { slug: ctx.slug }, select: { id: true } })).id;
const lastWeek = () => addWeeks(weekAt(Date.now(), "UTC"), -1);

function routeBench(name: string, format: string, target: string, runs: number, week: () => string = lastWeek, warmWeek?: () => string): Benchmark {
  return {
    name,
    run: async (ctx) => {
      const url = `${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/reports/weekly?week=${week()}&format=${format}`;
      const init = { headers: { authorization: `Bearer ${ctx.token}` } };
      // The server's first report request also loads and compiles the route's code: taken on
      // another week first (warmupMs), so that coldMs is a report not yet built on a warm server,
      // as a stakeholder's request after any change is.
      let warmupMs: number | undefined;
      if (warmWeek) {
        const w0 = performance.now();
        await fetchFully(`${ctx.baseUrl}/api/v1/programmes/${ctx.slug}/reports/weekly?week=${warmWeek()}&format=${format}`, { headers: { authorization: `Bearer ${ctx.token}` } });
        warmupMs = round(performance.now() - w0);
      }
      // The first request builds the report; the server then keeps it until the next event
      // (lib/events/memo.ts), so the timed runs measure a kept report: both figures are printed.
      const t0 = performance.now();
      const res = await fetch(url, init);
      const kb = Math.round((await res.arrayBuffer()).byteLength / 1024);
      const coldMs = round(performance.now() - t0);
      if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
      return { target, week: week(), kb, ...(warmupMs === undefined ? {} : { warmupMs }), coldMs, ...(await timeRuns(runs, () => fetchFully(url, init), 2)) };
    },
  };
}

export const reportsBenchmarks: Benchmark[] = [
  routeBench("report_weekly_json", "json", "p95 <= 300 ms", 20, lastWeek, () => addWeeks(weekAt(Date.now(), "UTC"), -2)),
  routeBench("report_weekly_md", "md", "p95 <= 300 ms", 20),
  routeBench("report_weekly_csv", "csv", "p95 <= 300 ms", 20),
  routeBench("report_weekly_pdf", "pdf", "p95 <= 2000 ms", 10),
  // An old week reads the details of every week since: the honest figure for a re-issue half a year back.
  routeBench("report_weekly_json_26_weeks_ago", "json", "p95 <= 300 ms", 10, () => addWeeks(weekAt(Date.now(), "UTC"), -26)),
  {
    name: "report_reconstruct_past_instant",
    run: async (ctx) => {
      const id = await programmeId(ctx);
      const full = await loadReportSource(id, { db: ctx.db });
      // Instants spread over the year, the same every run.
      const instants = Array.from({ length: 20 }, (_, i) => Date.now() - ((i * 37) % 360) * DAY - 3_600_000);
      let i = 0;
      const pure = await timeRuns(20, async () => void stateAt(full.current, full.history.events, instants[i++ % instants.length]));
      let j = 0;
      const withLoad = await timeRuns(10, async () => {
        const at = instants[j++ % instants.length];
        const source = await loadReportSource(id, { db: ctx.db, detailSince: at });
        stateAt(source.current, source.history.events, at);
      }, 1);
      return { target: "p95 <= 200 ms", events: full.history.events.length, ...pure, withLoadP50Ms: withLoad.p50Ms, withLoadP95Ms: withLoad.p95Ms };
    },
  },
  {
    name: "report_forecast",
    run: async (ctx) => {
      const id = await programmeId(ctx);
      const week = lastWeek();
      const source = await loadReportSource(id, { db: ctx.db, detailSince: detailSinceFor(week, "UTC") });
      const report = buildWeeklyReport(source, week, { notes: "", asks: "", author: null, updatedAt: null });
      const live = report.forecast.live;
      const last = report.burnUp[report.burnUp.length - 1];
      const input = { target: "live" as const, remaining: last.scope - last.live, scope: last.scope, throughput: live.status === "forecast" ? live.throughput : [1, 2, 3, 0, 1, 2, 3, 1], baseWeek: week, targetDate: source.programme.targetDate, seedKey: id, finishedBy: null };
      const t0 = performance.now();
      const result = forecast(input);
      const first = round(performance.now() - t0);
      return { target: "p95 <= 50 ms", status: result.status, remaining: input.remaining, firstMs: first, ...(await timeRuns(50, async () => void forecast(input))) };
    },
  },
];
