/**
 * Backstage catalog import: Components and Resources become services, Groups teams, Users
 * people for a later user import; Systems and APIs resolve references. Every problem is a
 * row error with the line it is on; the parser never throws on bad input.
 */
import {
  inventoryTeamSchema,
  sortErrors,
  teamNameSchema,
  type DependencyKind,
  type ImportUser,
  type InventoryDependency,
  type InventoryService,
  type InventoryTeam,
  type ParseResult,
} from "./model";
import { formatRef, parseEntityRef, refKey, type EntityRef } from "./backstage-refs";
import { getPath, readEntities, type Entity } from "./backstage-documents";
import { entityToService } from "./backstage-services";
import { formatPath, type Path } from "./yaml-lines";

// A Group's contact channel: its profile email first, then a Slack annotation.
const SLACK_ANNOTATIONS = ["slack.com/channel", "slack.com/channel-name", "slack.com/channel-id"];

/** Parse a Backstage catalog (one or many YAML documents); `known` names services already in the programme. */
export function parseBackstageCatalog(text: string, known: Iterable<string> = []): ParseResult {
  const { entities, errors, warnings } = readEntities(text);
  const error = (line: number, message: string) => errors.push({ line, message });
  const warn = (line: number, message: string) => warnings.push({ line, message });

  const teams = new Map<string, InventoryTeam>();
  for (const g of entities.filter((e) => e.kind === "Group")) {
    const name = teamNameSchema.safeParse(g.name);
    if (!name.success) error(g.lineOf(["metadata", "name"]), name.error.issues[0].message);
    else if (teams.has(name.data)) error(g.lineOf(["metadata", "name"]), `Duplicate team name "${name.data}" (Groups in two namespaces)`);
    else {
      // The contact is written to the team as it is, so it is held to the team schema too.
      const contact = contactOf(g);
      const team = inventoryTeamSchema.safeParse({ name: name.data, contactChannel: contact?.value });
      if (team.success) teams.set(name.data, contact ? team.data : { name: name.data });
      else error(g.lineOf(contact!.path), `${formatPath(contact!.path)}: ${team.error.issues[0].message}`);
    }
  }

  const services: InventoryService[] = [];
  const serviceEntity = new Map<string, Entity>(); // by service name, for the line of a duplicate
  const built = new Map<string, InventoryService>(); // entity key -> service, for references
  for (const e of entities.filter((x) => x.kind === "Component" || x.kind === "Resource")) {
    const s = entityToService(e, error, warn);
    if (!s) continue;
    const earlier = serviceEntity.get(s.name);
    if (earlier !== undefined) {
      // Ferry has no namespaces: default/orders and shop/orders would be one service.
      error(e.lineOf(["metadata", "name"]), `Duplicate service name "${s.name}": already defined at line ${earlier.lineOf(["metadata", "name"])}`);
      continue;
    }
    serviceEntity.set(s.name, e);
    built.set(e.key, s);
    services.push(s);
    if (s.team && !teams.has(s.team)) teams.set(s.team, { name: s.team });
  }

  const dependencies = resolveDependencies(entities, built, new Set(known), error, warn);
  return {
    inventory: { teams: [...teams.values()], services, dependencies, coverage: { teams: false, dependencies: true } },
    users: usersOf(entities),
    errors: sortErrors(errors),
    warnings: sortErrors(warnings),
  };
}

function contactOf(g: Entity): { value: string; path: Path } | null {
  const paths: Path[] = [["spec", "profile", "email"], ...SLACK_ANNOTATIONS.map((a) => ["metadata", "annotations", a])];
  for (const path of paths) {
    const v = getPath(g.body, path);
    if (typeof v === "string" && v.trim()) return { value: v.trim(), path };
  }
  return null;
}

type Report = (line: number, message: string) => void;

/** Each reference in a list field, parsed; problems reported at the item's line. */
function eachRef(e: Entity, field: string, defaultKind: string, error: Report, visit: (ref: EntityRef, path: Path) => void) {
  const path = ["spec", field];
  const list = getPath(e.body, path);
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    error(e.lineOf(path), `spec.${field}: must be a list of entity references`);
    return;
  }
  list.forEach((item, i) => {
    const r = parseEntityRef(item, { defaultKind, defaultNamespace: e.namespace });
    if (r.ok) visit(r.ref, [...path, i]);
    else error(e.lineOf([...path, i]), `spec.${field}: ${r.message}`);
  });
}

