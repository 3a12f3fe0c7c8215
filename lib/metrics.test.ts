import { describe, expect, it } from "vitest";
import { countMetric, renderMetrics } from "./metrics";

describe("metrics", () => {
  it("renders counters and gauges in the text format", () => {
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "GET", status: "200" });
    countMetric("ferry_api_requests_total", { method: "POST", status: "400" });
    const text = renderMetrics([{ name: "ferry_up", help: "1 while the process serves", samples: [{ labels: {}, value: 1 }] }]);
    expect(text).toContain("# TYPE ferry_api_requests_total counter");
    expect(text).toContain('ferry_api_requests_total{method="GET",status="200"} 2');
    expect(text).toContain('ferry_api_requests_total{method="POST",status="400"} 1');
    expect(text).toContain("# TYPE ferry_up gauge\nferry_up 1\n");
  });

  it("escapes label values that would break the format", () => {
    countMetric("odd_total", { path: 'a"b\nc' });
    expect(renderMetrics([])).toContain('odd_total{path="a_b_c"} 1');
  });
});
