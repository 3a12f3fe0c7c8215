import { describe, expect, it } from "vitest";
import { formatProblems, readMetrics, sampleValue } from "@/lib/testing/prometheus-text";
import { counterValue, countMetric, countRefusal, metricMethod, observeMetric, programmeGauge, renderMetrics, singleGauge, sliceGauge, unwatch, watchAtScrape } from "./metrics";

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

describe("the request, action and database metrics", () => {
  it("renders histograms and counters that a Prometheus parser and promtool accept", async () => {
    countMetric("ferry_http_requests_total", { method: "GET", route: "/p/[programme]/slices", status: "200" });
    observeMetric("ferry_http_request_duration_seconds", { method: "GET", route: "/p/[programme]/slices", status: "200" }, 0.042);
    countMetric("ferry_server_actions_total", { action: "moveSliceStageAction", outcome: "GATE_BLOCKED" });
    observeMetric("ferry_server_action_duration_seconds", { action: "moveSliceStageAction" }, 0.2);
    observeMetric("ferry_db_query_duration_seconds", { outcome: "ok" }, 0.003);
    const text = await renderMetrics([singleGauge("ferry_up", "1 while Ferry serves", 1)]);
    expect(formatProblems(text)).toBe("");
    const scrape = readMetrics(text);
    expect(scrape.types.get("ferry_http_request_duration_seconds")).toBe("histogram");
    const labels = { method: "GET", route: "/p/[programme]/slices", status: "200" };
    expect(sampleValue(scrape, "ferry_http_request_duration_seconds_count", labels)).toBeGreaterThanOrEqual(1);
    expect(sampleValue(scrape, "ferry_http_request_duration_seconds_bucket", { ...labels, le: "0.05" })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(scrape, "ferry_http_request_duration_seconds_bucket", { ...labels, le: "0.025" })).toBe(0);
    expect(sampleValue(scrape, "ferry_server_actions_total", { action: "moveSliceStageAction", outcome: "GATE_BLOCKED" })).toBeGreaterThanOrEqual(1);
    // Node's event-loop lag, from prom-client's defaults.
    expect(scrape.types.get("nodejs_eventloop_lag_seconds")).toBe("gauge");
  });

  it("reports watched values at every scrape and sums one gauge from several sources", async () => {
    let open = 3;
    const pool = (n: () => number) => () => [{ name: "ferry_test_pool", help: "test", labelNames: ["state"], samples: [{ labels: { state: "open" }, value: n() }] }];
    watchAtScrape("test-a", pool(() => open));
    watchAtScrape("test-b", pool(() => 2));
    expect(await renderMetrics([])).toContain('ferry_test_pool{state="open"} 5');
    open = 7;
    expect(await renderMetrics([])).toContain('ferry_test_pool{state="open"} 9');
    unwatch("test-a");
    unwatch("test-b");
    expect(await renderMetrics([])).not.toContain("ferry_test_pool");
  });
});

describe("programmeGauge", () => {
  const rows = [
    { programmeId: "p1", labels: { stage: "10" }, value: 2 },
    { programmeId: "p2", labels: { stage: "10" }, value: 3 },
    { programmeId: "p2", labels: { stage: "0" }, value: 1 },
  ];

  it("sums per label set without naming programmes, or labels each by slug for the token", async () => {
    const totals = programmeGauge("ferry_t_stage", "per", "total", ["stage"], rows, null);
    expect(totals.samples).toEqual([
      { labels: { stage: "0" }, value: 1 },
      { labels: { stage: "10" }, value: 5 },
    ]);
    const detailed = programmeGauge("ferry_t_stage", "per", "total", ["stage"], rows, new Map([["p1", "acme"], ["p2", "globex"]]));
    expect(detailed.samples).toContainEqual({ labels: { programme: "acme", stage: "10" }, value: 2 });
  });

  it("reads 0 for an unlabelled count with no rows, per programme and in total", () => {
    expect(programmeGauge("ferry_t_blocked", "per", "total", [], [], null).samples).toEqual([{ labels: {}, value: 0 }]);
    const per = programmeGauge("ferry_t_blocked", "per", "total", [], [{ programmeId: "p1", labels: {}, value: 4 }], new Map([["p1", "acme"], ["p2", "globex"]]));
    expect(per.samples).toEqual([
      { labels: { programme: "acme" }, value: 4 },
      { labels: { programme: "globex" }, value: 0 },
    ]);
  });
});

describe("the format check", () => {
  it("refuses text that is not the exposition format", () => {
    expect(formatProblems('ferry_x{a="1" 3\n')).not.toBe("");
    expect(() => readMetrics("not a metric line at all\n")).toThrow();
  });
});
