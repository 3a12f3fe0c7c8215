/**
 * Cross-references inside a Ferry JSON document, which the schema alone cannot see: names
 * unique where the database makes them unique, and every name or key pointing at something
 * the document defines.
 */
import type { FerryDocument } from "./ferry-json-schema";
import { formatPath, type Path } from "./yaml-lines";

export type DocumentIssue = { path: Path; message: string };

/** Every broken reference and duplicate in a schema-valid document. */
export function checkReferences(doc: FerryDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const unique = <T>(items: readonly T[], keyOf: (t: T) => string, pathOf: (i: number) => Path, what: string): Set<string> => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = keyOf(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else issues.push({ path: pathOf(i), message: `Duplicate ${what} ${JSON.stringify(k)}: also at ${formatPath(pathOf(first))}` });
    });
    return new Set(seen.keys());
  };
  const exists = (set: Set<string>, value: string | number | null | undefined, path: Path, what: string) => {
    if (value !== null && value !== undefined && !set.has(String(value))) issues.push({ path, message: `Unknown ${what} ${JSON.stringify(value)}` });
  };

  const teams = unique(doc.teams, (t) => t.name, (i) => ["teams", i, "name"], "team");
  const services = unique(doc.services, (s) => s.name, (i) => ["services", i, "name"], "service");
  unique(doc.dependencies, (d) => `${d.from} -> ${d.to}`, (i) => ["dependencies", i], "dependency");
  const waves = unique(doc.waves, (w) => String(w.number), (i) => ["waves", i, "number"], "wave number");
  unique(doc.slices, (s) => s.name, (i) => ["slices", i, "name"], "slice");
  const facilities = unique(doc.facilities, (f) => f.key, (i) => ["facilities", i, "key"], "facility key");
  unique(doc.checklistTemplates, (t) => t.name, (i) => ["checklistTemplates", i, "name"], "checklist template");

  doc.services.forEach((s, i) => exists(teams, s.team, ["services", i, "team"], "team"));
  doc.dependencies.forEach((d, i) => {
    exists(services, d.from, ["dependencies", i, "from"], "service");
    exists(services, d.to, ["dependencies", i, "to"], "service");
  });
  doc.waves.forEach((w, i) => w.facilities.forEach((f, j) => exists(facilities, f, ["waves", i, "facilities", j], "facility")));
  doc.facilities.forEach((f, i) => exists(teams, f.ownerTeam, ["facilities", i, "ownerTeam"], "team"));
  doc.checklistTemplates.forEach((t, i) => unique(t.items, (x) => x.key, (j) => ["checklistTemplates", i, "items", j, "key"], "item key"));

  const sliceOf = new Map<string, number>();
  doc.slices.forEach((s, i) => {
    exists(teams, s.team, ["slices", i, "team"], "team");
    exists(waves, s.wave, ["slices", i, "wave"], "wave");
    s.services.forEach((name, j) => {
      const path = ["slices", i, "services", j];
      exists(services, name, path, "service");
      const other = sliceOf.get(name);
      if (other === undefined) sliceOf.set(name, i);
      else if (other === i) issues.push({ path, message: `Service ${JSON.stringify(name)} is listed twice in this slice` });
      else issues.push({ path, message: `Service ${JSON.stringify(name)} is already in slice ${JSON.stringify(doc.slices[other].name)}: a service is in at most one slice` });
    });
    unique(s.checklist, (x) => x.key, (j) => ["slices", i, "checklist", j, "key"], "checklist item key");
  });
  checkPeopleAndHistory(doc, issues, unique, exists, { teams, services, waves, facilities });
  return issues;
}

type Unique = <T>(items: readonly T[], keyOf: (t: T) => string, pathOf: (i: number) => Path, what: string) => Set<string>;
type Exists = (set: Set<string>, value: string | number | null | undefined, path: Path, what: string) => void;

/** The key an event's `entity` is checked by, per entity type: the same keys the restore looks things up by. */
export const entityKey = (parts: readonly string[]) => JSON.stringify(parts);

function checkPeopleAndHistory(doc: FerryDocument, issues: DocumentIssue[], unique: Unique, exists: Exists, sets: Record<"teams" | "services" | "waves" | "facilities", Set<string>>) {
  if (doc.version === 1 && (doc.people.length || doc.history.length)) {
    issues.push({ path: ["version"], message: "People and history need version 2" });
  }
  const people = unique(doc.people, (p) => p.email, (i) => ["people", i, "email"], "person");
  doc.people.forEach((p, i) => p.teams.forEach((t, j) => exists(sets.teams, t.name, ["people", i, "teams", j, "name"], "team")));
  // A tick's author need not be in `people` (a version 1 file has none): one missing here is
  // matched by email where the file is imported, as version 1 always did.
  const one = (values: string[]) => new Set(values.map((v) => entityKey([v])));
  const known: Record<string, Set<string>> = {
    programme: new Set([entityKey([])]),
    team: one([...sets.teams]),
    service: one([...sets.services]),
    wave: one([...sets.waves]),
    facility: one([...sets.facilities]),
    slice: one(doc.slices.map((s) => s.name)),
    checklist_template: one(doc.checklistTemplates.map((t) => t.name)),
    dependency: new Set(doc.dependencies.map((d) => entityKey([d.from, d.to]))),
    checklist_item: new Set(doc.slices.flatMap((s) => s.checklist.map((x) => entityKey([s.name, x.key])))),
    user: one([...people]),
    membership: one([...people]),
  };
  doc.history.forEach((e, i) => {
    exists(people, e.actor, ["history", i, "actor"], "person (not in people)");
    const hasEntity = e.entity !== null && e.entity !== undefined;
    if (hasEntity === (e.entityId !== null && e.entityId !== undefined)) {
      issues.push({ path: ["history", i], message: "needs exactly one of entity and entityId" });
    } else if (hasEntity) {
      const set = known[e.entityType];
      if (!set) issues.push({ path: ["history", i, "entity"], message: `Entity type ${JSON.stringify(e.entityType)} has no entity references; use entityId` });
      else if (!set.has(entityKey(e.entity!))) issues.push({ path: ["history", i, "entity"], message: `Unknown ${e.entityType} ${JSON.stringify(e.entity)}` });
    }
  });
}
