import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { hasPromtool } from "@/lib/testing/prometheus-text";
import { alertRules, ALERTS_FILE, dashboardQueries, metricNames, promqlProblem } from "./monitoring";

// The dashboard and alerts for Ferry itself. That they read only metrics Ferry exports is checked
// against a live scrape in lib/http/operations.int.test.ts.
describe("the Prometheus alert rules", () => {
  it("cover error rate, latency, readiness, pool saturation and restarts", () => {
    const names = alertRules().map((r) => r.alert);
    for (const alert of ["FerryHighErrorRate", "FerryHighLatency", "FerryNotReady", "FerryDatabasePoolSaturated", "FerryRestarting", "FerryTargetDown", "FerryDatabaseDown"]) expect(names).toContain(alert);
  });

  it("are valid rules: PromQL that parses, a severity and a summary each", () => {
    for (const rule of alertRules()) {
      expect(promqlProblem(rule.expr), rule.alert).toBeNull();
      expect(["critical", "warning"], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
    }
  });

  it.runIf(hasPromtool())("pass promtool check rules", () => {
    const r = spawnSync("promtool", ["check", "rules", ALERTS_FILE], { encoding: "utf8" });
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  });
});

describe("the Grafana dashboard", () => {
  it("has a query per panel, each PromQL that parses", () => {
    const queries = dashboardQueries();
    expect(queries.length).toBeGreaterThanOrEqual(16);
    for (const q of queries) expect(promqlProblem(q.expr), q.title).toBeNull();
  });

  it("shows traffic, errors, latency, the database pool, restarts and live updates", () => {
    const used = new Set(dashboardQueries().flatMap((q) => metricNames(q.expr)));
    for (const name of ["ferry_http_requests_total", "ferry_http_request_duration_seconds", "ferry_db_pool_connections", "ferry_server_actions_total", "process_start_time_seconds", "nodejs_eventloop_lag_p99_seconds", "ferry_live_clients", "ferry_slices"]) expect(used, name).toContain(name);
  });

  it("the checks catch a broken query", () => {
    expect(promqlProblem('sum(rate(ferry_http_requests_total{status=~"5.."[5m]))')).not.toBeNull();
    expect(metricNames('histogram_quantile(0.95, sum by (le) (rate(ferry_http_request_duration_seconds_bucket{a="b"}[5m])))')).toEqual(["ferry_http_request_duration_seconds"]);
  });
});
