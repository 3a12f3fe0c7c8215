/**
 * Reads the dashboard and the alert rules for the tests: every PromQL expression in them, with
 * Grafana's variables replaced by values Prometheus accepts, and the metric names they use.
 */
import fs from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { parser } from "@prometheus-io/lezer-promql";

export type Rule = { alert: string; expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> };

export const ALERTS_FILE = path.resolve("deploy/prometheus/ferry-alerts.yaml");
export const DASHBOARD_FILE = path.resolve("deploy/grafana/ferry-dashboard.json");

export function alertRules(): Rule[] {
  const doc = yaml.load(fs.readFileSync(ALERTS_FILE, "utf8")) as { groups: { name: string; rules: Rule[] }[] };
  return doc.groups.flatMap((g) => g.rules);
}

type Panel = { title: string; targets: { expr: string }[] };
export function dashboardQueries(): { title: string; expr: string }[] {
  const dashboard = JSON.parse(fs.readFileSync(DASHBOARD_FILE, "utf8")) as { panels: Panel[] };
  return dashboard.panels.flatMap((p) => p.targets.map((t) => ({ title: p.title, expr: t.expr.replaceAll("$__rate_interval", "5m").replaceAll("$job", ".*") })));
}

/** Null when the expression parses as PromQL, else where it does not. */
export function promqlProblem(expr: string): string | null {
  let at: number | null = null;
  parser.parse(expr).iterate({
    enter: (node) => {
      if (node.type.isError && at === null) at = node.from;
    },
  });
  return at === null ? null : `does not parse at ${at}: ${expr.slice(Math.max(0, at - 20), at + 20)}`;
}

/** The metric names an expression reads (Ferry's, Node's and the process's). */
export function metricNames(expr: string): string[] {
  return [...new Set([...expr.matchAll(/\b((?:ferry|nodejs|process)_[a-z0-9_]+?)(?:_bucket|_count|_sum)?\b(?=\s*[{[(\s)]|$)/g)].map((m) => m[1]))];
}
