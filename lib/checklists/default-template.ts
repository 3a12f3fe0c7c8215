/**
 * The default definition of done, as plain data. A programme starts from this template and
 * may edit its own copy; slices get their items from it through itemsForSlice. Pure: no
 * Prisma, no framework, so the seed, the import and the settings page can all read it.
 *
 * Gates follow the order of risk: "mirror" needs a deployable workload (nothing users see
 * yet), "1" is the first real user traffic and needs observability plus a rehearsed way
 * back, "10" and "50" add the guarantees that matter as load grows. Retirement items gate
 * nothing: they are what turns a live slice into a done one.
 */
import type { Stage } from "@/lib/slices/stages";

export const CHECKLIST_CATEGORIES = ["migrated", "observable", "safe_to_shift", "stateful", "retired"] as const;
export type ChecklistCategoryName = (typeof CHECKLIST_CATEGORIES)[number];

export const APPLIES_TO = ["all", "stateful", "stateless", "datastore"] as const;
export type AppliesToName = (typeof APPLIES_TO)[number];

export type TemplateItem = {
  /** Stable across template edits: a slice's item keeps the key of the item it came from. */
  key: string;
  title: string;
  guidance: string;
  category: ChecklistCategoryName;
  appliesTo: AppliesToName;
  /** The stage this item gates (API spelling), or null when it gates no stage. */
  gateStage: Stage | null;
};

export type ChecklistTemplateDefinition = { name: string; items: readonly TemplateItem[] };

/** What decides which items a slice gets. */
export type SliceTraits = { stateful: boolean; hasDatastore: boolean };

const item = (
  key: string,
  category: ChecklistCategoryName,
  appliesTo: AppliesToName,
  gateStage: Stage | null,
  title: string,
  guidance: string,
): TemplateItem => ({ key, title, guidance, category, appliesTo, gateStage });

