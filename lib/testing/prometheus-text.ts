/**
 * Reads Prometheus' text format in tests. The format is checked by promtool's `check metrics`
 * (Debian's prometheus package) when it is installed, else by parse-prometheus-text-format
 * (a port of prom2json's parser), which throws on a line it cannot read; either refusing fails
 * the test. Values are read with the small reader below (that parser folds the series of a
 * labelled histogram into one).
 */
import { spawnSync } from "node:child_process";
// @ts-expect-error the package ships no types; it exports one function of the text
import parsePrometheusTextFormat from "parse-prometheus-text-format";

export type Sample = { name: string; labels: Record<string, string>; value: number };
export type Scrape = { samples: Sample[]; types: Map<string, string> };

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Every sample line of a scrape, and the declared type of each family. Throws on a line it cannot read. */
export function readMetrics(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("# HELP ")) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(LABEL)) labels[k] = v.replace(/\\n/g, "\n").replace(/\\"/g, '"').replace(/\\\\/g, "\\");
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { samples, types };
}

/** The value of the sample with exactly these labels, or undefined. */
export function sampleValue(scrape: Scrape, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels);
  return scrape.samples.find((s) => s.name === name && wanted.every(([k, v]) => s.labels[k] === v) && Object.keys(s.labels).length === wanted.length)?.value;
}

/** The format's problems: "" when promtool (or, without it, the fallback parser) accepts the text. */
export function formatProblems(text: string): string {
  const run = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (!run.error) return run.status === 1 ? `promtool: ${run.stdout}${run.stderr}` : ""; // 3 is naming advice only
  try {
    (parsePrometheusTextFormat as (text: string) => unknown)(text);
    return "";
  } catch (error) {
    return `parse-prometheus-text-format: ${(error as Error).message}`;
  }
}

/** True when promtool is installed (Debian's prometheus package). */
export const hasPromtool = (): boolean => !spawnSync("promtool", ["--version"]).error;
