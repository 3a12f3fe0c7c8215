/**
 * The replica's one listening connection (ADR 29): a plain pg Client, outside the pool, that
 * LISTENs on the channel record.ts notifies. It reconnects by itself when the connection breaks
 * (a database restart, a failover), waiting longer after each failure (250 ms doubling to 30 s,
 * with jitter, so replicas do not reconnect in step), and says when it is back so the hub can
 * replay what its streams missed meanwhile.
 *
 * The embedded database (PGlite behind pglite-socket) is one session shared by every
 * connection, and sends a notification to the connection that committed, not to the one that
 * listens: there the LISTEN still registers the session, and the app's own pool connections
 * receive the notifications (forwardPoolNotifications), which suits a database that serves one
 * process anyway.
 */
import pg from "pg";
import { log } from "@/lib/log";
import { countMetric } from "@/lib/metrics";
import { CHANNEL } from "./messages";

export type ListenerEvents = { onNotification: (payload: string | undefined) => void; onReconnected: () => void };

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 30_000;

export type Listener = { stop: () => Promise<void>; isUp: () => boolean };

/** Listens on CHANNEL through `url` until stopped, reconnecting after every failure. */
export function startListener(url: string, events: ListenerEvents): Listener {
  let client: pg.Client | null = null;
  let stopped = false;
  let up = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;
  let everConnected = false;

  const retry = () => {
    if (stopped || timer) return;
    up = false;
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, delay);
    timer.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    client = next;
    // Errors are reported by 'end' too; both lead to one retry.
    next.on("error", (error) => {
      if (!stopped) log.warn("live listener: connection error", { error: error.message });
      retry();
    });
    next.on("end", () => retry());
    next.on("notification", (message) => {
      if (message.channel === CHANNEL) events.onNotification(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (stopped) return void (await next.end().catch(() => {}));
      up = true;
      attempt = 0;
      if (everConnected) {
        countMetric("ferry_live_listener_reconnects_total", {});
        log.info("live listener: listening again");
        events.onReconnected();
      }
      everConnected = true;
    } catch (error) {
      if (!stopped) log.warn("live listener: cannot listen yet", { error: error instanceof Error ? error.message : String(error), attempt });
      next.removeAllListeners("end");
      await next.end().catch(() => {});
      retry();
    }
  };

  void connect();
  return {
    isUp: () => up,
    stop: async () => {
      stopped = true;
      up = false;
      clearTimeout(timer);
      await client?.end().catch(() => {});
    },
  };
}

type NotifyingClient = { on(event: "notification", listener: (message: { channel: string; payload?: string }) => void): unknown };
const globalForPool = globalThis as unknown as { ferryPoolNotifications?: (payload: string | undefined) => void };

/** Hands notifications that reach the app's pool connections to the hub (the embedded database, above). */
export function forwardPoolNotifications(pool: { on(event: "connect", listener: (client: NotifyingClient) => void): unknown }): void {
  pool.on("connect", (client) => {
    client.on("notification", (message) => {
      if (message.channel === CHANNEL) globalForPool.ferryPoolNotifications?.(message.payload);
    });
  });
}

/** Where pool connections' notifications go (set by the hub when it starts). */
export function receivePoolNotifications(handler: (payload: string | undefined) => void): void {
  globalForPool.ferryPoolNotifications = handler;
}
