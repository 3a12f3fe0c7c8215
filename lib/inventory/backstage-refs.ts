/**
 * Backstage entity references, resolved as @backstage/catalog-model's parseEntityRef does:
 * `[<kind>:][<namespace>/]<name>` (or `{ kind, namespace, name }`), with the kind defaulted
 * by the field (owner -> group, system -> system, consumesApis -> api...) and the namespace
 * defaulted to the referring entity's own namespace, which itself defaults to "default".
 */

export const DEFAULT_NAMESPACE = "default";

export type EntityRef = { kind: string; namespace: string; name: string };

type RefResult = { ok: true; ref: EntityRef } | { ok: false; message: string };

/** Parse one reference; `defaultKind` undefined means the field requires an explicit kind. */
export function parseEntityRef(raw: unknown, defaults: { defaultKind?: string; defaultNamespace: string }): RefResult {
  let kind: string | undefined;
  let namespace: string | undefined;
  let name: string | undefined;
  if (typeof raw === "string") {
    const ref = raw.trim();
    let colon = ref.indexOf(":");
    const slash = ref.indexOf("/");
    // "ns/na:me" has no kind: a colon after the slash belongs to the name.
    if (slash !== -1 && slash < colon) colon = -1;
    kind = colon === -1 ? undefined : ref.slice(0, colon);
    namespace = slash === -1 ? undefined : ref.slice(colon + 1, slash);
    name = ref.slice(Math.max(colon + 1, slash + 1));
    if (kind === "" || namespace === "" || name === "") {
      return { ok: false, message: `Entity reference ${JSON.stringify(raw)} is not of the form [kind:][namespace/]name` };
    }
  } else if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    const o = raw as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
    kind = str(o.kind);
    namespace = str(o.namespace);
    name = str(o.name);
    if (!name) return { ok: false, message: "Entity reference has no name" };
  } else {
    return { ok: false, message: `Entity reference must be text like "component:default/name" (got ${JSON.stringify(raw) ?? typeof raw})` };
  }
  kind ??= defaults.defaultKind;
  if (!kind) return { ok: false, message: `Entity reference ${JSON.stringify(raw)} needs a kind, like "component:${name}"` };
  return { ok: true, ref: { kind, namespace: namespace ?? defaults.defaultNamespace, name } };
}

/** The lookup key of a reference: Backstage compares kind, namespace and name case-insensitively. */
export const refKey = (r: EntityRef): string => `${r.kind}:${r.namespace}/${r.name}`.toLowerCase();

/** A reference as Backstage prints it: `component:default/orders`. */
export const formatRef = (r: EntityRef): string => `${r.kind.toLowerCase()}:${r.namespace}/${r.name}`;
