/**
 * Flagger `Canary` (flagger.app/*): weight from status.canaryWeight, health from
 * status.phase, failed checks and the Promoted condition's message.
 */
import { asNumber, asObject, asObjects, asText, objectMeta, sentence, wholePercent, type RolloutReadResult, type YamlObject } from "./types";

// Once analysis has passed, Flagger copies the canary into the primary and routes back to
// it: canaryWeight falls to 0 while the new version takes all traffic. Ferry treats the
// canary as the new path, so these phases read as 100%.
const PROMOTED_PHASES = new Set(["Promoting", "Finalising", "Succeeded"]);
// Only a failed analysis is unhealthy; Terminating/Terminated mean the Canary is being deleted.
const FAILED_PHASES = new Set(["Failed"]);

/** Reads a Flagger Canary; the status block is required (a manifest has no state to read). */
export function readFlaggerCanary(doc: YamlObject): RolloutReadResult {
  const meta = objectMeta(doc);
  const status = asObject(doc.status);
  if (!status) {
    return { error: `Canary ${meta.name} has no status: paste the live object (kubectl get canary ${meta.name} -o yaml), not its manifest.` };
  }
  const phase = asText(status.phase) ?? "Unknown";
  const canaryWeight = asNumber(status.canaryWeight) ?? 0;
  const failedChecks = asNumber(status.failedChecks) ?? 0;
  // spec.analysis since Flagger v1; spec.canaryAnalysis before.
  const spec = asObject(doc.spec);
  const analysis = asObject(spec?.analysis) ?? asObject(spec?.canaryAnalysis);
  const threshold = asNumber(analysis?.threshold);

  const failed = FAILED_PHASES.has(phase);
  const weight = PROMOTED_PHASES.has(phase) ? 100 : canaryWeight;
  // With analysis.mirror, the first iterations shadow traffic to the canary at weight 0.
  const mirrored = analysis?.mirror === true && phase === "Progressing" && canaryWeight === 0;

  const conditions = asObjects(status.conditions);
  const promoted = conditions.find((c) => c.type === "Promoted") ?? conditions[0];
  const conditionMessage = asText(promoted?.message);
  // Failed checks below the threshold are Flagger's own business (it halts, then retries);
  // they are reported, not treated as a failure, because Flagger rolls back on its own at
  // the threshold and the phase then says Failed.
  const checks = failedChecks > 0 ? `${failedChecks} failed check${failedChecks === 1 ? "" : "s"}${threshold ? ` of ${threshold} allowed` : ""};` : undefined;

  const message = sentence(
    conditionMessage ? `${conditionMessage.replace(/\.$/, "")};` : undefined,
    checks,
    mirrored ? "traffic mirrored to the canary;" : undefined,
    PROMOTED_PHASES.has(phase) ? "canary promoted to primary." : `canary weight ${canaryWeight}%.`,
  );
  return {
    sourceKind: "Canary",
    ...meta,
    weight: wholePercent(weight),
    phase,
    healthy: !failed,
    aborted: failed,
    message,
    ...(mirrored ? { mirrored } : {}),
  };
}
