import path from "node:path";
import yaml from "js-yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { helmBinary, helmLint, helmTemplate } from "../tools/helm";
import { bestPracticeProblems, schemaProblems, type K8sObject } from "./rules";

// The chart rendered by the real helm (deploy/tools/helm.ts), each object validated against the
// Kubernetes API schemas (kubernetes-models) and the best-practice rules (rules.ts).
const CHART = path.resolve("deploy/helm/ferry");

const production = {
  baseUrl: "https://ferry.example.com",
  database: { url: "postgresql://ferry:s3cret@db.example.com:5432/ferry?sslmode=require", pool: 10 },
  secrets: { betterAuthSecret: "a-session-secret-of-forty-characters-xx", metricsToken: "metrics-token-0123456789" },
};

/** Every optional part on: ingress with TLS, autoscaling, the ServiceMonitor, OIDC, extra env. */
const everything = {
  ...production,
  ingress: {
    enabled: true,
    className: "nginx",
    annotations: { "nginx.ingress.kubernetes.io/proxy-buffering": "off", "nginx.ingress.kubernetes.io/proxy-read-timeout": "3600" },
    hosts: [{ host: "ferry.example.com", paths: [{ path: "/", pathType: "Prefix" }] }],
    tls: [{ hosts: ["ferry.example.com"], secretName: "ferry-tls" }],
  },
  autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 10, targetCPUUtilizationPercentage: 65, targetMemoryUtilizationPercentage: 80 },
  metrics: { serviceMonitor: { enabled: true, interval: "15s", scrapeTimeout: "5s", labels: { release: "prometheus" } } },
  config: { logLevel: "warn", trustedProxies: "10.0.0.0/8", keepAliveTimeoutMs: 75000, signinRateLimit: 20, oidc: { issuer: "https://sso.example.com", clientId: "ferry", allowedDomains: "example.com", name: "Example SSO" } },
  extraEnv: [{ name: "TZ", value: "UTC" }],
  image: { repository: "registry.example.com/ferry", tag: "1.2.3", digest: "sha256:" + "a".repeat(64), pullPolicy: "IfNotPresent" },
  imagePullSecrets: [{ name: "registry" }],
  priorityClassName: "important",
  podAnnotations: { "example.com/team": "platform" },
};

const OPERATOR = ["--api-versions", "monitoring.coreos.com/v1/ServiceMonitor"];

function render(values: unknown, flags: string[] = []): K8sObject[] {
  const r = helmTemplate(CHART, values, flags);
  if (!r.ok) throw new Error(r.error);
  return (yaml.loadAll(r.yaml) as (K8sObject | null)[]).filter((o): o is K8sObject => o !== null);
}

const kinds = (objects: K8sObject[]) => objects.map((o) => o.kind).sort();
const find = (objects: K8sObject[], kind: string, suffix = "") => objects.find((o) => o.kind === kind && o.metadata.name.endsWith(suffix))!;

