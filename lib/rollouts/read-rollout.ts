/**
 * Reads real rollout state from pasted YAML, with no cluster access: an Argo Rollouts
 * Rollout, a Flagger Canary or an Istio VirtualService. Never throws: every problem comes
 * back as { error } with a message meant for the person who pasted it.
 */
import { parseAllDocuments } from "yaml";
import { countPossibleValues, expandedValues } from "@/lib/inventory/yaml-budget";
import { readArgoRollout } from "./argo";
import { readFlaggerCanary } from "./flagger";
import { readIstioVirtualService } from "./istio";
import { asObject, asObjects, asText, type RolloutReadResult, type RolloutSourceKind, type YamlObject } from "./types";

/** Larger pastes are refused before parsing; a live object with managedFields is ~50 KB. */
export const MAX_ROLLOUT_YAML_CHARS = 512 * 1024;

/** Most values a paste may hold, aliases expanded: a live Rollout has a few thousand (yaml-budget.ts). */
export const MAX_ROLLOUT_YAML_VALUES = 50_000;

const READERS: Record<RolloutSourceKind, { group: string; read: (doc: YamlObject) => RolloutReadResult }> = {
  Rollout: { group: "argoproj.io", read: readArgoRollout },
  Canary: { group: "flagger.app", read: readFlaggerCanary },
  VirtualService: { group: "networking.istio.io", read: readIstioVirtualService },
};

const ACCEPTED = "an Argo Rollouts Rollout (argoproj.io), a Flagger Canary (flagger.app) or an Istio VirtualService (networking.istio.io)";

const isKnownKind = (kind: string | undefined): kind is RolloutSourceKind => kind !== undefined && Object.hasOwn(READERS, kind);

/** The object's kind when both kind and API group are one Ferry reads. */
function kindOf(doc: YamlObject): RolloutSourceKind | undefined {
  const kind = asText(doc.kind);
  const group = asText(doc.apiVersion)?.split("/")[0];
  return isKnownKind(kind) && READERS[kind].group === group ? kind : undefined;
}

/** Every object in the paste: documents separated by ---, and the items of a kubectl List. */
function objectsOf(docs: unknown[]): YamlObject[] {
  return docs.flatMap((value) => {
    const doc = asObject(value);
    if (!doc) return [];
    return /List$/.test(asText(doc.kind) ?? "") && Array.isArray(doc.items) ? asObjects(doc.items) : [doc];
  });
}

/** Describes what was pasted instead, for the wrong-kind error. */
function describe(objects: YamlObject[]): string {
  const seen = objects.map((o) => `${asText(o.kind) ?? "an object without a kind"}${asText(o.apiVersion) ? ` (${asText(o.apiVersion)})` : ""}`);
  return seen.length === 0 ? "no Kubernetes object" : [...new Set(seen)].join(", ");
}

/** Parses pasted YAML into objects, or a clear error. */
function parse(yamlText: string): YamlObject[] | { error: string } {
  const tooMany = `The YAML holds more than ${MAX_ROLLOUT_YAML_VALUES.toLocaleString("en")} values`;
  if (countPossibleValues(yamlText) > MAX_ROLLOUT_YAML_VALUES) return { error: `${tooMany}. Paste the one object.` };
  try {
    const docs = parseAllDocuments(yamlText, { prettyErrors: true });
    for (const doc of docs) {
      const first = doc.errors[0];
      if (first) {
        const where = first.linePos ? ` (line ${first.linePos[0].line}, column ${first.linePos[0].col})` : "";
        // The parser appends its own "at line L, column C:" and a code excerpt; keep the sentence.
        const what = first.message.split("\n")[0].replace(/\s*at line \d+, column \d+:?$/, "").replace(/\.$/, "");
        return { error: `The YAML could not be parsed${where}: ${what}. Paste ${ACCEPTED}.` };
      }
    }
    // The expanded size stops many aliases to one big anchor; toJS's alias limit stops "billion laughs".
    let left = MAX_ROLLOUT_YAML_VALUES;
    for (const doc of docs) {
      left -= expandedValues(doc, left);
      if (left < 0) return { error: `${tooMany} once its YAML aliases are expanded: refused, as a resource exhaustion attack would.` };
    }
    return objectsOf(docs.map((doc) => doc.toJS({ maxAliasCount: 100 })));
  } catch (e) {
    return { error: `The YAML could not be read: ${e instanceof Error ? e.message.split("\n")[0] : "unknown error"}. Paste ${ACCEPTED}.` };
  }
}

/** Reads the rollout state of the first supported object in the YAML (never throws). */
export function readRollout(yamlText: string): RolloutReadResult {
  if (typeof yamlText !== "string" || yamlText.trim() === "") return { error: `Nothing to read: paste ${ACCEPTED}.` };
  if (yamlText.length > MAX_ROLLOUT_YAML_CHARS) {
    return { error: `The YAML is too large (${yamlText.length} characters; the limit is ${MAX_ROLLOUT_YAML_CHARS}). Paste the one object.` };
  }
  const parsed = parse(yamlText);
  if (!Array.isArray(parsed)) return parsed;

  const known = parsed.map((doc) => ({ doc, kind: kindOf(doc) })).filter((o): o is { doc: YamlObject; kind: RolloutSourceKind } => o.kind !== undefined);
  if (known.length === 0) return { error: `Ferry reads ${ACCEPTED}; this YAML holds ${describe(parsed)}.` };
  // A Rollout or Canary knows its health; a VirtualService beside it only shows the routing
  // those tools drive, so the tool's own object wins when both are pasted.
  const chosen = known.find((o) => o.kind !== "VirtualService") ?? known[0];
  try {
    const reading = READERS[chosen.kind].read(chosen.doc);
    if ("error" in reading || known.length === 1) return reading;
    return { ...reading, message: `${reading.message} (read the ${chosen.kind}; ${known.length - 1} other supported object${known.length === 2 ? "" : "s"} in the paste ignored.)` };
  } catch (e) {
    // The readers only walk checked values; this guards the promise that reading never throws.
    return { error: `The ${chosen.kind} could not be read: ${e instanceof Error ? e.message : "unknown error"}` };
  }
}
