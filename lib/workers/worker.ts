/**
 * The worker side of the channel between Ferry's web server processes (messages.ts). Outside
 * a cluster (one process, tests, `next dev`) every call answers from this process alone, so
 * callers never need to know how Ferry is served.
 */
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { COLLECT_TIMEOUT_MS, isWorkerMessage } from "./messages";

type Provider = () => unknown | Promise<unknown>;
type Pending = { resolve: (answers: unknown[]) => void; timer: NodeJS.Timeout };
type State = { providers: Map<string, Provider>; pending: Map<string, Pending>; listening: boolean };

// On globalThis: the server loads this module once per route bundle, and every copy must
// answer with the same providers over the one channel of the process.
const globalForWorkers = globalThis as unknown as { ferryWorkers?: State };
const state: State = (globalForWorkers.ferryWorkers ??= { providers: new Map(), pending: new Map(), listening: false });

const inCluster = () => cluster.isWorker && typeof process.send === "function";

/** Registers this process's answer on a topic (the last registration wins). */
export function provide(topic: string, provider: Provider): void {
  state.providers.set(topic, provider);
  listen();
}

/**
 * Every server process's answer on a topic, this one's included. When the others do not all
 * answer in time, the answers that came (at least this process's own) are returned.
 */
export async function collect(topic: string): Promise<unknown[]> {
  const own = state.providers.get(topic);
  if (!own) throw new Error(`No provider for "${topic}" in this process.`);
  if (!inCluster()) return [await own()];
  listen();
  const id = randomUUID();
  const answers = await new Promise<unknown[] | null>((resolve) => {
    const timer = setTimeout(() => {
      state.pending.delete(id);
      resolve(null);
    }, COLLECT_TIMEOUT_MS);
    timer.unref();
    state.pending.set(id, { resolve, timer });
    process.send!({ ferry: "collect", id, topic });
  });
  return answers ?? [await own()];
}

function listen(): void {
  if (state.listening || !inCluster()) return;
  state.listening = true;
  process.on("message", (message: unknown) => {
    if (!isWorkerMessage(message)) return;
    if (message.ferry === "answer") void answer(message.id, message.topic);
    if (message.ferry === "collected") {
      const pending = state.pending.get(message.id);
      if (!pending) return;
      clearTimeout(pending.timer);
      state.pending.delete(message.id);
      pending.resolve(message.answers);
    }
  });
}

async function answer(id: string, topic: string): Promise<void> {
  const provider = state.providers.get(topic);
  let data: unknown = null;
  try {
    data = provider ? await provider() : null;
  } catch {
    // One process failing to answer must not fail the question for all.
  }
  process.send!({ ferry: "answered", id, data });
}
