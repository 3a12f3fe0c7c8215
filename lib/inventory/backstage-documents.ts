/**
 * First pass over a Backstage catalog: split the YAML into documents, expand each one with
 * an alias budget, and keep the entities Ferry understands, each with a way to find the
 * line of any of its fields. Mapping entities to the inventory is backstage.ts's job.
 */
import { LineCounter, parseAllDocuments } from "yaml";
import { MAX_YAML_ALIASES } from "./limits";
import type { RowError } from "./model";
import { DEFAULT_NAMESPACE, refKey } from "./backstage-refs";
import { lineAt, lineOfPath, type Path } from "./yaml-lines";

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

// yaml's messages end with "at line N, column M:" and a code excerpt; the line is reported separately.
const yamlMessage = (message: string): string => message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");

/** Read every document of a catalog into entities; never throws. */
export function readEntities(text: string): { entities: Entity[]; errors: RowError[]; warnings: RowError[] } {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const entities: Entity[] = [];
  const seen = new Map<string, number>();
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: true });
  // parseAllDocuments returns an EmptyStream (an array) for empty input, so this loop covers it.
  for (const doc of docs) {
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const line = lineAt(lc, start);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push({ line: e.linePos?.[0].line ?? line, message: `YAML syntax: ${yamlMessage(e.message)}` });
      continue;
    }
    let body: unknown;
    try {
      body = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
    } catch (e) {
      const message =
        e instanceof ReferenceError
          ? `YAML aliases in this document expand more than ${MAX_YAML_ALIASES} times: refused, as a resource exhaustion attack would`
          : `YAML could not be read: ${e instanceof Error ? e.message : String(e)}`;
      errors.push({ line, message });
      continue;
    }
    if (body === null || body === undefined) continue; // an empty document, e.g. a trailing "---"
    const lineOf = (path: Path) => lineOfPath(doc.contents, path, lc, line);
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
      errors.push({ line: lineOf(["metadata", "name"]), message: `Duplicate ${kind} ${namespace}/${entity.name}: already defined at line ${earlier}` });
      continue;
    }
    seen.set(entity.key, lineOf(["metadata", "name"]));
    entities.push(entity);
  }
  return { entities, errors, warnings };
}
