/**
 * Import files built to hurt: YAML that expands exponentially or quadratically, bodies at and
 * past the size limit, files of 100,000 entities, and cells and names that are code to a
 * spreadsheet, a browser or a Markdown renderer.
 */
import { CSV_COLUMNS } from "../../lib/inventory/csv";
import { MAX_IMPORT_BYTES, MAX_YAML_ALIASES } from "../../lib/inventory/limits";

const component = (name: string, extra: string) => `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${extra}spec:\n  type: service\n  owner: payments\n`;

/** Billion laughs: nine levels of ten aliases each, 10^9 strings if expanded. */
export function billionLaughs(levels = 9): string {
  const lines = [`  lol0: &a0 [${Array(10).fill('"lol"').join(", ")}]`];
  for (let i = 1; i <= levels; i++) lines.push(`  lol${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]`);
  return component("laughs", `${lines.join("\n")}\n`).replace("  owner: payments\n", `  owner: payments\n  tags: *a${levels}\n`);
}

/**
 * Quadratic blow-up that stays under the alias count: one anchor of `size` values and
 * MAX_YAML_ALIASES - 1 aliases to it, so the alias limit alone lets it through.
 */
export function quadraticAliases(size = 20_000): string {
  const anchor = `  big: &big [${Array.from({ length: size }, (_, i) => `v${i}`).join(", ")}]\n`;
  const refs = Array.from({ length: MAX_YAML_ALIASES - 1 }, (_, i) => `  r${i}: *big\n`).join("");
  return component("quadratic", `  annotations:\n${anchor.replace(/^ {2}/, "    ")}${refs.replace(/^ {2}/gm, "    ")}`);
}

export const CSV_HEADER = "name,team,kind,description\n";

/** A valid services CSV of exactly `bytes` bytes: one row, then blank lines, which the reader skips. */
export function csvOfExactly(bytes: number): Buffer {
  const head = Buffer.from(`${CSV_HEADER}at-limit,payments,api,exactly at the limit\n`);
  const pad = Buffer.alloc(bytes - head.length, "\n");
  return Buffer.concat([head, pad]);
}

/** A chunk of an endless valid-looking CSV, for bodies too large to build in memory at once. */
export function csvStreamChunk(offset: number, length: number): Buffer {
  const row = "svc-streamed,payments,api,padding padding padding padding padding\n";
  const header = Buffer.from(CSV_HEADER);
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i++) {
    const at = offset + i;
    out[i] = at < header.length ? header[at] : row.charCodeAt((at - header.length) % row.length);
  }
  return out;
}

export const LIMIT = MAX_IMPORT_BYTES;

/** 100,000 services as CSV, each depending on the one before (a long chain for the planner too). */
export function csvOfEntities(n = 100_000): string {
  const rows = [CSV_HEADER.trim() + ",depends_on"];
  for (let i = 0; i < n; i++) rows.push(`svc-${i},team-${i % 50},api,row ${i},${i ? `svc-${i - 1}` : ""}`);
  return rows.join("\n") + "\n";
}

/** 100,000 Backstage components in one multi-document YAML file. */
export function yamlOfEntities(n = 100_000): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) docs.push(`apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {name: y-${i}}\nspec: {type: service, owner: t${i % 50}}\n`);
  return docs.join("---\n");
}

/** Cells a spreadsheet would run, one per OWASP trigger, in every free-text column of a CSV. */
export const FORMULAS = ["=HYPERLINK(\"https://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "'=already"];

export function formulaCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = "name,team,kind,description,tags,launch_command,config_notes";
  const rows = FORMULAS.map((f, i) => [`formula-${i}`, q(`team${f}`.slice(4) || "t"), "api", q(f), q(f.replace(/;/g, "")), q(f), q(f)].join(","));
  return [header, ...rows].join("\n") + "\n";
}

/** Markup a page must show as text: a script, an image whose error handler runs, a javascript: link. */
export const MARKUP = {
  script: "<script>alert('xss-script')</script>",
  img: "<img src=x onerror=alert('xss-img')>",
  link: "[click me](javascript:alert('xss-md'))",
  svg: "<svg onload=alert('xss-svg')>",
};

export function markupCsv(): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const header = "name,team,kind,description,tags,launch_command";
  return `${header}\nmarkup-svc,${q(MARKUP.img)},api,${q(`${MARKUP.script} ${MARKUP.link}`)},${q(MARKUP.svg)},${q(MARKUP.link)}\n`;
}

/** The CSV columns are the reader's own: a header this spec writes must use only known columns. */
export const knownColumns = new Set(CSV_COLUMNS.map((c) => c.name));
