/**
 * The report as a printable A4 PDF, drawn on the server by pdfkit (ADR 0033): real text in
 * the shipped DejaVu Sans (so every machine draws the same glyphs and the text extracts),
 * the burn-up as vector graphics, and fixed dates in the document's metadata, so the same
 * week gives the same bytes. Notes are drawn as text: nothing in them is interpreted.
 */
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { signalLabel } from "@/lib/slices/stage-machine";
import { stageLabel } from "@/lib/slices/stages";
import { dayAt } from "../weeks";
import type { WeeklyReport } from "../types";
import { forecastSentence, reasonText } from "../words";
import { closedText, delta, emptyText, facilityText, headlineRows, statusText, weekTitle } from "./format";
import { COLOURS, drawBurnUp } from "./pdf-chart";

/** Where the fonts live: beside this file in the repository, found from the working directory (the standalone server's too). */
export const FONT_DIR = path.join(process.cwd(), "lib/reports/export/fonts");
let fontCache: { regular: Buffer; bold: Buffer } | undefined;
const fontFiles = () => (fontCache ??= { regular: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")), bold: fs.readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")) });

const MARGIN = 48;
/**
 * Rows a long list gets in the PDF: a stakeholder reads a page or two of it, not fifty, and
 * each row costs text layout (the large programme's 800 at-risk slices took seconds). The
 * rest are counted, and every one of them is in the Markdown and CSV exports.
 */
export const PDF_LIST_ROWS = 60;
const F = { regular: "Body", bold: "Bold" };

type Column = { title: string; width: number; align?: "left" | "right" };

