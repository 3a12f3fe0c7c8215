"use client";

import { useEffect, useRef, useState } from "react";
import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleLinear, scaleTime } from "@visx/scale";
import { Line, LinePath, Polygon } from "@visx/shape";
import type { BurnUpPoint, Forecast } from "@/lib/reports/types";
import { burnUpModel, tickCount, type Fan, type Point } from "./burn-up-model";
import { formatDay } from "@/lib/reports/words";

// Drawn at this width on the server (and scaled by its viewBox until the browser measures the
// real one), so the first paint already holds the chart.
const SERVER_WIDTH = 720;
const MARGIN = { top: 20, right: 16, bottom: 32, left: 40 };

/** The width of the element, measured by the browser, followed as it resizes. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(240, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

const fanStyle = {
  live: { area: "fill-sky-200/60", line: "stroke-sky-700" },
  done: { area: "fill-emerald-200/60", line: "stroke-emerald-800" },
} as const;

/**
 * The burn-up: scope, live and done slices per week, each forecast's fan from the last week to
 * its 50th, 85th and 95th percentile dates, and the target date. Lines differ by dash and
 * marker as well as colour; the legend below names them, and the data table beside the chart
 * (BurnUpTable) carries every value for those who cannot see it.
 */
export function BurnUpChart({ points, forecast, targetDate, titleId, descriptionId }: { points: BurnUpPoint[]; forecast: { live: Forecast; done: Forecast }; targetDate: string | null; titleId: string; descriptionId: string }) {
  const { ref, width } = useWidth(SERVER_WIDTH);
  const model = burnUpModel(points, forecast, targetDate);
  const height = width < 480 ? 240 : 300;
  if (!model) return null;
  const innerWidth = width - MARGIN.left - MARGIN.right;
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = scaleTime({ domain: [new Date(model.start), new Date(model.end)], range: [0, innerWidth] });
  const y = scaleLinear({ domain: [0, model.yMax], range: [innerHeight, 0], nice: true });
  const at = (p: Point) => [x(new Date(p.t)), y(p.v)] as const;
  const spanDays = (model.end - model.start) / 86_400_000;
  // Days over a short span; months over a long one, the year only at January (and the first label).
  const dayTick = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  const monthTick = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
  const yearTick = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  const tickLabel = (d: Date, i: number) => (spanDays < 120 ? dayTick.format(d) : d.getUTCMonth() === 0 || i === 0 ? yearTick.format(d) : monthTick.format(d));
  return (
    <div ref={ref} className="w-full">
      <svg role="img" aria-labelledby={titleId} aria-describedby={descriptionId} viewBox={`0 0 ${width} ${height}`} width="100%" className="block h-auto max-w-full overflow-visible">
        <Group left={MARGIN.left} top={MARGIN.top}>
          {y.ticks(5).map((v) => (
            <Line key={v} from={{ x: 0, y: y(v) }} to={{ x: innerWidth, y: y(v) }} className="stroke-slate-100" />
          ))}
          {model.fans.map((fan) => (
            <FanShape key={fan.target} fan={fan} x={(t) => x(new Date(t))} y={(v) => y(v)} />
          ))}
          <LinePath data={model.scope} x={(p) => at(p)[0]} y={(p) => at(p)[1]} className="fill-none stroke-slate-500" strokeWidth={2} strokeDasharray="6 3" />
          <LinePath data={model.scopeAhead} x={(p) => at(p)[0]} y={(p) => at(p)[1]} className="fill-none stroke-slate-400" strokeWidth={1} strokeDasharray="6 3" />
          <LinePath data={model.live} x={(p) => at(p)[0]} y={(p) => at(p)[1]} className="fill-none stroke-sky-700" strokeWidth={2.5} />
          {model.live.map((p) => (
            <circle key={p.t} cx={at(p)[0]} cy={at(p)[1]} r={3} className="fill-sky-700" />
          ))}
          <LinePath data={model.done} x={(p) => at(p)[0]} y={(p) => at(p)[1]} className="fill-none stroke-emerald-800" strokeWidth={2.5} />
          {model.done.map((p) => (
            <rect key={p.t} x={at(p)[0] - 3} y={at(p)[1] - 3} width={6} height={6} className="fill-emerald-800" />
          ))}
          {model.target !== null ? (
            <g>
              <Line from={{ x: x(new Date(model.target)), y: 0 }} to={{ x: x(new Date(model.target)), y: innerHeight }} className="stroke-rose-700" strokeWidth={1.5} strokeDasharray="2 2" />
              <text x={x(new Date(model.target))} y={-6} textAnchor="end" className="fill-rose-800 text-[11px]">
                Target {formatDay(targetDate)}
              </text>
            </g>
          ) : null}
          <AxisLeft scale={y} numTicks={5} tickFormat={(v) => String(v)} stroke="#94a3b8" tickStroke="#94a3b8" tickLabelProps={{ fill: "#334155", fontSize: 11, textAnchor: "end", dx: "-0.25em", dy: "0.33em" }} />
          <AxisBottom
            top={innerHeight}
            scale={x}
            numTicks={tickCount(innerWidth)}
            tickFormat={(d, i) => tickLabel(d instanceof Date ? d : new Date(Number(d)), i)}
            stroke="#94a3b8"
            tickStroke="#94a3b8"
            tickLabelProps={{ fill: "#334155", fontSize: 11, textAnchor: "middle" }}
          />
        </Group>
      </svg>
    </div>
  );
}

/** One forecast's fan: the 50th to 95th percentile wedge, with a line to each percentile date. */
function FanShape({ fan, x, y }: { fan: Fan; x: (t: number) => number; y: (v: number) => number }) {
  const style = fanStyle[fan.target];
  const from = { x: x(fan.from.t), y: y(fan.from.v) };
  const end = (t: number) => ({ x: x(t), y: y(fan.level) });
  return (
    <g>
      <Polygon
        points={[
          [from.x, from.y],
          [end(fan.p50).x, end(fan.p50).y],
          [end(fan.p95).x, end(fan.p95).y],
        ]}
        className={style.area}
      />
      <Line from={from} to={end(fan.p50)} className={style.line} strokeWidth={1.5} strokeDasharray="5 3" />
      <Line from={from} to={end(fan.p85)} className={style.line} strokeWidth={1} strokeDasharray="2 3" />
      <Line from={from} to={end(fan.p95)} className={style.line} strokeWidth={1} strokeDasharray="1 3" />
    </g>
  );
}
