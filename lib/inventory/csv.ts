/**
 * The services spreadsheet: documented columns, the downloadable template, the import
 * (one service per row, errors with the row's line) and the services-list export.
 */
import {
  byString,
  DEPENDENCY_KINDS,
  sortErrors,
  type DependencyKind,
  type InventoryDependency,
  type InventoryService,
  type InventoryTeam,
  type ParseResult,
  type RowError,
  type ServiceField,
} from "./model";
import { LIST_SEPARATOR, serviceFromText, valueToText } from "./text-fields";
import { readCsv, restoreCell, toCsv, type Cell } from "./csv-format";

export { readCsv, toCsv, neutraliseCell, restoreCell, type Cell, type CsvRecord } from "./csv-format";

type Column = { name: string; field: ServiceField | "name" | "dependsOn"; description: string };

const BLANK_KEEPS = "Blank keeps the current value (the default for a new service).";
const BLANK_CLEARS = "Blank clears it.";
const LIST = 'Several values separated by ";".';

/** The CSV columns in export order, each with the description shown next to the template. */
export const CSV_COLUMNS: readonly Column[] = [
  { name: "name", field: "name", description: "Required. Lowercase letters, digits and hyphens, starting with a letter, at most 63 characters." },
  { name: "team", field: "team", description: `Owner team; created if new. ${BLANK_CLEARS}` },
  { name: "kind", field: "kind", description: `api, web, worker, cron, gateway, datastore, queue or cache (default api). ${BLANK_KEEPS}` },
  { name: "stateful", field: "stateful", description: `true or false (also yes/no, 1/0). ${BLANK_KEEPS}` },
  { name: "shared", field: "shared", description: `true for shared infrastructure that is not a datastore, queue or cache (an auth service): planned last. ${BLANK_KEEPS}` },
  { name: "tier", field: "tier", description: `Business criticality, 1 (highest) to 4 (default 3). ${BLANK_KEEPS}` },
  { name: "strategy", field: "strategy", description: `rehost, replatform, refactor, retire or retain (default rehost). ${BLANK_KEEPS}` },
  { name: "depends_on", field: "dependsOn", description: `Services this one depends on, each optionally suffixed :sync, :async or :data (default sync), e.g. "orders-db:data;auth". ${LIST} Each must be in the file or already in the programme. A row's list replaces that service's dependencies.` },
  { name: "data_stores", field: "dataStores", description: `Data stores the service uses. ${LIST} ${BLANK_CLEARS}` },
  { name: "session_sticky", field: "sessionSticky", description: `true if sessions must stick to one instance. ${BLANK_KEEPS}` },
  { name: "config_sources", field: "configSources", description: `How it is configured: env, files, flags, remote. ${LIST} ${BLANK_CLEARS}` },
  { name: "config_notes", field: "configNotes", description: `Free text about its configuration. ${BLANK_CLEARS}` },
  { name: "launch_command", field: "launchCommand", description: `How it is started. ${BLANK_CLEARS}` },
  { name: "build_command", field: "buildCommand", description: `How it is built. ${BLANK_CLEARS}` },
  { name: "migrate_command", field: "migrateCommand", description: `Its database migration command. ${BLANK_CLEARS}` },
  { name: "peak_rps", field: "peakRps", description: `Peak requests per second, a whole number; weights progress by traffic. ${BLANK_CLEARS}` },
  { name: "legacy_platform", field: "legacyPlatform", description: `Where it runs today (vm, bare metal, a PaaS). ${BLANK_CLEARS}` },
  { name: "target_cluster", field: "targetCluster", description: `Kubernetes cluster it moves to. ${BLANK_CLEARS}` },
  { name: "target_namespace", field: "targetNamespace", description: `Kubernetes namespace it moves to. ${BLANK_CLEARS}` },
  { name: "repository_url", field: "repositoryUrl", description: `Source repository. ${BLANK_CLEARS}` },
  { name: "system", field: "system", description: `The system it belongs to (Backstage's spec.system). ${BLANK_CLEARS}` },
  { name: "tags", field: "tags", description: `Free tags. ${LIST} ${BLANK_CLEARS}` },
  { name: "description", field: "description", description: `What it does. ${BLANK_CLEARS}` },
];

const EXAMPLES: readonly (readonly Cell[])[] = [
  ["orders", "payments", "api", false, false, 1, "replatform", "orders-db:data", "orders-db", false, "env;files", "DB_URL and FEATURE_FLAGS from the environment", "java -jar orders.jar", "mvn package", "flyway migrate", 1200, "vm", "prod-eu-1", "orders", "https://git.example.com/shop/orders", "shop", "checkout;java", "Takes and tracks customer orders"],
  ["orders-db", "payments", "datastore", true, false, 1, "retain", "", "", false, "", "", "", "", "", "", "vm", "", "", "", "shop", "postgres", "Orders database (PostgreSQL 14)"],
];

/** The downloadable template: the header and two example rows. */
export function csvTemplate(): string {
  return toCsv([CSV_COLUMNS.map((c) => c.name), ...EXAMPLES]);
}

// "Peak RPS", "peak-rps" and "peak_rps" all name the same column.
const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, "_");
const COLUMN_BY_NAME = new Map(CSV_COLUMNS.map((c) => [c.name, c]));

