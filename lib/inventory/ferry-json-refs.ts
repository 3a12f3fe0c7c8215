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
  return issues;
}
