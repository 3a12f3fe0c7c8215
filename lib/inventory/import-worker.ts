/**
 * Entry of the import worker thread (started by import-thread.ts, one per import): runs the
 * job it was started with and posts the result. Next bundles this file as a worker entry
 * because import-thread.ts names it with `new URL(..., import.meta.url)`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runImportJob, type ImportJob } from "./import-job";

parentPort!.postMessage(runImportJob(workerData as ImportJob));
