/**
 * The burn-up chart drawn as PDF vector graphics: the scope line, the live and done lines
 * week by week, the forecast fan (P50 to P95) from the last point up to the scope, and the
 * target date. Every line is also named in text beside it, so colour is never the only cue.
 */
import type { BurnUpPoint, Forecast, WeeklyReport } from "../types";
import { addWeeks, lastDayOf, weeksBetween, weekAt } from "../weeks";

type Doc = PDFKit.PDFDocument;
export const COLOURS = { ink: "#1f2937", muted: "#6b7280", grid: "#e5e7eb", scope: "#374151", live: "#1d4ed8", done: "#047857", fan: "#93c5fd", target: "#b91c1c" };

const DAY = 86_400_000;
const weekOfDay = (day: string) => weekAt(Date.parse(`${day}T12:00:00Z`), "UTC");

/** Draws the chart in the box (x, y, width, height); returns the height used, legend included. */
export function drawBurnUp(doc: Doc, r: WeeklyReport, box: { x: number; y: number; width: number; height: number }, fonts: { regular: string; bold: string }): number {
  const points = r.burnUp;
  if (points.length === 0) return 0;
  const first = points[0].week;
  const live = r.forecast.live;
  const forecastWeeks = (f: Forecast) => (f.status === "forecast" ? [f.dates.p50, f.dates.p85, f.dates.p95].map(weekOfDay) : []);
  const ends = [points[points.length - 1].week, ...forecastWeeks(live), ...(r.programme.targetDate ? [weekOfDay(r.programme.targetDate)] : [])];
  const span = Math.max(1, ...ends.map((w) => weeksBetween(first, w)));
  const maxY = Math.max(1, ...points.map((p) => p.scope));
  const left = box.x + 34;
  const right = box.x + box.width - 8;
  const top = box.y + 8;
  const bottom = box.y + box.height - 22;
  const xOf = (week: string) => left + ((right - left) * weeksBetween(first, week as BurnUpPoint["week"])) / span;
  const yOf = (n: number) => bottom - ((bottom - top) * n) / maxY;

  doc.save();
  // Grid and axes: four horizontal lines with their values, the week labels at a readable step.
  doc.font(fonts.regular).fontSize(7).fillColor(COLOURS.muted);
  for (let i = 0; i <= 4; i++) {
    const n = Math.round((maxY * i) / 4);
    const y = yOf(n);
    doc.moveTo(left, y).lineTo(right, y).lineWidth(0.5).strokeColor(COLOURS.grid).stroke();
    doc.text(String(n), box.x, y - 3.5, { width: 30, align: "right", lineBreak: false });
  }
  const step = Math.max(1, Math.ceil(span / 8));
  for (let k = 0; k <= span; k += step) {
    const week = addWeeks(first, k);
    doc.text(week, xOf(week) - 20, bottom + 5, { width: 40, align: "center", lineBreak: false });
  }
  doc.moveTo(left, top).lineTo(left, bottom).lineTo(right, bottom).lineWidth(0.8).strokeColor(COLOURS.muted).stroke();

  // The forecast fan: from the last live point to the scope at P50..P95.
  const last = points[points.length - 1];
  if (live.status === "forecast") {
    const [p50, , p95] = forecastWeeks(live);
    doc.polygon([xOf(last.week), yOf(last.live)], [xOf(p50), yOf(last.scope)], [xOf(p95), yOf(last.scope)]).fillOpacity(0.35).fillColor(COLOURS.fan).fill();
    doc.fillOpacity(1);
    for (const [label, week] of [["P50", p50], ["P85", forecastWeeks(live)[1]], ["P95", p95]] as const) {
      doc.moveTo(xOf(week), yOf(last.scope) - 3).lineTo(xOf(week), yOf(last.scope) + 3).lineWidth(1).strokeColor(COLOURS.live).stroke();
      doc.fillColor(COLOURS.live).text(label, xOf(week) - 12, yOf(last.scope) - 12, { width: 24, align: "center", lineBreak: false });
    }
  }
  if (r.programme.targetDate) {
    const x = left + ((right - left) * (Date.parse(`${r.programme.targetDate}T00:00:00Z`) - Date.parse(`${lastDayOf(first)}T00:00:00Z`) + 6 * DAY)) / (span * 7 * DAY);
    if (x >= left && x <= right) {
      doc.moveTo(x, top).lineTo(x, bottom).dash(3, { space: 2 }).lineWidth(1).strokeColor(COLOURS.target).stroke().undash();
      doc.fillColor(COLOURS.target).text(`Target ${r.programme.targetDate}`, Math.min(x + 3, right - 70), bottom - 10, { width: 70, lineBreak: false });
    }
  }
  const line = (values: number[], colour: string, dashed: boolean) => {
    points.forEach((p, i) => (i === 0 ? doc.moveTo(xOf(p.week), yOf(values[i])) : doc.lineTo(xOf(p.week), yOf(values[i]))));
    if (dashed) doc.dash(4, { space: 2 });
    doc.lineWidth(1.6).strokeColor(colour).stroke();
    doc.undash();
  };
  line(points.map((p) => p.scope), COLOURS.scope, true);
  line(points.map((p) => p.done), COLOURS.done, false);
  line(points.map((p) => p.live), COLOURS.live, false);
  doc.restore();

  // The legend, in words.
  const legendY = box.y + box.height;
  const items: [string, string, boolean][] = [["Scope (slices)", COLOURS.scope, true], ["Live or done", COLOURS.live, false], ["Done", COLOURS.done, false], ["Forecast P50 to P95 (live)", COLOURS.fan, false]];
  let x = left;
  doc.font(fonts.regular).fontSize(8);
  for (const [label, colour, dashed] of items) {
    doc.save();
    if (dashed) doc.dash(4, { space: 2 });
    doc.moveTo(x, legendY + 4).lineTo(x + 16, legendY + 4).lineWidth(2).strokeColor(colour).stroke();
    doc.restore();
    doc.fillColor(COLOURS.ink).text(label, x + 20, legendY, { lineBreak: false });
    x += 20 + doc.widthOfString(label) + 14;
  }
  return box.height + 14;
}
