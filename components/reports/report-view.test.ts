import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NotesText } from "./notes-text";
import { Downloads, ReportView, WeekNav } from "./report-view";
import { addWeeks } from "@/lib/reports/weeks";
import { weekLabel } from "./format";
import { testReport } from "./test-report";

const render = (report = testReport(), currentWeek = report.range.week) =>
  renderToStaticMarkup(createElement(ReportView, { report, base: "/p/demo", notes: createElement(NotesText, { notes: report.notes }), closeWeek: null, currentWeek }));

describe("the weekly report page's body", () => {
  it("shows every section of the report", () => {
    const html = render();
    for (const title of ["Burn-up and forecast", "What moved", "Rollbacks", "Waves", "Notes and asks", "Blocked", "At risk", "Next week", "Platform readiness", "Scope change"]) {
      expect(html).toContain(`<h2 class="text-base font-semibold text-slate-900">${title}</h2>`);
    }
  });

  it("gives every headline number its change in words", () => {
    const html = render();
    expect(html).toContain("5 of 12");
    expect(html).toContain("up 2 since last week");
    expect(html).toContain("slices in scope up 1 since last week");
    expect(html).toContain("down 1 since last week");
    expect(html).toContain("up 7 points since last week");
  });

  it("puts a blocked slice on the blocked list with the team it waits on, and the rest at risk", () => {
    const html = render();
    const blocked = html.slice(html.indexOf('aria-label="Blocked slices"'), html.indexOf("At risk</h2>"));
    expect(blocked).toContain("Orders");
    expect(blocked).toContain("Owner: Fulfilment · waits on Payments");
    expect(blocked).toContain("new this week");
    const atRisk = html.slice(html.indexOf('aria-label="Slices at risk"'));
    expect(atRisk).toContain("Rolled back 2 times");
    expect(atRisk).toContain("No progress for 16 days");
  });

  it("states a rollback's reason, signal and observed value", () => {
    const html = render();
    expect(html).toContain("Reason: p99 latency doubled");
    expect(html).toContain("Signal: latency, observed p99 840 ms");
  });

  it("renders notes as text, never as markup", () => {
    const html = render();
    expect(html).toContain("&lt;b&gt;Not bold&lt;/b&gt;");
    expect(html).not.toContain("<b>Not bold</b>");
  });

  it("says when recorded changes could not be read", () => {
    expect(render(testReport({ skippedEvents: 2 }))).toContain("2 recorded changes could not be read (an older or unknown kind) and are left out of these figures.");
    expect(render()).not.toContain("could not be read");
  });

  it("shows an empty week as such, without sections, and the way to this week's report", () => {
    const future = testReport({ empty: "future_week" });
    const html = render(future, addWeeks(future.range.week, -3));
    expect(html).toContain("Nothing to report yet: this week has not started.");
    expect(html).not.toContain("Burn-up and forecast");
    // 2026-W47 begins at midnight in London on Monday 16 November.
    expect(html).toContain("It starts on Monday 16 November 2026, 3 weeks from now.");
    expect(html).toContain(`href="/p/demo/reports/${addWeeks(future.range.week, -3)}"`);
    expect(render(future, addWeeks(future.range.week, -1))).toContain("next week.");
    const before = render(testReport({ empty: "before_programme" }), addWeeks(future.range.week, 10));
    expect(before).toContain("before the programme&#x27;s first recorded change.");
    expect(before).not.toContain("It starts on");
    expect(before).toContain(`Go to this week&#x27;s report (${weekLabel(addWeeks(future.range.week, 10))})`);
  });

  it("shows a closed week as issued, with its corrections", () => {
    const html = render(testReport({ closed: { closedAt: "2026-11-23T09:00:00.000Z", closedBy: "Maya Manager", corrections: [{ field: "Slices live or done", issued: "5", now: "6" }] } }));
    expect(html).toContain("Closed 23 Nov 2026, 09:00 by Maya Manager: this is the report as it was issued.");
    expect(html).toContain("Slices live or done: issued as 5, now 6");
  });
});

describe("week navigation and downloads", () => {
  it("links the previous week and this week, and no next beyond the current week", () => {
    const html = renderToStaticMarkup(createElement(WeekNav, { base: "/p/demo", week: "2026-W47", previous: "2026-W46", next: null, current: "2026-W47" }));
    expect(html).toContain('href="/p/demo/reports/2026-W46"');
    expect(html).not.toContain("This week");
    expect(html).not.toContain('rel="next"');
  });

  it("links the four formats", () => {
    const html = renderToStaticMarkup(createElement(Downloads, { base: "/p/demo", week: "2026-W47" }));
    for (const f of ["md", "pdf", "csv", "json"]) expect(html).toContain(`href="/p/demo/reports/2026-W47/export?format=${f}"`);
  });
});
