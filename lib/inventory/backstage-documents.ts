/**
 * First pass over a Backstage catalog: read its YAML documents (yaml-documents.ts) and keep
 * the entities Ferry understands, each with a way to find the line of any of its fields.
 * Mapping entities to the inventory is backstage.ts's job.
 */
import type { RowError } from "./model";
import { DEFAULT_NAMESPACE, refKey } from "./backstage-refs";
import { readYamlDocuments } from "./yaml-documents";
import type { Path } from "./yaml-lines";

export const ENTITY_KINDS = ["Component", "Resource", "System", "Group", "User", "API"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

// Other built-in Backstage kinds hold nothing Ferry keeps (a Location points at files a pure
// parser cannot fetch). Refusing them would refuse most real catalog files, so they are
// skipped with a warning; anything else is an error, which catches typos such as "Compnent".
const SKIPPED_KINDS = ["Domain", "Location", "Template"];

export type Entity = {
  kind: EntityKind;
  namespace: string;
  name: string;
  /** `kind:namespace/name`, lowercased: how references find it. */
  key: string;
  body: Record<string, unknown>;
  /** Line where the document's content starts. */
  line: number;
  /** Line of a field of this entity, e.g. ["spec", "dependsOn", 2]. */
  lineOf: (path: Path) => number;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The value at `path` in a plain object tree, or undefined. */
export function getPath(value: unknown, path: Path): unknown {
  let v = value;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === "number") v = v[seg];
    else if (isRecord(v) && typeof seg === "string") v = v[seg];
    else return undefined;
  }
  return v;
}

/** Read every document of a catalog into entities; never throws. */
export function readEntities(text: string): { entities: Entity[]; errors: RowError[]; warnings: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const entities: Entity[] = [];
  // Entities by key; the line of a duplicate's first definition is looked up only when there is one.
  const seen = new Map<string, Entity>();
  for (const doc of readYamlDocuments(text)) {
    if (!doc.ok) {
      errors.push(...doc.errors);
      continue;
    }
    const { body, line, lineOf } = doc;
    if (!isRecord(body)) {
      errors.push({ line, message: "A catalog document must be a mapping with apiVersion, kind, metadata and spec" });
      continue;
    }
    const rawKind = body.kind;
    if (typeof rawKind !== "string" || rawKind.trim() === "") {
      errors.push({ line, message: "kind is missing" });
      continue;
    }
    const kind = ENTITY_KINDS.find((k) => k.toLowerCase() === rawKind.trim().toLowerCase());
    if (!kind) {
      const skipped = SKIPPED_KINDS.find((k) => k.toLowerCase() === rawKind.trim().toLowerCase());
      if (skipped) warnings.push({ line: lineOf(["kind"]), message: `${skipped} entities are skipped: Ferry keeps ${ENTITY_KINDS.join(", ")}` });
      else errors.push({ line: lineOf(["kind"]), message: `Unknown kind ${JSON.stringify(rawKind)}: expected one of ${ENTITY_KINDS.join(", ")}` });
      continue;
    }
    const name = getPath(body, ["metadata", "name"]);
    if (typeof name !== "string" || name.trim() === "") {
      errors.push({ line: lineOf(["metadata", "name"]), message: `${kind} has no metadata.name` });
      continue;
    }
    const ns = getPath(body, ["metadata", "namespace"]);
    const namespace = typeof ns === "string" && ns.trim() !== "" ? ns.trim() : DEFAULT_NAMESPACE;
    const entity: Entity = { kind, namespace, name: name.trim(), key: "", body, line, lineOf };
    entity.key = refKey(entity);
    const earlier = seen.get(entity.key);
    if (earlier !== undefined) {
      errors.push({ line: lineOf(["metadata", "name"]), message: `Duplicate ${kind} ${namespace}/${entity.name}: already defined at line ${earlier.lineOf(["metadata", "name"])}` });
      continue;
    }
    seen.set(entity.key, entity);
    entities.push(entity);
  }
  return { entities, errors, warnings };
}