/** The report as PDF bytes. */
export function reportToPdf(r: WeeklyReport): Promise<Buffer> {
  // The week's end (or its closing) stands for "when": a re-export of the same week is the same file.
  const fixed = new Date(r.closed?.closedAt ?? r.range.end);
  const fonts = fontFiles();
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    font: fonts.regular as unknown as string,
    lang: "en-GB",
    displayTitle: true,
    info: { Title: `${r.programme.name}: weekly report ${r.range.week}`, Author: "Ferry", Subject: "Weekly stakeholder report", Creator: "Ferry", Producer: "Ferry", CreationDate: fixed, ModDate: fixed },
  });
  doc.registerFont(F.regular, fonts.regular);
  doc.registerFont(F.bold, fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  draw(doc, r);
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, r: WeeklyReport) {
  const width = doc.page.width - 2 * MARGIN;
  const tz = r.range.timeZone;
  const on = (at: string) => dayAt(Date.parse(at), tz);
  const bottom = () => doc.page.height - MARGIN;
  const ensure = (h: number) => {
    if (doc.y + h > bottom()) doc.addPage();
  };
  const heading = (text: string) => {
    ensure(40);
    doc.moveDown(0.8).font(F.bold).fontSize(13).fillColor(COLOURS.ink).text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };
  const para = (text: string, opts: { size?: number; colour?: string; bold?: boolean } = {}) => {
    doc.font(opts.bold ? F.bold : F.regular).fontSize(opts.size ?? 9.5).fillColor(opts.colour ?? COLOURS.ink).text(text, MARGIN, doc.y, { width });
  };
  const bullets = (lines: string[]) => {
    for (const l of lines) {
      ensure(14);
      doc.font(F.regular).fontSize(9.5).fillColor(COLOURS.ink).text(`•  ${l}`, MARGIN + 6, doc.y, { width: width - 6 });
    }
  };
  const table = (cols: Column[], all: string[][]) => {
    const rows = all.slice(0, PDF_LIST_ROWS);
    const total = cols.reduce((s, c) => s + c.width, 0);
    const widths = cols.map((c) => (c.width / total) * width);
    const row = (cells: string[], bold: boolean) => {
      doc.font(bold ? F.bold : F.regular).fontSize(8.5);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 5;
      if (doc.y + h > bottom()) {
        doc.addPage();
        if (!bold) row(cols.map((c) => c.title), true);
        doc.font(bold ? F.bold : F.regular).fontSize(8.5);
      }
      const y = doc.y;
      let x = MARGIN;
      cells.forEach((c, i) => {
        doc.fillColor(COLOURS.ink).text(c, x + 3, y + 2.5, { width: widths[i] - 6, align: cols[i].align ?? "left" });
        x += widths[i];
      });
      doc.moveTo(MARGIN, y + h).lineTo(MARGIN + width, y + h).lineWidth(bold ? 0.8 : 0.4).strokeColor(bold ? COLOURS.muted : COLOURS.grid).stroke();
      doc.y = y + h;
    };
    row(cols.map((c) => c.title), true);
    for (const cells of rows) row(cells, false);
    doc.x = MARGIN;
    if (all.length > rows.length) {
      doc.moveDown(0.3);
      para(`…and ${all.length - rows.length} more: the Markdown and CSV exports list every one.`, { size: 8.5, colour: COLOURS.muted });
    }
  };

  // Title block.
  doc.font(F.regular).fontSize(8).fillColor(COLOURS.muted).text("WEEKLY STAKEHOLDER REPORT", MARGIN, MARGIN, { width });
  doc.moveDown(0.2).font(F.bold).fontSize(20).fillColor(COLOURS.ink).text(r.programme.name, { width });
  para(`${weekTitle(r)}${r.programme.targetDate ? `  ·  Target date ${r.programme.targetDate}` : ""}`, { size: 10, colour: COLOURS.muted });
  const notice = closedText(r) ?? emptyText(r);
  if (notice) {
    doc.moveDown(0.6);
    const h = doc.font(F.regular).fontSize(9.5).heightOfString(notice, { width: width - 16 }) + 12;
    doc.rect(MARGIN, doc.y, width, h).fillColor("#f3f4f6").fill();
    doc.fillColor(COLOURS.ink).text(notice, MARGIN + 8, doc.y + 6, { width: width - 16 });
    doc.y += 6;
  }

  if (!r.empty) {
    // Headline cards: three across, two down.
    doc.moveDown(0.8);
    const cardW = (width - 2 * 10) / 3;
    const top = doc.y;
    headlineRows(r.headline).forEach(([label, value, previous, change], i) => {
      const x = MARGIN + (i % 3) * (cardW + 10);
      const y = top + Math.floor(i / 3) * 62;
      doc.rect(x, y, cardW, 54).lineWidth(0.6).strokeColor(COLOURS.grid).stroke();
      doc.font(F.regular).fontSize(7.5).fillColor(COLOURS.muted).text(label, x + 8, y + 6, { width: cardW - 16, lineBreak: false });
      doc.font(F.bold).fontSize(15).fillColor(COLOURS.ink).text(value, x + 8, y + 18, { width: cardW - 16, lineBreak: false });
      doc.font(F.regular).fontSize(7.5).fillColor(COLOURS.muted).text(`${change} since last week (${previous})`, x + 8, y + 39, { width: cardW - 16, lineBreak: false });
    });
    doc.y = top + 124;

    heading("Burn-up and forecast");
    ensure(230);
    const chartTop = doc.y;
    const used = drawBurnUp(doc, r, { x: MARGIN, y: chartTop, width, height: 190 }, F);
    doc.y = chartTop + used + 8;
    doc.x = MARGIN;
    bullets([forecastSentence(r.forecast.live, r.programme.targetDate), forecastSentence(r.forecast.done, r.programme.targetDate)]);
  }

  heading("Notes");
  para(r.notes.notes || "No notes this week.", { colour: r.notes.notes ? COLOURS.ink : COLOURS.muted });
  heading("Asks");
  para(r.notes.asks || "No asks this week.", { colour: r.notes.asks ? COLOURS.ink : COLOURS.muted });

  if (!r.empty) {
    const { stageChanges, completions, rollbacks } = r.moved;
    heading("What moved this week");
    if (!stageChanges.length && !completions.length && !rollbacks.length) para("Nothing moved this week.", { colour: COLOURS.muted });
    if (completions.length) bullets(completions.map((c) => `${c.slice} (${c.team}) ${c.status} on ${on(c.at)}`));
    if (stageChanges.length) bullets(stageChanges.map((c) => `${c.slice} (${c.team}): ${stageLabel(c.from)} to ${stageLabel(c.to)}${c.kind === "skip" ? " (skip)" : ""} on ${on(c.at)}`));
    if (rollbacks.length) bullets(rollbacks.map((c) => `Rollback: ${c.slice} (${c.team}) ${stageLabel(c.from)} back to ${stageLabel(c.to)} on ${on(c.at)}: ${c.reason}${c.signal ? `; signal: ${signalLabel(c.signal)}` : ""}${c.observed ? `; observed ${c.observed}` : ""}`));

    heading("Blocked and at risk");
    if (r.attention.length) {
      table(
        [{ title: "Slice", width: 22 }, { title: "Team", width: 14 }, { title: "Wave", width: 8, align: "right" }, { title: "Status", width: 14 }, { title: "Why", width: 42 }],
        r.attention.map((a) => [`${a.slice}${a.isNew ? " (new)" : ""}`, a.team, a.wave === null ? "—" : String(a.wave), `${statusText(a.status)}, ${stageLabel(a.stage)}`, a.reasons.map(reasonText).join("; ")]),
      );
    } else para("Nothing is blocked or at risk.", { colour: COLOURS.muted });

    heading("Next week's planned moves");
    if (r.nextWeek.length) {
      table(
        [{ title: "Slice", width: 26 }, { title: "Team", width: 16 }, { title: "Wave", width: 7, align: "right" }, { title: "Now", width: 10 }, { title: "Next", width: 10 }, { title: "Planned end", width: 16 }],
        r.nextWeek.map((m) => [m.slice, m.team, m.wave === null ? "—" : String(m.wave), stageLabel(m.stage), m.nextStage ? stageLabel(m.nextStage) : "—", m.plannedEnd ?? "—"]),
      );
    } else para("No slice is planned to start or finish next week.", { colour: COLOURS.muted });

    heading("Waves");
    if (r.waves.length) {
      table(
        [{ title: "Wave", width: 30 }, { title: "Planned", width: 26 }, { title: "Slices", width: 10, align: "right" }, { title: "Live or done", width: 14, align: "right" }, { title: "Change", width: 10, align: "right" }, { title: "Done", width: 10, align: "right" }],
        r.waves.map((w) => [w.label, `${w.plannedStart ?? "—"} to ${w.plannedEnd ?? "—"}`, String(w.slices), String(w.finished.value), delta(w.finished), String(w.done)]),
      );
    } else para("No waves are planned yet.", { colour: COLOURS.muted });

    heading("Platform readiness");
    if (r.facilities.length) {
      table(
        [{ title: "Facility", width: 30 }, { title: "Status", width: 16 }, { title: "Last week", width: 16 }, { title: "Owner", width: 18 }, { title: "Needed by waves", width: 20 }],
        r.facilities.map((f) => [f.name, facilityText(f.status), f.previous ? facilityText(f.previous) : "—", f.ownerTeam ?? "—", f.requiredByWaves.join(", ") || "—"]),
      );
    } else para("No platform facilities are recorded.", { colour: COLOURS.muted });

    heading("Scope change");
    const list = (names: string[]) => (names.length ? names.join(", ") : "none");
    bullets([`Slices added: ${list(r.scope.slicesAdded)}`, `Slices removed: ${list(r.scope.slicesRemoved)}`, `Services added: ${list(r.scope.servicesAdded)}`, `Services removed: ${list(r.scope.servicesRemoved)}`]);
  }

  const corrections = [...(r.closed?.corrections.length ? [{ week: r.range.week, changes: r.closed.corrections }] : []), ...r.corrections];
  if (corrections.length) {
    heading("Corrections to closed weeks");
    for (const c of corrections) {
      para(c.week, { bold: true });
      table([{ title: "What", width: 30 }, { title: "As issued", width: 35 }, { title: "Now", width: 35 }], c.changes.map((x) => [x.field, x.issued, x.now]));
      doc.moveDown(0.4);
    }
  }
  if (r.skippedEvents) {
    doc.moveDown(0.6);
    para(`${r.skippedEvents} recorded event${r.skippedEvents === 1 ? " was" : "s were"} unreadable and left out of these figures.`, { size: 8, colour: COLOURS.muted });
  }
}
