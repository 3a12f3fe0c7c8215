/**
 * Shapes shared by the rollout readers: what Ferry learns from a pasted Argo Rollout,
 * Flagger Canary or Istio VirtualService, and small helpers for walking untrusted YAML.
 */

export const ROLLOUT_KINDS = ["Rollout", "Canary", "VirtualService"] as const;
/** The object kinds Ferry can read. */
export type RolloutSourceKind = (typeof ROLLOUT_KINDS)[number];

/** One destination of a VirtualService route, with its share of the route's traffic. */
export type RolloutSubset = {
  /** The subset name, or the host when the destination names no subset. */
  name: string;
  host: string;
  subset?: string;
  /** Share of the route's traffic, 0-100. */
  weight: number;
  /** Whether Ferry counted this destination as the new (Kubernetes) path. */
  isNew: boolean;
};

/** The state of a rollout as read from its YAML. */
export type RolloutReading = {
  sourceKind: RolloutSourceKind;
  name: string;
  namespace?: string;
  /** Whole-percent share of real traffic on the new path, 0-100. */
  weight: number;
  /** The tool's phase (Rollout, Canary) or one Ferry derives from routing (VirtualService). */
  phase: string;
  healthy: boolean;
  aborted: boolean;
  /** Human summary: the tool's own message plus what Ferry assumed. */
  message: string;
  /** True when traffic is mirrored (shadowed) to the new path. */
  mirrored?: boolean;
  subsets?: RolloutSubset[];
};

/** A reading that could not be made, with a message for the person who pasted the YAML. */
export type RolloutReadError = { error: string };

export type RolloutReadResult = RolloutReading | RolloutReadError;

/** Narrows a read result to its error. */
export const isRolloutReadError = (result: RolloutReadResult): result is RolloutReadError => "error" in result;

export type YamlObject = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export const asObject = (value: unknown): YamlObject | undefined =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as YamlObject) : undefined;

/** The value as an array of plain objects (non-objects dropped), or []. */
export const asObjects = (value: unknown): YamlObject[] =>
  Array.isArray(value) ? value.map(asObject).filter((v): v is YamlObject => v !== undefined) : [];

/** A finite number, or a numeric string such as "10" (kubectl never quotes them; people do). */
export const asNumber = (value: unknown): number | undefined => {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isFinite(n) ? n : undefined;
};

/** A non-blank string, or undefined. */
export const asText = (value: unknown): string | undefined => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);

/**
 * A 0-100 share as a whole percent. Rounding never turns some traffic into none or most
 * into all: 0.4% reads as 1 and 99.6% as 99, so the proposed stage never overstates or
 * hides a partial shift.
 */
export function wholePercent(share: number): number {
  const clamped = Math.min(100, Math.max(0, share));
  const rounded = Math.round(clamped);
  if (rounded === 0 && clamped > 0) return 1;
  if (rounded === 100 && clamped < 100) return 99;
  return rounded;
}

/** Metadata every Kubernetes object carries. */
export function objectMeta(doc: YamlObject): { name: string; namespace?: string } {
  const meta = asObject(doc.metadata);
  const namespace = asText(meta?.namespace);
  return { name: asText(meta?.name) ?? "(unnamed)", ...(namespace ? { namespace } : {}) };
}

/** Joins the non-empty parts of a message. */
export const sentence = (...parts: (string | undefined | false)[]): string =>
  parts.filter((p): p is string => typeof p === "string" && p.length > 0).join(" ");
