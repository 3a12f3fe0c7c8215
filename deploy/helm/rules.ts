/**
 * Checks of rendered manifests, for the chart's tests. No kubeconform, kube-score or Polaris
 * binary can be had on these machines, so:
 * - schemaProblems validates every object against the Kubernetes API's own JSON schemas
 *   (kubernetes-models, and @kubernetes-models/prometheus-operator for the ServiceMonitor);
 * - bestPracticeProblems holds the rules of kube-score and Polaris that apply to Ferry's chart.
 */
import { ConfigMap, Secret, Service, ServiceAccount } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";

// Rendered YAML is untyped: the rules read it as such.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> }; [key: string]: any };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MODELS: Record<string, new (data: any) => { validate: () => void }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "v1/ServiceAccount": ServiceAccount,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "networking.k8s.io/v1/Ingress": Ingress,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "monitoring.coreos.com/v1/ServiceMonitor": ServiceMonitor,
};

/** "<kind>/<name>: <problem>" for each object that its API schema refuses (or that has no known schema). */
export function schemaProblems(objects: K8sObject[]): string[] {
  return objects.flatMap((o) => {
    const Model = MODELS[`${o.apiVersion}/${o.kind}`];
    if (!Model) return [`${o.kind}/${o.metadata?.name}: no schema known for ${o.apiVersion}`];
    try {
      new Model(o).validate();
      return [];
    } catch (error) {
      return [`${o.kind}/${o.metadata.name}: ${(error as Error).message}`];
    }
  });
}

const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Boolean(selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v));

const REQUIRED_LABELS = ["app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/managed-by", "helm.sh/chart"];