function resolveDependencies(entities: Entity[], built: Map<string, InventoryService>, known: Set<string>, error: Report, warn: Report) {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const deps = new Map<string, InventoryDependency>();
  // The first statement of an edge wins: explicit dependsOn/dependencyOf come before API links.
  const add = (from: string, to: string, kind: DependencyKind) => {
    const k = `${from}\u0000${to}`;
    if (from !== to && !deps.has(k)) deps.set(k, { from, to, kind });
  };

  // Only for the hint on a dangling reference, so built on the first one.
  let byName: Map<string, Entity> | undefined;
  const sameName = () => (byName ??= new Map(entities.map((x) => [`${x.kind.toLowerCase()}:${x.name.toLowerCase()}`, x])));

  // A target is a service in the file, or a name already in the programme; a target that is
  // in the file but failed to parse is skipped, since its own error already says why.
  const target = (e: Entity, ref: EntityRef, path: Path, field: string): { name: string; kind: DependencyKind } | null => {
    const kind = ref.kind.toLowerCase();
    if (kind !== "component" && kind !== "resource") {
      error(e.lineOf(path), `spec.${field}: must name a Component or Resource, got ${formatRef(ref)}`);
      return null;
    }
    const entity = byKey.get(refKey(ref));
    if (entity) {
      const s = built.get(entity.key);
      return s ? { name: s.name, kind: entity.kind === "Resource" ? "data" : "sync" } : null;
    }
    if (known.has(ref.name)) return { name: ref.name, kind: kind === "resource" ? "data" : "sync" };
    const elsewhere = sameName().get(`${kind}:${ref.name.toLowerCase()}`);
    const hint = elsewhere ? ` (the file has ${formatRef(elsewhere)}: references resolve in the referring entity's namespace)` : "";
    const verb = field === "dependsOn" ? "depends on" : "is a dependency of";
    error(e.lineOf(path), `Dangling reference: ${e.name} ${verb} ${formatRef(ref)}, which is neither in this file nor in the programme${hint}`);
    return null;
  };

  const providers = new Map<string, string[]>();
  for (const e of entities.filter((x) => x.kind === "Component")) {
    eachRef(e, "providesApis", "api", error, (ref, path) => {
      if (ref.kind.toLowerCase() !== "api") return error(e.lineOf(path), `spec.providesApis: must name an API, got ${formatRef(ref)}`);
      const s = built.get(e.key);
      if (!s) return;
      const list = providers.get(refKey(ref));
      if (list) list.push(s.name);
      else providers.set(refKey(ref), [s.name]);
    });
  }

  // Entities that failed to become services are still walked, so every dangling reference
  // is reported in one pass; only their edges are dropped.
  for (const e of entities.filter((x) => x.kind === "Component" || x.kind === "Resource")) {
    const self = built.get(e.key);
    const selfKind: DependencyKind = e.kind === "Resource" ? "data" : "sync";
    eachRef(e, "dependsOn", "component", error, (ref, path) => {
      if (refKey(ref) === e.key) return error(e.lineOf(path), `${e.name} depends on itself`);
      const t = target(e, ref, path, "dependsOn");
      if (t && self) add(self.name, t.name, t.kind);
    });
    eachRef(e, "dependencyOf", "component", error, (ref, path) => {
      if (refKey(ref) === e.key) return error(e.lineOf(path), `${e.name} is a dependency of itself`);
      const t = target(e, ref, path, "dependencyOf");
      if (t && self) add(t.name, self.name, selfKind);
    });
    if (e.kind !== "Component") continue;
    eachRef(e, "consumesApis", "api", error, (ref, path) => {
      if (ref.kind.toLowerCase() !== "api") return error(e.lineOf(path), `spec.consumesApis: must name an API, got ${formatRef(ref)}`);
      const by = providers.get(refKey(ref)) ?? [];
      if (by.length === 0) warn(e.lineOf(path), `${e.name} consumes ${formatRef(ref)}, which no component in this file provides: no dependency recorded`);
      const api = byKey.get(refKey(ref));
      const kind: DependencyKind = api && getPath(api.body, ["spec", "type"]) === "asyncapi" ? "async" : "sync";
      if (self) for (const provider of by) add(self.name, provider, kind);
    });
  }
  return [...deps.values()];
}

function usersOf(entities: Entity[]): ImportUser[] {
  const groupsOf = new Map<string, Set<string>>();
  const member = (userKey: string, group: string) => groupsOf.set(userKey, (groupsOf.get(userKey) ?? new Set()).add(group));
  const ignore = () => {}; // membership problems do not block an inventory import
  for (const g of entities.filter((e) => e.kind === "Group")) {
    eachRef(g, "members", "user", ignore, (ref) => member(refKey(ref), g.name));
  }
  const users: ImportUser[] = [];
  for (const u of entities.filter((e) => e.kind === "User")) {
    eachRef(u, "memberOf", "group", ignore, (ref) => member(u.key, ref.name));
    const displayName = getPath(u.body, ["spec", "profile", "displayName"]);
    const email = getPath(u.body, ["spec", "profile", "email"]);
    users.push({
      name: u.name,
      ...(typeof displayName === "string" && displayName.trim() ? { displayName: displayName.trim() } : {}),
      ...(typeof email === "string" && email.trim() ? { email: email.trim() } : {}),
      memberOf: [...(groupsOf.get(u.key) ?? [])].sort(),
      line: u.line,
    });
  }
  return users;
}
