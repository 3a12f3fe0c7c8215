/**
 * Runs an import job (import-job.ts) on a worker thread of its own, so that reading a large
 * or hostile file never holds the web process's event loop: /api/health and every other
 * request keep being answered while it is read (ADR 21). One short-lived worker per import:
 * nothing is shared between two uploads, a worker that runs out of memory takes only its own
 * import down, and its memory is returned when it exits.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { ImportJob, ImportJobResult } from "./import-job";

// Reading a 10 MiB file held by the YAML budget (limits.ts) peaks near 300 MB; past this the
// worker is stopped (ERR_WORKER_OUT_OF_MEMORY) instead of the web process growing.
const WORKER_HEAP_MB = 1024;

const options = (job: ImportJob) => ({ workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });

// Next bundles the worker entry it finds as this literal `new Worker(new URL(...))` (a chunk
// of its own in the build; `process.env.NEXT_RUNTIME` is set in Next's server code). Outside
// Next (vitest, tsx scripts such as the benchmark) this module is the .ts source, and Node 20
// cannot run a .ts entry, so a bootstrap loads the source through tsx.
function start(job: ImportJob): Worker {
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./import-worker.ts", import.meta.url), options(job));
  const source = import.meta.url.replace(/import-thread\.ts$/, "import-worker.ts");
  const boot = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options(job), eval: true });
}

export function runImportJobOffThread<J extends ImportJob>(job: J): Promise<Extract<ImportJobResult, { mode: J["mode"] }>> {
  const worker = start(job);
  return new Promise((resolve, reject) => {
    let result: ImportJobResult | undefined;
    worker.once("message", (message: ImportJobResult) => (result = message));
    worker.once("error", (error: Error & { code?: string }) => {
      reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new AppError("PAYLOAD_TOO_LARGE", "The file needs more memory to read than one import may use; nothing was imported.") : error);
    });
    worker.once("exit", (code) => {
      if (result) resolve(result as Extract<ImportJobResult, { mode: J["mode"] }>);
      else reject(new Error(`The import worker exited with code ${code} before answering.`));
    });
  });
}
