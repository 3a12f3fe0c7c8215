/**
 * The primary side of Ferry's web server processes (ADR 16): forks the workers that share the
 * listening port, relays their questions to each other (messages.ts), replaces a worker that
 * dies while serving, and stops them all on request.
 */
import cluster, { type Worker } from "node:cluster";
import { COLLECT_TIMEOUT_MS, isWorkerMessage, type WorkerMessage } from "./messages";

export type WorkerPool = {
  /** SIGTERM to every worker; resolves when all have exited. */
  stop: () => Promise<void>;
};

export type WorkerPoolOptions = {
  /** The script every worker runs, and its arguments. */
  exec: string;
  args: string[];
  execArgv?: string[];
  count: number;
  env: Record<string, string>;
  log: (message: string) => void;
  /** Called once, when every first worker listens. */
  onReady?: () => void;
  /** Called when workers keep dying at start-up: serving is not possible. */
  onGiveUp: (reason: string) => void;
};

/** A worker that dies sooner than this after its start counts as failing to start. */
const EARLY_EXIT_MS = 10_000;
const MAX_EARLY_EXITS = 3;

export function startWorkers(opts: WorkerPoolOptions): WorkerPool {
  cluster.setupPrimary({ exec: opts.exec, args: opts.args, execArgv: opts.execArgv ?? [] });
  let stopping = false;
  let earlyExits = 0;
  let listening = 0;
  const workers = new Set<Worker>();
  const collecting = new Map<string, { asker: Worker; answers: Map<number, unknown>; expected: Worker[]; timer: NodeJS.Timeout }>();

  const fork = () => {
    const worker = cluster.fork(opts.env);
    const startedAt = Date.now();
    workers.add(worker);
    worker.once("listening", () => {
      if (++listening === opts.count) opts.onReady?.();
    });
    worker.on("message", (message: unknown) => {
      if (isWorkerMessage(message)) onMessage(worker, message);
    });
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      for (const [id, c] of collecting) if (c.expected.includes(worker)) answered(id, worker, null);
      if (stopping) return;
      opts.log(`web server process ${worker.process.pid} exited (${signal ?? code}); starting another`);
      if (Date.now() - startedAt < EARLY_EXIT_MS && ++earlyExits >= MAX_EARLY_EXITS) {
        opts.onGiveUp("the web server processes keep exiting at start-up; see the output above.");
        return;
      }
      fork();
    });
  };

  const onMessage = (from: Worker, message: WorkerMessage) => {
    if (message.ferry === "collect") {
      const expected = [...workers].filter((w) => w.isConnected());
      const timer = setTimeout(() => finish(message.id), COLLECT_TIMEOUT_MS);
      collecting.set(message.id, { asker: from, answers: new Map(), expected, timer });
      for (const w of expected) w.send({ ferry: "answer", id: message.id, topic: message.topic } satisfies WorkerMessage);
    } else if (message.ferry === "answered") {
      answered(message.id, from, message.data);
    }
  };

  const answered = (id: string, from: Worker, data: unknown) => {
    const c = collecting.get(id);
    if (!c) return;
    c.answers.set(from.id, data);
    if (c.expected.every((w) => c.answers.has(w.id))) finish(id);
  };

  // Answers in worker order; a worker that did not answer in time is left out.
  const finish = (id: string) => {
    const c = collecting.get(id);
    if (!c) return;
    clearTimeout(c.timer);
    collecting.delete(id);
    const answers = c.expected.filter((w) => c.answers.has(w.id)).map((w) => c.answers.get(w.id));
    if (c.asker.isConnected()) c.asker.send({ ferry: "collected", id, answers } satisfies WorkerMessage);
  };

  for (let i = 0; i < opts.count; i++) fork();

  return {
    stop: async () => {
      stopping = true;
      const exits = [...workers].map((w) => new Promise((resolve) => (w.isDead() ? resolve(null) : w.once("exit", resolve))));
      for (const w of workers) w.process.kill("SIGTERM");
      await Promise.all(exits);
    },
  };
}
