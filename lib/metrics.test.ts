import { describe, expect, it } from "vitest";
import { counterValue, countMetric, countRefusal, metricMethod, renderMetrics, singleGauge, sliceGauge } from "./metrics";

describe("metrics", () => {
  it("renders counters and gauges in the text format", async () => {
    const before = await counterValue("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "POST", status: "400" });
    const text = await renderMetrics([singleGauge("ferry_up", "1 while Ferry serves", 1)]);
    expect(text).toContain("# TYPE ferry_api_requests_total counter");
    expect(text).toContain(`ferry_api_requests_total{method="GET",status="200"} ${before + 2}`);
    expect(text).toContain('ferry_api_requests_total{method="POST",status="400"} 1');
    expect(text).toContain("# TYPE ferry_up gauge\nferry_up 1\n");
    // Node's own metrics, from prom-client's defaults.
    expect(text).toMatch(/\nprocess_resident_memory_bytes \d+\n/);
    expect(text).toMatch(/\nprocess_start_time_seconds \d+\n/);
  });

  it("escapes label values that would break the format", async () => {
    countRefusal('a"b\nc\\', 400);
    expect(await renderMetrics([])).toContain('ferry_http_refusals_total{reason="a\\"b\\nc\\\\",status="400"} 1');
  });

  it("keeps one scrape's gauges out of the next", async () => {
    const rows = [{ programmeId: "p1", status: "planned", count: 2 }];
    expect(await renderMetrics([sliceGauge(rows, new Map([["p1", "acme"]]))])).toContain('ferry_slices{programme="acme",status="planned"} 2');
    const next = await renderMetrics([sliceGauge(rows, null)]);
    expect(next).toContain('ferry_slices{status="planned"} 2');
    expect(next).not.toContain("acme");
  });

  it("counts per labels, and reads 0 for labels never counted", async () => {
    countRefusal("unit-count", 503);
    countRefusal("unit-count", 503);
    expect(await counterValue("ferry_http_refusals_total", { reason: "unit-count", status: "503" })).toBe(2);
    expect(await counterValue("ferry_http_refusals_total", { reason: "unit-count", status: "404" })).toBe(0);
  });
});

describe("sliceGauge", () => {
  const rows = [
    { programmeId: "p1", status: "planned", count: 2 },
    { programmeId: "p2", status: "planned", count: 3 },
    { programmeId: "p2", status: "done", count: 1 },
  ];

  it("sums over programmes, naming none, for anonymous scrapes", async () => {
    const text = await renderMetrics([sliceGauge(rows, null)]);
    expect(text).toContain('ferry_slices{status="planned"} 5');
    expect(text).toContain('ferry_slices{status="done"} 1');
    expect(text).not.toContain("programme=");
  });

  it("labels each programme by slug for the metrics token", async () => {
    const text = await renderMetrics([sliceGauge(rows, new Map([["p1", "acme"], ["p2", "globex"]]))]);
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
