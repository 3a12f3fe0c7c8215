/**
 * Argo Rollouts `Rollout` (argoproj.io/*): weight from status.canary.weights when a traffic
 * router is configured, otherwise from the canary steps the controller has reached; health
 * from status.phase and the abort flag.
 */
import { asNumber, asObject, asObjects, asText, objectMeta, sentence, wholePercent, type RolloutReadResult, type YamlObject } from "./types";

/** How far through its canary steps a Rollout is, for the message. */
function stepContext(steps: YamlObject[], stepIndex: number | undefined): string | undefined {
  if (steps.length === 0 || stepIndex === undefined) return undefined;
  const shown = Math.min(stepIndex, steps.length);
  return `step ${shown} of ${steps.length}`;
}

/**
 * The weight implied by the steps, as the controller computes it without a traffic router:
 * the last setWeight at or before the current step; 100 once every step has run.
 */
function weightFromSteps(steps: YamlObject[], stepIndex: number | undefined): number | undefined {
  if (steps.length === 0 || stepIndex === undefined) return undefined;
  if (stepIndex >= steps.length) return 100;
  for (let i = Math.min(stepIndex, steps.length - 1); i >= 0; i--) {
    const w = asNumber(steps[i].setWeight);
    if (w !== undefined) return w;
  }
  return 0;
}

/** Reads an Argo Rollout; the status block is required (a manifest has no state to read). */
export function readArgoRollout(doc: YamlObject): RolloutReadResult {
  const meta = objectMeta(doc);
  const status = asObject(doc.status);
  if (!status) {
    return { error: `Rollout ${meta.name} has no status: paste the live object (kubectl get rollout ${meta.name} -o yaml), not its manifest.` };
  }
  const strategy = asObject(asObject(doc.spec)?.strategy);
  const canarySpec = asObject(strategy?.canary);
  const steps = asObjects(canarySpec?.steps);
  const stepIndex = asNumber(status.currentStepIndex);

  const phase = asText(status.phase) ?? "Unknown";
  const statusMessage = asText(status.message);
  const aborted = status.abort === true || (phase === "Degraded" && /abort/i.test(statusMessage ?? ""));
  const healthy = !aborted && phase !== "Degraded";

  // stableRS moved from status.canary to the top level in Rollouts v1.0; read both.
  const stableRS = asText(status.stableRS) ?? asText(asObject(status.canary)?.stableRS);
  const currentHash = asText(status.currentPodHash);
  // Once the canary is promoted it becomes the stable ReplicaSet and the router sends it all
  // traffic, while status.canary.weights.canary drops back to 0. Ferry treats the canary as
  // the new path, so a fully promoted Rollout is at 100%.
  const promoted = !aborted && stableRS !== undefined && stableRS === currentHash;

  const weights = asObject(asObject(status.canary)?.weights);
  const canaryWeight = asNumber(asObject(weights?.canary)?.weight);
  const stableWeight = asNumber(asObject(weights?.stable)?.weight);

  let weight: number;
  let basis: string;
  if (asObject(strategy?.blueGreen)) {
    // Blue-green has no partial weights: the active service points at the new pods or not.
    const active = asText(asObject(status.blueGreen)?.activeSelector);
    weight = active !== undefined && active === currentHash ? 100 : 0;
    basis = "blue-green: the active service decides";
  } else if (promoted) {
    weight = 100;
    basis = "fully promoted";
  } else if (canaryWeight !== undefined) {
    const total = canaryWeight + (stableWeight ?? (100 - canaryWeight));
    weight = total > 0 ? (canaryWeight * 100) / total : 0;
    basis = `traffic router weights canary ${canaryWeight}${stableWeight !== undefined ? ` / stable ${stableWeight}` : ""}`;
  } else {
    const fromSteps = weightFromSteps(steps, stepIndex);
    if (fromSteps === undefined) {
      return { error: `Rollout ${meta.name} shows no canary weights and no canary steps to infer them from.` };
    }
    weight = fromSteps;
    basis = "weight inferred from the canary steps (no traffic router weights in status)";
  }

  const pause = asObjects(status.pauseConditions)
    .map((c) => asText(c.reason))
    .filter((reason) => reason !== undefined && reason !== statusMessage);
  // The phase is its own field; the message says what the phase does not.
  const message = sentence(
    statusMessage ? `${statusMessage};` : undefined,
    pause.length > 0 ? `paused by ${pause.join(", ")};` : undefined,
    stepContext(steps, stepIndex) ? `${stepContext(steps, stepIndex)};` : undefined,
    `${basis}.`,
  );
  return { sourceKind: "Rollout", ...meta, weight: wholePercent(weight), phase, healthy, aborted, message };
}
