/**
 * Ferry JSON: the lossless backup. The serializer is canonical (every collection sorted by a
 * stable key, keys in a fixed order, absent values left out), so the same programme always
 * gives the same bytes and two exports can be compared with a plain diff.
 */
import { LineCounter, parseDocument, type Document } from "yaml";
import {
  completeService,
  inventoryDependencySchema,
  inventoryServiceSchema,
  inventoryTeamSchema,
  SET_FIELDS,
  sortErrors,
  type ParseResult,
  type RowError,
} from "./model";
import {
  ferryChecklistItemSchema,
  ferryDocumentSchema,
  ferryEventSchema,
  ferryFacilitySchema,
  ferryPersonSchema,
  ferryProgrammeSchema,
  ferrySliceSchema,
  ferryTemplateItemSchema,
  ferryTemplateSchema,
  ferryWaveSchema,
  FERRY_JSON_VERSION,
  type FerryDocument,
} from "./ferry-json-schema";
import { checkReferences } from "./ferry-json-refs";
import { jsonErrorOffset, lineOfOffset } from "./json-syntax";
import { formatPath, lineOfPath, type Path } from "./yaml-lines";

export * from "./ferry-json-schema";

// Key order is the schemas' field order: one place decides both validation and layout.
const keys = (schema: { shape: object }) => Object.keys(schema.shape);
const KEYS = {
  document: keys(ferryDocumentSchema),
  programme: keys(ferryProgrammeSchema),
  team: keys(inventoryTeamSchema),
  service: keys(inventoryServiceSchema),
  dependency: keys(inventoryDependencySchema),
  wave: keys(ferryWaveSchema),
  slice: keys(ferrySliceSchema),
  item: keys(ferryChecklistItemSchema),
  facility: keys(ferryFacilitySchema),
  template: keys(ferryTemplateSchema),
  templateItem: keys(ferryTemplateItemSchema),
  person: keys(ferryPersonSchema),
  personTeam: ["name", "lead"],
  event: keys(ferryEventSchema),
};

/** A JSON value with every object's keys sorted, so a payload prints the same whatever wrote it. */
function canonicalJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalJson);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = canonicalJson((value as Record<string, unknown>)[k]);
  return out;
}

// Stands in for the history while the rest is indented; one event per line keeps a large
// history about half the size and lets a plain diff or grep show it event by event.
const HISTORY_SLOT = "\u0000history\u0000";

/**
 * Copy `keys` of `value` in that order, leaving out null, undefined and "" (all mean "none" on
 * import). Anything not in the list, such as an id or updatedAt, never reaches the file.
 */
function ordered(value: object, keyList: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keyList) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined && v !== null && v !== "") out[k] = v;
  }
  return out;
}

