import { describe, expect, it } from "vitest";
import { countMetric, metricMethod, processSnapshot, renderMetrics, sliceGauge, type ProcessSnapshot } from "./metrics";

describe("metrics", () => {
  it("renders counters and gauges in the text format", () => {
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "POST", status: "400" });
    const text = renderMetrics([processSnapshot()], [{ name: "ferry_up", help: "1 while Ferry serves", samples: [{ labels: {}, value: 1 }] }]);
    expect(text).toContain("# TYPE ferry_api_requests_total counter");
    expect(text).toContain('ferry_api_requests_total{method="GET",status="200"} 2');
    expect(text).toContain('ferry_api_requests_total{method="POST",status="400"} 1');
    expect(text).toContain("# TYPE ferry_up gauge\nferry_up 1\n");
    expect(text).toContain("ferry_web_processes 1\n");
    expect(text).toMatch(/\nprocess_resident_memory_bytes \d+\n/);
  });

  it("escapes label values that would break the format", () => {
    countMetric("odd_total", { path: 'a"b\nc' });
    expect(renderMetrics([processSnapshot()], [])).toContain('odd_total{path="a_b_c"} 1');
  });

  it("sums counters over the web server processes and labels each process's own gauges", () => {
    const a: ProcessSnapshot = { counters: [['hits_total{status="200"}', 3], ['hits_total{status="500"}', 1]], rssBytes: 100, uptimeSeconds: 7 };
    const b: ProcessSnapshot = { counters: [['hits_total{status="200"}', 4]], rssBytes: 200, uptimeSeconds: 9 };
    const text = renderMetrics([a, b], []);
    expect(text).toContain('hits_total{status="200"} 7\n');
    expect(text).toContain('hits_total{status="500"} 1\n');
    expect(text).toContain("ferry_web_processes 2\n");
    expect(text).toContain('process_resident_memory_bytes{process="1"} 100\nprocess_resident_memory_bytes{process="2"} 200\n');
    expect(text).toContain('process_uptime_seconds{process="2"} 9\n');
  });
});

describe("sliceGauge", () => {
  const rows = [
    { programmeId: "p1", status: "planned", count: 2 },
    { programmeId: "p2", status: "planned", count: 3 },
    { programmeId: "p2", status: "done", count: 1 },
  ];

  it("sums over programmes, naming none, for anonymous scrapes", () => {
    const text = renderMetrics([], [sliceGauge(rows, null)]);
    expect(text).toContain('ferry_slices{status="planned"} 5');
    expect(text).toContain('ferry_slices{status="done"} 1');
    expect(text).not.toContain("programme=");
  });

  it("labels each programme by slug for the metrics token", () => {
    const text = renderMetrics([], [sliceGauge(rows, new Map([["p1", "acme"], ["p2", "globex"]]))]);
    expect(text).toContain('ferry_slices{programme="acme",status="planned"} 2');
    expect(text).toContain('ferry_slices{programme="globex",status="done"} 1');
  });
});

describe("metricMethod", () => {
  it("keeps the methods Next routes and folds any other into one label", () => {
    expect(metricMethod("PATCH")).toBe("PATCH");
    expect(metricMethod("PROPFIND")).toBe("other");
    expect(metricMethod("X".repeat(500))).toBe("other");
  });
});
