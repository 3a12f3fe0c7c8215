import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BurnUpSection } from "./burn-up-section";
import { testReport } from "./test-report";

// The server's render is the first paint: the chart must be in it, not wait for the browser.
const render = (report = testReport(), targetDate: string | null = "2027-03-31") => renderToStaticMarkup(createElement(BurnUpSection, { id: "b", points: report.burnUp, forecast: report.forecast, targetDate }));

describe("the burn-up section, rendered on the server", () => {
  it("draws the chart as a labelled image with its lines, fan and target", () => {
    const html = render();
    expect(html).toMatch(/<svg role="img" aria-labelledby="b-title" aria-describedby="b-description" viewBox="0 0 720 300"/);
    const chart = html.slice(html.indexOf('<svg role="img"'), html.indexOf("</svg>"));
    // Scope (and its projection), live and done lines, plus one fan (the live forecast; done has too little history).
    expect(chart.match(/<path[^>]*class="[^"]*fill-none/g)).toHaveLength(4);
    expect(chart.match(/<polygon[^>]*fill-sky-200/g)).toHaveLength(1);
    expect(chart).not.toMatch(/<polygon[^>]*fill-emerald-200/);
    expect(chart).toContain("Target 31 Mar 2027");
  });

  it("says the forecast as odds and the missing one as insufficient history", () => {
    const html = render();
    expect(html).toContain("At the current pace, 62% chance of every slice live (traffic fully moved) by 31 Mar 2027.");
    expect(html).toContain("Insufficient history to forecast every slice done (old path retired): 2 weeks recorded, 3 needed.");
  });

  it("holds every week in the data table, closed by default", () => {
    const html = render();
    expect(html).toMatch(/<details class="[^"]*"><summary[^>]*>The chart&#x27;s data as a table<\/summary>/);
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    expect(body.match(/<tr /g)).toHaveLength(6);
    expect(body).toContain("Week 47, 2026");
  });

  it("names no target it does not have", () => {
    const html = render(testReport(), null);
    expect(html).not.toContain("Target");
    expect(html).toContain("no target date is set");
  });

  it("says there is no history rather than drawing an empty chart", () => {
    const html = render(testReport({ burnUp: [] }));
    expect(html).not.toContain("<svg role");
    expect(html).toContain("No weeks of history yet");
  });
});
