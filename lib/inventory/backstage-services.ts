/**
 * Backstage Components and Resources to Ferry services: ownership, kind from spec.type,
 * description, tags, system, repository and the `ferry/*` annotations that carry the rest of
 * the inventory (tier, strategy, commands...) for catalogs that want to be the whole truth.
 */
import { inventoryServiceSchema, SERVICE_FIELDS, type InventoryService, type ServiceField, type ServiceKind } from "./model";
import { fieldFromText } from "./text-fields";
import { formatRef, parseEntityRef } from "./backstage-refs";
import { getPath, type Entity } from "./backstage-documents";
import { formatPath, type Path } from "./yaml-lines";

/** Component spec.type values Ferry understands; any other type becomes kind api plus a `type:<type>` tag. */
export const COMPONENT_TYPES: Readonly<Record<string, ServiceKind>> = {
  service: "api",
  website: "web",
  worker: "worker",
  "cron-job": "cron",
  cronjob: "cron",
  cron: "cron",
  gateway: "gateway",
};

/** Resource spec.type values Ferry understands; any other type becomes kind datastore plus a `type:<type>` tag. */
export const RESOURCE_TYPES: Readonly<Record<string, ServiceKind>> = {
  database: "datastore",
  cache: "cache",
  "message-queue": "queue",
  queue: "queue",
};

/** Prefix of the annotations that carry Ferry's own fields, e.g. `ferry/tier: "1"`. */
export const ANNOTATION_PREFIX = "ferry/";

// The entity itself says who owns it, what it is, its description, tags and system; an
// annotation for those would be a second way to say the same thing.
const ENTITY_FIELDS = new Set<ServiceField>(["team", "description", "system", "tags"]);
const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Annotation name -> service field, e.g. "ferry/peak-rps" -> "peakRps". */
export const FERRY_ANNOTATIONS: ReadonlyMap<string, ServiceField> = new Map(
  SERVICE_FIELDS.filter((f) => !ENTITY_FIELDS.has(f)).map((f) => [`${ANNOTATION_PREFIX}${kebab(f)}`, f]),
);

const SOURCE_LOCATION = "backstage.io/source-location";

type Report = (line: number, message: string) => void;

/** The service an entity describes, or null after reporting why it cannot be one. */
export function entityToService(e: Entity, error: Report, warn: Report): InventoryService | null {
  const isResource = e.kind === "Resource";
  const input: Record<string, unknown> = { name: e.name };
  const source: Partial<Record<ServiceField | "name", Path>> = { name: ["metadata", "name"] };
  const at = (path: Path) => e.lineOf(path);
  const set = (field: ServiceField, value: unknown, path: Path) => {
    input[field] = value;
    source[field] = path;
  };
  let ok = true;
  const fail = (path: Path, message: string) => {
    error(at(path), `${formatPath(path)}: ${message}`);
    ok = false;
  };

  const owner = getPath(e.body, ["spec", "owner"]);
  if (owner === undefined || owner === null) set("team", null, ["spec", "owner"]);
  else {
    const r = parseEntityRef(owner, { defaultKind: "group", defaultNamespace: e.namespace });
    if (!r.ok) fail(["spec", "owner"], r.message);
    else {
      const kind = r.ref.kind.toLowerCase();
      if (kind === "user") warn(at(["spec", "owner"]), `spec.owner is the User ${r.ref.name}: Ferry's owners are teams, so the team "${r.ref.name}" is used`);
      if (kind === "group" || kind === "user") set("team", r.ref.name, ["spec", "owner"]);
      else fail(["spec", "owner"], `must be a Group (or a User), got ${formatRef(r.ref)}`);
    }
  }

  const tags: string[] = [];
  const type = getPath(e.body, ["spec", "type"]);
  const types = isResource ? RESOURCE_TYPES : COMPONENT_TYPES;
  if (typeof type === "string" && type.trim() !== "") {
    const t = type.trim();
    const mapped = types[t.toLowerCase()];
    set("kind", mapped ?? (isResource ? "datastore" : "api"), ["spec", "type"]);
    if (!mapped) tags.push(`type:${t}`);
  } else if (type !== undefined && type !== null) fail(["spec", "type"], "must be text");
  else set("kind", isResource ? "datastore" : "api", ["spec", "type"]);
  // Every Resource is stateful shared infrastructure; its infrastructure kind already makes
  // the planner treat it as shared, so `shared` stays for services like an auth API.
  if (isResource) set("stateful", true, ["spec", "type"]);

  const description = getPath(e.body, ["metadata", "description"]);
  set("description", description ?? null, ["metadata", "description"]);

  const rawTags = getPath(e.body, ["metadata", "tags"]);
  if (Array.isArray(rawTags)) tags.unshift(...rawTags.map((t) => (typeof t === "string" || typeof t === "number" ? String(t) : t)));
  else if (rawTags !== undefined && rawTags !== null) fail(["metadata", "tags"], "must be a list of tags");
  set("tags", tags, ["metadata", "tags"]);

  const system = getPath(e.body, ["spec", "system"]);
  if (system === undefined || system === null) set("system", null, ["spec", "system"]);
  else {
    const r = parseEntityRef(system, { defaultKind: "system", defaultNamespace: e.namespace });
    if (!r.ok) fail(["spec", "system"], r.message);
    else if (r.ref.kind.toLowerCase() !== "system") fail(["spec", "system"], `must be a System, got ${formatRef(r.ref)}`);
    else set("system", r.ref.name, ["spec", "system"]);
  }

  const annotations = getPath(e.body, ["metadata", "annotations"]);
  if (annotations !== undefined && annotations !== null && (typeof annotations !== "object" || Array.isArray(annotations))) {
    fail(["metadata", "annotations"], "must be a mapping of names to text");
  } else if (annotations) {
    const location = (annotations as Record<string, unknown>)[SOURCE_LOCATION];
    if (typeof location === "string" && location.startsWith("url:")) {
      set("repositoryUrl", location.slice(4).trim(), ["metadata", "annotations", SOURCE_LOCATION]);
    }
    for (const [key, value] of Object.entries(annotations as Record<string, unknown>)) {
      if (!key.startsWith(ANNOTATION_PREFIX)) continue;
      const path = ["metadata", "annotations", key];
      const field = FERRY_ANNOTATIONS.get(key);
      if (!field) {
        fail(path, `unknown Ferry annotation; known: ${[...FERRY_ANNOTATIONS.keys()].join(", ")}`);
        continue;
      }
      // Backstage wants annotation values as strings, but `ferry/tier: 2` is what people write.
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        fail(path, "must be text");
        continue;
      }
      const r = fieldFromText(field, String(value));
      if (!r.ok) fail(path, r.message);
      else if (r.value !== undefined) set(field, r.value, path);
    }
  }

  const parsed = inventoryServiceSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ServiceField | "name" | undefined;
      const path = (field && source[field]) || ["metadata", "name"];
      // Name messages already say "Service name ..."; the others need the field they came from.
      error(at(path), field === "name" ? issue.message : `${formatPath(path)}: ${issue.message}`);
    }
    return null;
  }
  return ok ? parsed.data : null;
}