export const DEFAULT_TEMPLATE: ChecklistTemplateDefinition = {
  name: "Default definition of done",
  items: [
    // Migrated: the workload is a proper Kubernetes citizen.
    item("production-image", "migrated", "all", "mirror", "Production-grade container image",
      "Multi-stage build, runs as a non-root user, and bakes in no environment-specific settings. The same image must run in every environment."),
    item("health-probes", "migrated", "all", "mirror", "Liveness, readiness and startup probes",
      "Readiness keeps traffic off a pod that cannot serve; liveness restarts a stuck one; startup protects slow boots from both."),
    item("config-externalised", "migrated", "all", "mirror", "Config and secrets from ConfigMap/Secret",
      "Every setting the legacy host kept in env files or local config now comes from a ConfigMap or Secret; nothing secret lives in the image or the repository."),
    item("service-ingress", "migrated", "all", "mirror", "Service and Ingress",
      "A Service fronts the pods and an Ingress (or mesh route) exposes them, so mirrored and later real traffic has somewhere to go."),
    item("gitops-deployed", "migrated", "all", "mirror", "Deployed through GitOps",
      "Manifests live in Git and Flux or Argo CD applies them; a change to the cluster is a reviewed pull request that can be reverted."),
    item("resource-limits", "migrated", "all", "1", "Resource requests and limits",
      "Requests reflect what the service really uses on the legacy host and limits stop a leak from starving its neighbours."),
    item("jobs-ported", "migrated", "all", "1", "Database migration job and cron jobs",
      "Schema migrations run as a Job before the new version starts and scheduled tasks are CronJobs. Mark it not applicable when the service has neither."),
    item("pod-disruption-budget", "migrated", "all", "10", "PodDisruptionBudget",
      "Node drains and upgrades must never take every replica at once; set the budget before the slice carries a real share of traffic."),
    item("autoscaling", "migrated", "stateless", "50", "HorizontalPodAutoscaler",
      "Scale on the signal that tracks load (CPU, requests or queue depth), with a floor that survives losing a node."),
    item("load-tested", "migrated", "all", "50", "Sized by a load test",
      "Replay or generate peak-level traffic against the cluster deployment and size requests, limits and replicas from what you measured."),
    // Observable: nothing takes real traffic before we can see it misbehave.
    item("json-logs", "observable", "all", "1", "JSON logs with x-request-id to the central store",
      "Log lines are structured JSON carrying the x-request-id of the call, and they reach the central log store, not just the node."),
    item("metrics-scraped", "observable", "all", "1", "Metrics scraped",
      "The service exports its metrics and Prometheus (or the monitoring service) scrapes them; check the target is up, not just configured."),
    item("dashboards", "observable", "all", "1", "Dashboards",
      "A dashboard shows the golden signals side by side for the old and the new path, so a difference is visible at a glance."),
    item("alerts-core", "observable", "all", "1", "Alerts: pod restarts, OOMKilled, node saturation",
      "Alert on pod restart rate, OOMKilled events and node CPU/memory saturation, routed to the owning team's on-call."),
    item("alerts-pvc", "observable", "stateful", "1", "Alert: PVC storage pressure",
      "A volume that fills up takes the service down with it; alert well before the claim is full."),
    // Safe to shift: there is a rehearsed way back.
    item("rollback-plan", "safe_to_shift", "all", "mirror", "Rollback plan written",
      "Write down how traffic returns to the old path, who decides, and which signal (error rate, latency) triggers it."),
    item("rollback-rehearsed", "safe_to_shift", "all", "1", "Rollback rehearsed",
      "Run the rollback for real in a lower environment and time it; a plan nobody has executed is a hope."),
    item("mirror-compared", "safe_to_shift", "all", "1", "Traffic mirrored and compared",
      "Mirror production traffic to the new path and compare responses and latency before any user is served from it."),
    // Stateful extras.
    item("data-migration-plan", "stateful", "stateful", "1", "Data migration plan",
      "Choose dump and restore in a maintenance window or a shared database with no downtime, and write down the steps and the way back."),
    item("storage-chosen", "stateful", "stateful", "mirror", "Volumes or operator chosen",
      "Decide between a StatefulSet, an operator or a managed database outside the cluster, and record why."),
    item("backup-restore", "stateful", "datastore", "10", "Backup and restore rehearsed",
      "Take a backup from the new home and restore it somewhere else; time the restore against the recovery objective."),
    item("sticky-sessions", "stateful", "stateful", "1", "Sticky sessions handled",
      "Either move session state to a shared store or configure session affinity, so a pod restart does not log users out."),
    // Retired: done means the old path is gone.
    item("legacy-decommissioned", "retired", "all", null, "Old VMs decommissioned",
      "The legacy hosts are switched off and released, after a quiet period with no traffic on the old path."),
    item("legacy-routing-removed", "retired", "all", null, "Old DNS and routing rules removed",
      "DNS records, load-balancer pools and firewall rules that pointed at the old path are deleted."),
  ],
};

/** Kinds of service that make a slice a "datastore" slice for the checklist. */
export const DATASTORE_KINDS = ["datastore", "queue", "cache"] as const;

/** The traits of a slice from its services: stateful if any is, datastore if any is one. */
export function sliceTraits(services: readonly { kind: string; stateful: boolean }[]): SliceTraits {
  return {
    stateful: services.some((s) => s.stateful),
    hasDatastore: services.some((s) => (DATASTORE_KINDS as readonly string[]).includes(s.kind)),
  };
}

/** The template items that apply to a slice with these traits, in template order. */
export function itemsForSlice<T extends { appliesTo: AppliesToName }>(template: { items: readonly T[] }, slice: SliceTraits): T[] {
  return template.items.filter((it) => {
    switch (it.appliesTo) {
      case "all":
        return true;
      case "stateful":
        return slice.stateful;
      case "stateless":
        return !slice.stateful;
      case "datastore":
        return slice.hasDatastore;
    }
  });
}