/** Parse a services CSV; `known` names services already in the programme, for depends_on. */
export function parseServicesCsv(text: string, known: Iterable<string> = []): ParseResult {
  const { records, errors } = readCsv(text);
  const empty = { teams: [], services: [], dependencies: [] };
  const [header, ...rows] = records;
  if (!header) {
    errors.push({ line: 1, message: `The file is empty: the first line must be the header (${CSV_COLUMNS.map((c) => c.name).join(", ")})` });
    return { inventory: empty, errors: sortErrors(errors) };
  }
  const readerErrors = errors.length;
  const columns: (Column | undefined)[] = [];
  for (const raw of header.fields) {
    const col = COLUMN_BY_NAME.get(normaliseHeader(raw));
    if (!col) errors.push({ line: header.line, message: `Unknown column ${JSON.stringify(shortened(raw.trim()))}: the columns are ${[...COLUMN_BY_NAME.keys()].join(", ")}` });
    else if (columns.includes(col)) errors.push({ line: header.line, message: `Column ${col.name} appears twice` });
    columns.push(col);
  }
  if (!columns.some((c) => c?.name === "name")) errors.push({ line: header.line, message: "The header has no name column" });
  // With a bad header every row would be read into the wrong fields: stop here.
  if (errors.length > readerErrors) return { inventory: empty, errors: sortErrors(errors) };

  const services: InventoryService[] = [];
  const teams = new Map<string, InventoryTeam>();
  const lineOf = new Map<string, number>();
  const pending: { from: string; ok: boolean; raw: string; line: number }[] = [];
  for (const row of rows) {
    if (row.fields.every((f) => f.trim() === "")) continue;
    if (row.fields.length > columns.length && row.fields.slice(columns.length).some((f) => f.trim() !== "")) {
      errors.push({ line: row.line, message: `This row has ${row.fields.length} cells but the header has ${columns.length}` });
      continue;
    }
    const cells: Partial<Record<ServiceField, string>> = {};
    let name = "";
    let dependsOn: string | undefined;
    columns.forEach((col, i) => {
      const value = restoreCell(row.fields[i] ?? "");
      if (col!.field === "name") name = value.trim();
      else if (col!.field === "dependsOn") dependsOn = value;
      else cells[col!.field] = value;
    });
    const { service, errors: fieldErrors } = serviceFromText(name, cells);
    for (const e of fieldErrors) {
      errors.push({ line: row.line, message: e.field === "name" ? e.message : `${CSV_COLUMNS.find((c) => c.field === e.field)!.name}: ${e.message}` });
    }
    const earlier = lineOf.get(name);
    if (earlier !== undefined) errors.push({ line: row.line, message: `Duplicate service name "${name}": already on line ${earlier}` });
    else if (name) lineOf.set(name, row.line);
    if (dependsOn !== undefined) pending.push({ from: name, ok: !!service && earlier === undefined, raw: dependsOn, line: row.line });
    if (!service || earlier !== undefined) continue;
    services.push(service);
    if (service.team && !teams.has(service.team)) teams.set(service.team, { name: service.team });
  }

  const dependencies = resolveDependsOn(pending, new Set([...lineOf.keys(), ...known]), errors);
  const coverage = { teams: false, dependencies: columns.some((c) => c?.field === "dependsOn") };
  return { inventory: { teams: [...teams.values()], services, dependencies, coverage }, errors: sortErrors(errors) };
}

// Runs after every row is read, so a row may depend on a service defined further down.
function resolveDependsOn(pending: { from: string; ok: boolean; raw: string; line: number }[], names: Set<string>, errors: RowError[]): InventoryDependency[] {
  const deps = new Map<string, InventoryDependency>();
  for (const p of pending) {
    for (const entry of p.raw.split(LIST_SEPARATOR).map((x) => x.trim()).filter(Boolean)) {
      const colon = entry.lastIndexOf(":");
      const to = (colon === -1 ? entry : entry.slice(0, colon)).trim();
      const kind = (colon === -1 ? "sync" : entry.slice(colon + 1).trim().toLowerCase()) as DependencyKind;
      const problem = !DEPENDENCY_KINDS.includes(kind)
        ? `depends_on: "${entry}" has kind "${kind}"; use sync, async or data`
        : to === p.from
          ? `depends_on: ${to} cannot depend on itself`
          : !names.has(to)
            ? `depends_on: dangling reference to "${to}", which is neither in this file nor in the programme`
            : null;
      if (problem) errors.push({ line: p.line, message: problem });
      else if (p.ok && !deps.has(`${p.from}\u0000${to}`)) deps.set(`${p.from}\u0000${to}`, { from: p.from, to, kind });
    }
  }
  return [...deps.values()];
}

/** The services-list export: one row per service, in the order given, depends_on from `dependencies`. */
export function servicesToCsv(services: readonly InventoryService[], dependencies: readonly InventoryDependency[] = []): string {
  const out = new Map<string, InventoryDependency[]>();
  for (const d of dependencies) {
    const list = out.get(d.from);
    if (list) list.push(d);
    else out.set(d.from, [d]);
  }
  const rows = services.map((s) =>
    CSV_COLUMNS.map((c): Cell => {
      if (c.field === "name") return s.name;
      if (c.field === "dependsOn") {
        const ds = [...(out.get(s.name) ?? [])].sort((a, b) => byString(a.to, b.to));
        return ds.map((d) => (d.kind === "sync" ? d.to : `${d.to}:${d.kind}`)).join(";");
      }
      return valueToText(s[c.field]);
    }),
  );
  return toCsv([CSV_COLUMNS.map((c) => c.name), ...rows]);
}

/** A caller's text echoed in an error message, cut short: a 1 MB header cell is not repeated back. */
function shortened(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