// Each case runs the helm binary once or more (a process start, about a second on a busy
// 2-core machine); a clean clone first fetches helm itself, once, before the cases.
describe("the Helm chart", { timeout: 30_000 }, () => {
  beforeAll(() => void helmBinary(), 300_000);

  it("passes helm lint --strict", () => {
    const lint = helmLint(CHART, production);
    expect(lint.ok, lint.output).toBe(true);
  });

  it("renders with its defaults into valid objects that follow the rules", () => {
    const objects = render({});
    expect(kinds(objects)).toEqual(["ConfigMap", "Deployment", "Job", "PodDisruptionBudget", "Secret", "Secret", "Service", "ServiceAccount"]);
    expect(schemaProblems(objects)).toEqual([]);
    expect(bestPracticeProblems(objects)).toEqual([]);
  });

  it("renders with every optional part enabled into valid objects that follow the rules", () => {
    const objects = render(everything, OPERATOR);
    expect(kinds(objects)).toEqual(["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "PodDisruptionBudget", "Secret", "Secret", "Service", "ServiceAccount", "ServiceMonitor"]);
    expect(schemaProblems(objects)).toEqual([]);
    expect(bestPracticeProblems(objects)).toEqual([]);
    const deployment = find(objects, "Deployment");
    // The autoscaler owns the replica count.
    expect(deployment.spec.replicas).toBeUndefined();
    expect(deployment.spec.template.spec.containers[0].image).toBe(`registry.example.com/ferry@sha256:${"a".repeat(64)}`);
    const monitor = find(objects, "ServiceMonitor");
    expect(monitor.spec.endpoints[0]).toMatchObject({ path: "/api/metrics", port: "http", authorization: { credentials: { name: "ferry", key: "FERRY_METRICS_TOKEN" } } });
  });

  it("renders a ServiceMonitor only where the Prometheus operator's API exists", () => {
    expect(kinds(render(everything))).not.toContain("ServiceMonitor");
  });

  it("reads every secret from an existing Secret when told, and makes none of its own", () => {
    const objects = render({ baseUrl: "https://ferry.example.com", existingSecret: "ferry-from-vault" });
    expect(kinds(objects)).not.toContain("Secret");
    const pod = find(objects, "Deployment").spec.template.spec;
    expect(pod.containers[0].envFrom).toContainEqual({ secretRef: { name: "ferry-from-vault" } });
    const job = find(objects, "Job", "-migrate").spec.template.spec;
    expect(job.containers[0].env[0].valueFrom.secretKeyRef).toEqual({ name: "ferry-from-vault", key: "DATABASE_URL" });
    expect(schemaProblems(objects)).toEqual([]);
  });

  it("configures the process as ADR 29 says: probes, stop timings, pool, no secret in the ConfigMap", () => {
    const objects = render(production);
    const config = find(objects, "ConfigMap").data;
    expect(config).toMatchObject({ FERRY_SHUTDOWN_DELAY_MS: "5000", FERRY_SHUTDOWN_GRACE_MS: "20000", FERRY_DB_POOL: "10", FERRY_BASE_URL: "https://ferry.example.com", PORT: "3000" });
    expect(JSON.stringify(config)).not.toContain("s3cret");
    const secret = find(objects, "Secret", "ferry");
    expect(Buffer.from(secret.data.DATABASE_URL, "base64").toString()).toBe(production.database.url);
    const container = find(objects, "Deployment").spec.template.spec.containers[0];
    expect([container.startupProbe.httpGet.path, container.livenessProbe.httpGet.path, container.readinessProbe.httpGet.path]).toEqual(["/api/startup", "/api/health", "/api/ready"]);
    const job = find(objects, "Job", "-migrate");
    expect(job.metadata.annotations!["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    expect(job.spec.template.spec.containers[0].command).toEqual(["node", "migrate.mjs"]);
    // Its database URL comes from a hook Secret made before it, since the release's Secret does not exist yet on install.
    const hookSecret = find(objects, "Secret", "-migrate");
    expect(Number(hookSecret.metadata.annotations!["helm.sh/hook-weight"])).toBeLessThan(Number(job.metadata.annotations!["helm.sh/hook-weight"]));
  });

  it("refuses values its schema does not allow", () => {
    for (const [values, pattern] of [
      [{ replicaCount: "two" }, /replicaCount/],
      [{ database: { url: "mysql://db/ferry", pool: 10 } }, /database/],
      [{ image: { repository: "ferry", tag: "latest", pullPolicy: "IfNotPresent" } }, /tag/],
      [{ securityContext: { allowPrivilegeEscalation: true, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ["ALL"] } } }, /allowPrivilegeEscalation/],
      [{ secrets: { betterAuthSecret: "too-short" } }, /betterAuthSecret/],
      [{ config: { logLevel: "chatty" } }, /logLevel/],
      [{ surprise: true }, /surprise|additional/i],
    ] as const) {
      const r = helmTemplate(CHART, values);
      expect(r.ok, JSON.stringify(values)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(pattern);
    }
  });

  it("refuses a stop that cannot finish within the pod's grace period", () => {
    const r = helmTemplate(CHART, { shutdown: { delaySeconds: 10, graceSeconds: 25 }, terminationGracePeriodSeconds: 30 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain("must be below terminationGracePeriodSeconds");
    expect(helmTemplate(CHART, { shutdown: { delaySeconds: 10, graceSeconds: 25 }, terminationGracePeriodSeconds: 40 }).ok).toBe(true);
  });

  it("rules catch what they are for", () => {
    const objects = render(production);
    const broken = structuredClone(objects);
    const pod = find(broken, "Deployment").spec.template.spec;
    delete pod.containers[0].readinessProbe;
    delete pod.containers[0].resources.limits;
    pod.containers[0].securityContext.readOnlyRootFilesystem = false;
    pod.containers[0].image = "ferry:latest";
    find(broken, "Service").spec.selector = { app: "nothing" };
    const problems = bestPracticeProblems(broken).join("\n");
    for (const expected of ["readiness probe", "resource limits", "read-only root filesystem", "latest", "selects no pod"]) expect(problems).toContain(expected);
    find(broken, "Deployment").spec.template.spec.containers[0].ports[0].containerPort = "3000";
    expect(schemaProblems(broken).join("\n")).toContain("containerPort");
  });
});
