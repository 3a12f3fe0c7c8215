/**
 * Inventory benchmarks (issue 4), run by `npm run bench -- services` (or `import`, `bulk`)
 * against the served large programme: the services list's server response for each kind of
 * filter, a 5,000-component Backstage catalog with 15,000 dependencies previewed and applied
 * into an empty programme, and a bulk edit of 1,000 services.
 */
import { randomUUID } from "node:crypto";
import { parseAllDocuments } from "yaml";
import type { Actor } from "@/lib/auth/actor";
import { readYamlDocuments } from "../lib/inventory/yaml-documents";
import { applyBulkEdit } from "../lib/services/mutations/bulk-edit-core";
import { round, timeRuns } from "./measure";
import { getPage, signIn } from "./session";
import type { Benchmark, BenchContext } from "./suites";

/** A Backstage catalog of `n` components (a quarter of them Resources) with `edges` dependsOn entries. */
export function generateCatalog(n: number, edges: number, teams = 80): string {
  const docs: string[] = [];
  for (let t = 0; t < teams; t++) docs.push(`apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: team-${t}\nspec:\n  type: team\n  children: []`);
  const perService = Math.ceil(edges / n);
  let left = edges;
  for (let i = 0; i < n; i++) {
    const resource = i % 4 === 3;
    const deps: string[] = [];
    // Point only at lower indices: a believable DAG, every reference resolvable.
    for (let k = 1; k <= perService && left > 0 && i - k * 7 >= 0; k++, left--) {
      const j = i - k * 7;
      deps.push(`${j % 4 === 3 ? "resource" : "component"}:svc-${j}`);
    }
    const spec = resource ? `  type: database\n  owner: team-${i % teams}` : `  type: service\n  lifecycle: production\n  owner: team-${i % teams}\n  system: sys-${i % 40}`;
    const dependsOn = deps.length ? `\n  dependsOn:\n${deps.map((d) => `    - ${d}`).join("\n")}` : "";
    docs.push(`apiVersion: backstage.io/v1alpha1\nkind: ${resource ? "Resource" : "Component"}\nmetadata:\n  name: svc-${i}\n  tags: [bench, t${i % 10}]\nspec:\n${spec}${dependsOn}`);
  }
  return docs.join("\n---\n") + "\n";
}

/**
 * Reading the catalog alone, in this process: Ferry's reader (js-yaml, one document at a time,
 * with the alias budget) beside the yaml package reading the same stream into values, the
 * parser the reader uses only for positions and messages.
 */
async function readCatalog(catalog: string) {
  const reader = await timeRuns(7, async () => void readYamlDocuments(catalog), 2);
  const yamlPackage = await timeRuns(3, async () => void parseAllDocuments(catalog).map((d) => d.toJS()), 1);
  return { readerP50Ms: reader.p50Ms, yamlPackageP50Ms: yamlPackage.p50Ms };
}

const FILTERS: [string, string][] = [
  ["none", ""],
  ["search", "q=billing"],
  ["team", "team=Billing%20Core"],
  ["kind", "kind=datastore"],
  ["stateful", "stateful=yes"],
  ["strategy", "strategy=refactor"],
  ["tier", "tier=1"],
  ["status", "status=live"],
  ["wave", "wave=3"],
  ["tag", "tag=tier-1"],
  ["sort_team_desc", "sort=team&dir=desc"],
  ["sort_wave_page_20", "sort=wave&page=20&size=100"],
];

export const inventoryBenchmarks: Benchmark[] = [
  {
    name: "services_list",
    async run(ctx: BenchContext) {
      const cookie = await signIn(ctx);
      const team = await ctx.db.team.findFirst({ where: { programme: { slug: ctx.slug } }, select: { name: true } });
      const results: Record<string, number> = {};
      for (const [label, query] of FILTERS) {
        const q = label === "team" && team ? `team=${encodeURIComponent(team.name)}` : query;
        results[label] = (await timeRuns(20, () => getPage(`${ctx.baseUrl}/p/${ctx.slug}/services?${q}`, cookie), 2)).p95Ms;
      }
      return { target: "server response p95 <= 200 ms for any filter", worstP95Ms: Math.max(...Object.values(results)), p95MsByFilter: results };
    },
  },
  {
    name: "services_import_backstage_5000",
    async run(ctx: BenchContext) {
      const catalog = generateCatalog(5000, 15000);
      const slug = `bench-import-${randomUUID().slice(0, 8)}`;
      const headers = { authorization: `Bearer ${ctx.token}` };
      const made = await fetch(`${ctx.baseUrl}/api/v1/programmes`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ name: "Import bench", slug }) });
      if (made.status !== 201) throw new Error(`creating the import programme answered ${made.status}`);
      const post = async (query: string) => {
        const t0 = performance.now();
        const res = await fetch(`${ctx.baseUrl}/api/v1/programmes/${slug}/import?format=backstage${query}`, { method: "POST", headers: { ...headers, "content-type": "application/yaml" }, body: catalog });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`import${query} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
        return { ms: performance.now() - t0, body };
      };
      const preview = await post("&dryRun=1");
      const apply = await post("");
      const services = await ctx.db.service.count({ where: { programme: { slug } } });
      const dependencies = await ctx.db.dependency.count({ where: { programme: { slug } } });
      return { target: "preview + apply <= 3000 ms", previewMs: round(preview.ms), applyMs: round(apply.ms), totalMs: round(preview.ms + apply.ms), services, dependencies, created: apply.body.created, read: await readCatalog(catalog) };
    },
  },
  {
    name: "services_bulk_edit_1000",
    async run(ctx: BenchContext) {
      const programme = await ctx.db.programme.findUniqueOrThrow({ where: { slug: ctx.slug }, select: { id: true } });
      const ids = (await ctx.db.service.findMany({ where: { programmeId: programme.id }, select: { id: true }, take: 1000, orderBy: { name: "asc" } })).map((s) => s.id);
      const actor: Actor = { userId: null, name: "bench", isAdmin: true };
      const times: number[] = [];
      let changed = 0;
      // Alternate the namespace so every run changes all 1,000 rows.
      for (const ns of ["bench-a", "bench-b", "bench-a"]) {
        const t0 = performance.now();
        const r = await ctx.db.$transaction((tx) => applyBulkEdit(tx, actor, programme.id, { ids, targetNamespace: ns, addTags: [ns] }), { timeout: 60_000 });
        times.push(performance.now() - t0);
        changed = r.changed;
      }
      return { target: "<= 1000 ms for 1,000 services", services: ids.length, changed, msPerRun: times.map(round), maxMs: round(Math.max(...times)) };
    },
  },
];