/** The problems kube-score and Polaris would report for these objects, as sentences. */
export function bestPracticeProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  const say = (o: K8sObject, problem: string) => problems.push(`${o.kind}/${o.metadata.name}: ${problem}`);
  const deployments = objects.filter((o) => o.kind === "Deployment");
  const workloads = objects.filter((o) => o.kind === "Deployment" || o.kind === "Job");
  const podLabels = deployments.map((d) => d.spec.template.metadata.labels as Record<string, string>);

  for (const o of objects) {
    for (const label of REQUIRED_LABELS) if (!o.metadata.labels?.[label]) say(o, `has no ${label} label`);
  }
  for (const w of workloads) {
    const pod = w.spec.template.spec;
    if (pod.automountServiceAccountToken !== false) say(w, "mounts a service account token it does not need");
    if (pod.securityContext?.runAsNonRoot !== true) say(w, "pod may run as root");
    if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") say(w, "pod has no RuntimeDefault seccomp profile");
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) say(w, "shares a host namespace");
    for (const c of pod.containers) {
      const sc = c.securityContext ?? {};
      if (sc.allowPrivilegeEscalation !== false) say(w, `container ${c.name} allows privilege escalation`);
      if (sc.readOnlyRootFilesystem !== true) say(w, `container ${c.name} has no read-only root filesystem`);
      if (sc.privileged) say(w, `container ${c.name} is privileged`);
      if (!sc.capabilities?.drop?.includes("ALL")) say(w, `container ${c.name} keeps its capabilities (drop ALL)`);
      if (sc.capabilities?.add?.length) say(w, `container ${c.name} adds capabilities`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) say(w, `container ${c.name} has no resource requests`);
      if (!c.resources?.limits?.memory) say(w, `container ${c.name} has no resource limits`);
      if (/:latest$/.test(c.image) || !/[:@]/.test(c.image.split("/").at(-1))) say(w, `container ${c.name} runs an untagged or latest image`);
      if (!c.imagePullPolicy) say(w, `container ${c.name} has no image pull policy`);
    }
  }
  for (const d of deployments) {
    const pod = d.spec.template.spec;
    for (const c of pod.containers) {
      if (!c.readinessProbe) say(d, `container ${c.name} has no readiness probe`);
      if (!c.livenessProbe) say(d, `container ${c.name} has no liveness probe`);
      if (!c.startupProbe) say(d, `container ${c.name} has no startup probe`);
      if (c.readinessProbe && c.livenessProbe && JSON.stringify(c.readinessProbe.httpGet) === JSON.stringify(c.livenessProbe.httpGet)) say(d, `container ${c.name} uses one endpoint for liveness and readiness`);
    }
    if (!pod.terminationGracePeriodSeconds) say(d, "has no termination grace period");
    const config = objects.find((o) => o.kind === "ConfigMap" && pod.containers.some((c: { envFrom?: { configMapRef?: { name: string } }[] }) => c.envFrom?.some((e) => e.configMapRef?.name === o.metadata.name)));
    const stopMs = Number(config?.data?.FERRY_SHUTDOWN_DELAY_MS ?? 0) + Number(config?.data?.FERRY_SHUTDOWN_GRACE_MS ?? 20_000);
    if (pod.terminationGracePeriodSeconds * 1000 <= stopMs) say(d, "is killed before its stop can finish (termination grace period too short)");
    if (!pod.topologySpreadConstraints?.length && !pod.affinity?.podAntiAffinity) say(d, "does not spread its replicas over nodes");
    for (const t of pod.topologySpreadConstraints ?? []) if (!matches(t.labelSelector?.matchLabels, d.spec.template.metadata.labels)) say(d, `spreads over ${t.topologyKey} by labels its pods do not have`);
    if (!matches(d.spec.selector.matchLabels, d.spec.template.metadata.labels)) say(d, "selector does not match its pod template");
    const hpa = objects.find((o) => o.kind === "HorizontalPodAutoscaler" && o.spec.scaleTargetRef.name === d.metadata.name);
    if (hpa && d.spec.replicas !== undefined) say(d, "sets replicas although an autoscaler owns them");
    if (!hpa && (d.spec.replicas ?? 1) < 2) say(d, "runs a single replica");
    if (!objects.some((o) => o.kind === "PodDisruptionBudget" && matches(o.spec.selector.matchLabels, d.spec.template.metadata.labels))) say(d, "has no PodDisruptionBudget");
  }
  for (const o of objects) {
    if (o.kind === "Service" && !podLabels.some((labels) => matches(o.spec.selector, labels))) say(o, "selects no pod of a Deployment");
    if (o.kind === "Service") {
      const ports = deployments.flatMap((d) => d.spec.template.spec.containers.flatMap((c: { ports?: { name: string }[] }) => c.ports?.map((p) => p.name) ?? []));
      for (const p of o.spec.ports) if (typeof p.targetPort === "string" && !ports.includes(p.targetPort)) say(o, `targets port ${p.targetPort}, which no container names`);
    }
    if (o.kind === "PodDisruptionBudget") {
      if (!podLabels.some((labels) => matches(o.spec.selector.matchLabels, labels))) say(o, "selects no pod of a Deployment");
      if (o.spec.maxUnavailable === 0 || o.spec.maxUnavailable === "0%") say(o, "allows no disruption (a node drain would never finish)");
    }
    if (o.kind === "HorizontalPodAutoscaler" && !deployments.some((d) => d.metadata.name === o.spec.scaleTargetRef.name)) say(o, "scales a Deployment that does not exist");
    if (o.kind === "Job") {
      const podOfJob = o.spec.template.metadata.labels;
      if (objects.some((s) => s.kind === "Service" && matches(s.spec.selector, podOfJob))) say(o, "its pods would receive Service traffic");
      if (o.spec.template.spec.restartPolicy !== "Never" && o.spec.template.spec.restartPolicy !== "OnFailure") say(o, "restarts its pods forever");
      if (!o.spec.activeDeadlineSeconds) say(o, "has no deadline");
    }
    if (o.kind === "ConfigMap") for (const key of Object.keys(o.data ?? {})) if (/SECRET|TOKEN|PASSWORD|DATABASE_URL/.test(key)) say(o, `holds ${key}, a secret`);
    if (o.kind === "ServiceMonitor" && !objects.some((s) => s.kind === "Service" && matches(o.spec.selector.matchLabels, s.metadata.labels))) say(o, "selects no Service");
    if (o.kind === "Ingress") for (const rule of o.spec.rules) for (const p of rule.http.paths) if (!objects.some((s) => s.kind === "Service" && s.metadata.name === p.backend.service.name)) say(o, `routes to a Service that does not exist (${p.backend.service.name})`);
  }
  return problems;
}
