/**
 * What the web server processes and the process that started them (`npm start`, see
 * primary.ts) say to each other over Node's cluster channel. Two kinds of exchange:
 * - a worker asks every worker (itself included) to answer on a topic and gets all answers:
 *   metrics summed over the processes, a revoked token dropped from every cache;
 * - nothing else: workers share no other state (the database holds it).
 */
export type WorkerMessage =
  /** worker → primary: ask every worker for its answer on `topic`. */
  | { ferry: "collect"; id: string; topic: string }
  /** primary → worker: answer on `topic`. */
  | { ferry: "answer"; id: string; topic: string }
  /** worker → primary: this worker's answer. */
  | { ferry: "answered"; id: string; data: unknown }
  /** primary → the asking worker: every answer, in worker order. */
  | { ferry: "collected"; id: string; answers: unknown[] };

export function isWorkerMessage(value: unknown): value is WorkerMessage {
  return typeof value === "object" && value !== null && typeof (value as { ferry?: unknown }).ferry === "string" && typeof (value as { id?: unknown }).id === "string";
}

/** How long a worker waits for every answer before it gives up (a worker stuck or dying). */
export const COLLECT_TIMEOUT_MS = 2_000;