// Code-unit comparison, never localeCompare: the order must not depend on the machine's locale.
type SortKey<T> = (t: T) => string | number;
function sortBy<T>(items: readonly T[] | undefined, ...by: SortKey<T>[]): T[] {
  return [...(items ?? [])].sort((a, b) => {
    for (const k of by) {
      const x = k(a);
      const y = k(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  });
}
const sorted = (xs: readonly string[] | undefined) => sortBy(xs, (x) => x);

/** Print a document canonically: sorted collections, fixed key order, 2-space indent, trailing newline. */
export function serializeFerryJson(doc: FerryDocument): string {
  const out = ordered(
    {
      format: "ferry",
      version: FERRY_JSON_VERSION,
      programme: ordered(doc.programme, KEYS.programme),
      teams: sortBy(doc.teams, (t) => t.name).map((t) => ordered(t, KEYS.team)),
      // Completing services writes defaults out, so "kind absent" and "kind api" print the same.
      services: sortBy(doc.services, (s) => s.name).map((s) => {
        const full: Record<string, unknown> = completeService(s);
        for (const f of SET_FIELDS) full[f] = sorted(full[f] as string[]);
        return ordered(full, KEYS.service);
      }),
      dependencies: sortBy(doc.dependencies, (d) => d.from, (d) => d.to).map((d) => ordered(d, KEYS.dependency)),
      waves: sortBy(doc.waves, (w) => w.number).map((w) => ordered({ ...w, facilities: sorted(w.facilities) }, KEYS.wave)),
      slices: sortBy(doc.slices, (s) => s.name).map((s) =>
        ordered(
          {
            ...s,
            services: sorted(s.services),
            // An ordinary item (not a follow-up) prints as it did before follow-ups existed.
            checklist: sortBy(s.checklist, (i) => i.position, (i) => i.key).map((i) => ordered({ ...i, followUp: i.followUp || undefined }, KEYS.item)),
          },
          KEYS.slice,
        ),
      ),
      facilities: sortBy(doc.facilities, (f) => f.key).map((f) => ordered(f, KEYS.facility)),
      checklistTemplates: sortBy(doc.checklistTemplates, (t) => t.name).map((t) =>
        ordered({ ...t, items: sortBy(t.items, (i) => i.position, (i) => i.key).map((i) => ordered(i, KEYS.templateItem)) }, KEYS.template),
      ),
      people: sortBy(doc.people, (p) => p.email).map((p) => ordered({ ...p, teams: sortBy(p.teams, (t) => t.name).map((t) => ordered(t, KEYS.personTeam)) }, KEYS.person)),
      history: HISTORY_SLOT,
    },
    KEYS.document,
  );
  // Oldest first; the sort is stable, so events of one instant keep the order they were recorded in.
  const events = sortBy(doc.history, (e) => e.at).map((e) =>
    JSON.stringify(ordered({ ...e, before: canonicalJson(e.before), after: canonicalJson(e.after) }, KEYS.event)),
  );
  const history = events.length ? `[\n    ${events.join(",\n    ")}\n  ]` : "[]";
  return JSON.stringify(out, null, 2).replace(JSON.stringify(HISTORY_SLOT), () => history) + "\n";
}

/** A Ferry JSON problem: its line and, when it is about one field, the JSON path to it. */
export type FerryJsonError = RowError & { path?: string };

/** The parsed document (null when it is unusable) beside the inventory the import diff works on. */
export type FerryParseResult = ParseResult & { document: FerryDocument | null; errors: FerryJsonError[] };

/** Parse and check a Ferry JSON backup: syntax, schema, then references; never throws. */
export function parseFerryJson(text: string): FerryParseResult {
  const empty = { teams: [], services: [], dependencies: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { inventory: empty, document: null, errors: [{ line: lineOfOffset(text, Math.max(jsonErrorOffset(text), 0)), message: `Not valid JSON: ${message}` }] };
  }
  // Lines are found by reading the text again with the yaml package (JSON is YAML), only
  // when there is something to report, so a valid 10 MB backup pays nothing for it.
  let located: { doc: Document; lc: LineCounter } | undefined;
  const lineOf = (path: Path) => {
    if (!located) {
      const lc = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: lc, uniqueKeys: false }), lc };
    }
    return lineOfPath(located.doc.contents, path, located.lc);
  };
  const error = (path: Path, message: string, linePath: Path = path): FerryJsonError => ({
    line: lineOf(linePath),
    path: formatPath(path),
    message: path.length ? `${formatPath(path)}: ${message}` : message,
  });

  const parsed = ferryDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => {
      const path = issue.path as Path;
      // An unknown key is best pointed at where it is written, not at its parent object.
      const at = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...path, issue.keys[0]] : path;
      return error(path, issue.message, at);
    });
    return { inventory: empty, document: null, errors: sortErrors(errors) };
  }
  const doc = parsed.data;
  const errors = checkReferences(doc).map((i) => error(i.path, i.message));
  const inventory = {
    teams: doc.teams.map((t) => ({ name: t.name, contactChannel: t.contactChannel ?? null })),
    // The backup is the whole truth: what it leaves out is "none", not "keep what is there".
    services: doc.services.map(completeService),
    dependencies: doc.dependencies,
  };
  // Whether the history is restored depends on the programme, which this pure reader cannot
  // see; the preview says so rather than let anyone expect history in a busy programme.
  const warnings = doc.history.length
    ? [{ line: lineOfOffset(text, Math.max(text.indexOf('"history"'), 0)), message: `history: the ${doc.history.length} events and the people are restored only into an empty programme; into one with services, slices or events of its own only the current state is imported` }]
    : [];
  return { inventory, document: doc, errors: sortErrors(errors), warnings };
}
