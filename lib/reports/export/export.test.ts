import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHistory } from "../history";
import { buildWeeklyReport } from "../report";
import { NO_NOTES, scenarioCurrent, scenarioEvents, scenarioInput } from "../test-history";
import type { Forecast, WeeklyReport } from "../types";
import { renderReport, reportToCsv, reportToJson, reportToMarkdown, reportToPdf } from ".";
import { escapeMarkdown, escapeParagraphs } from "./markdown";

const NASTY = "=HYPERLINK(\"http://x\")|**bold** <script>alert(1)</script> [link](http://x) #1";

/** The scenario with names and notes that try to break every format. */
function hostileReport(): WeeklyReport {
  const current = scenarioCurrent();
  current.slices = current.slices.map((s) => (s.id === "B" ? { ...s, name: NASTY } : s));
  const input = scenarioInput({ current });
  input.history = readHistory(scenarioEvents());
  return buildWeeklyReport(input, "2026-W45", { notes: "# Not a heading\n- not a list\n<b>not bold</b>\n\nSecond paragraph & more", asks: "+1 DBA for @orders", author: "Pat", updatedAt: "2026-11-06T09:00:00.000Z" });
}

const pdfText = (bytes: Buffer) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ferry-pdf-"));
  try {
    fs.writeFileSync(path.join(dir, "r.pdf"), bytes);
    return execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

describe("Markdown export", () => {
  it("escapes Markdown and HTML in names and notes", () => {
    expect(escapeMarkdown("**x** <b> a|b [c](d) _e_ `f` ~g~")).toBe("\\*\\*x\\*\\* &lt;b&gt; a\\|b \\[c\\](d) \\_e\\_ \\`f\\` \\~g\\~");
    expect(escapeParagraphs("# title\n1. first\n\n- x")).toBe("\\# title  \n1\\. first\n\n\\- x");
    expect(escapeMarkdown("a\nb")).toBe("a b");
    // An ampersand is escaped only where it would start a character reference: "Orders &amp;
    // Fulfilment" in a pasted email was the regression.
    expect(escapeMarkdown("Orders & Fulfilment, R&D;")).toBe("Orders & Fulfilment, R&amp;D;");
    expect(escapeMarkdown("&lt; &#60; &#x3c; & ; &&")).toBe("&amp;lt; &amp;#60; &amp;#x3c; & ; &&");
    const md = reportToMarkdown(hostileReport());
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
    expect(md).toContain("\\*\\*bold\\*\\*");
    expect(md).toContain("\\# Not a heading  \n\\- not a list  \n&lt;b&gt;not bold&lt;/b&gt;\n\nSecond paragraph & more");
    // No table row gains a cell from a name's "|".
    for (const row of md.split("\n").filter((l) => l.startsWith("| ") && l.includes("HYPERLINK"))) expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it("reads as a report: headline, forecast, what moved, attention, waves, notes", () => {
    const md = reportToMarkdown(buildWeeklyReport(scenarioInput(), "2026-W45", NO_NOTES));
    expect(md).toMatch(/^# Weekly report: Shop &lt;migration&gt;\n\n\*\*2026-W45 \(2026-11-02 to 2026-11-08, UTC\)\*\*/);
    expect(md).toContain("| Slices live or done | 1 of 3 | 0 of 3 | +1 |");
    expect(md).toContain("| Peak traffic served from Kubernetes | 18.2% | 1.8% | +16.4 pt |");
    expect(md).toContain("- orders (fulfilment): mirror back to 0% on 2026-11-05: p99 above the SLO; signal: latency");
    expect(md).toContain("No notes this week.");
    expect(md.endsWith("\n")).toBe(true);
  });

  // The exports printed "100% chance" where the pages said "over 99%" for the same forecast.
  it("says the odds and reasons in the pages' words", () => {
    const r = buildWeeklyReport(scenarioInput(), "2026-W45", NO_NOTES);
    const live = { status: "forecast", target: "live", remaining: 2, weeksSampled: 8, throughput: [1, 0, 1, 1, 0, 1, 1, 1], trials: 10_000, seed: 1, dates: { p50: "2027-01-04", p85: "2027-01-18", p95: "2027-02-01" }, chanceByTarget: 0.996 } satisfies Forecast;
    const md = reportToMarkdown({ ...r, programme: { ...r.programme, targetDate: "2027-03-31" }, forecast: { ...r.forecast, live } });
    expect(md).toContain("At the current pace, over 99% chance of every slice live (traffic fully moved) by 31 Mar 2027.");
    expect(md).not.toContain("100% chance");
  });
});

describe("CSV export", () => {
  it("has one row per slice at the end of the week, formula cells neutralised", () => {
    const csv = reportToCsv(hostileReport());
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("week,slice,team,wave,status,stage,services,service_count,checklist_done,checklist_na,checklist_open,checklist_total,rollbacks,planned_start,planned_end,last_progress_at,attention");
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes("HYPERLINK"))).toMatch(/^2026-W45,"'=HYPERLINK\(""http:\/\/x""\)/);
    expect(lines.find((l) => l.includes("checkout"))).toBe("2026-W45,checkout,payments,1,done,100,cart-api; checkout-api,2,2,0,0,2,0,,,2026-11-06T10:00:00.000Z,");
  });
});

describe("JSON export", () => {
  it("is the report itself, in the same key order however it was stored", () => {
    const r = buildWeeklyReport(scenarioInput(), "2026-W45", NO_NOTES);
    const json = reportToJson(r);
    expect(JSON.parse(json)).toEqual(r);
    // As jsonb gives it back: keys sorted by length, then bytes.
    const shuffle = (v: unknown): unknown => (Array.isArray(v) ? v.map(shuffle) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1)).map(([k, x]) => [k, shuffle(x)])) : v);
    expect(reportToJson(shuffle(r) as WeeklyReport)).toBe(json);
  });
});

describe("PDF export", () => {
  it("is an A4 document with real, extractable text, notes drawn as text", async () => {
    const pdf = await reportToPdf(hostileReport());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    for (const s of ["WEEKLY STAKEHOLDER REPORT", "Shop <migration>", "2026-W45", "Burn-up and forecast", "Blocked and at risk", "<b>not bold</b>", "+1 DBA for @orders", "<script>alert(1)</script>", "p99 above the SLO"]) expect(text).toContain(s);
    expect(execFileSync("pdfinfo", ["-"], { input: pdf, encoding: "utf8" })).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it("gives the same bytes for the same week", async () => {
    const a = await reportToPdf(buildWeeklyReport(scenarioInput(), "2026-W45", NO_NOTES));
    const b = await reportToPdf(buildWeeklyReport(scenarioInput(), "2026-W45", NO_NOTES));
    expect(a.equals(b)).toBe(true);
  });

  it("renders an empty week with its reason", async () => {
    const r = await renderReport(buildWeeklyReport(scenarioInput(), "2027-W10", NO_NOTES), "pdf");
    expect(r).toMatchObject({ contentType: "application/pdf", filename: "shop-weekly-report-2027-W10.pdf" });
    expect(pdfText(r.body as Buffer)).toContain("Nothing to report yet: 2027-W10 has not started.");
  });
});
