/**
 * Fans announcements out to this replica's stream clients (ADR 29). One listening connection
 * per replica, opened with the first client and kept; each notification is parsed once,
 * formatted once and written to every client of its programme. A client that falls behind
 * (its stream's queue over a bound) is closed: its browser reconnects with Last-Event-ID and
 * the replay from the event table brings it up to date. When the listener comes back after a
 * database restart, every client gets the same replay from the last event it was sent.
 */
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { countMetric, singleGauge, watchAtScrape } from "@/lib/metrics";
import { outsideRequest } from "@/lib/http/request-context";
import { onClose, onDrain } from "@/lib/http/shutdown";
import { changeOf, parseNotification, type Change } from "./messages";
import { receivePoolNotifications, startListener, type Listener } from "./listener";

export type Client = {
  programmeId: string;
  /** The highest event id this client was sent, for a replay after a listener outage. */
  lastId: number;
  send: (change: Change) => boolean;
  close: () => void;
  /** Replays events after `lastId` (the stream does it from the event table). */
  resync: () => void;
};

type Hub = { clients: Map<string, Set<Client>>; listener: Listener | null; stopping: boolean };
const globalForHub = globalThis as unknown as { ferryLiveHub?: Hub };

function hub(): Hub {
  if (globalForHub.ferryLiveHub) return globalForHub.ferryLiveHub;
  const created: Hub = { clients: new Map(), listener: null, stopping: false };
  globalForHub.ferryLiveHub = created;
  watchAtScrape("live_hub", () => [
    singleGauge("ferry_live_clients", "Live update streams open on this replica", clientCount()),
    singleGauge("ferry_live_listener_up", "1 while this replica's listening connection is up", created.listener?.isUp() ? 1 : 0),
  ]);
  // The listener closes the streams when the server stops taking connections (browsers then
  // reconnect to another replica), and its own connection once requests are done.
  onDrain("live streams", () => closeAll());
  onClose("live listener", async () => {
    created.stopping = true;
    await created.listener?.stop();
  });
  return created;
}

function ensureListening(h: Hub): void {
  if (h.listener || h.stopping) return;
  const url = env().DATABASE_URL;
  if (!url) return;
  receivePoolNotifications(deliver);
  // It outlives the request that opened the first stream: its lines must not carry that request's id.
  h.listener = outsideRequest(() =>
    startListener(url, {
      onNotification: deliver,
      onReconnected: () => {
        log.debug("live: replaying to every stream after the listener came back", { clients: clientCount() });
        for (const set of h.clients.values()) for (const c of set) c.resync();
      },
    }),
  );
}

/** One notification to every client of its programme. Exported for tests. */
export function deliver(payload: string | undefined): void {
  countMetric("ferry_live_notifications_total", {});
  const n = parseNotification(payload);
  if (!n) {
    log.warn("live: a notification that is not Ferry's", { length: payload?.length ?? 0 });
    return;
  }
  const clients = globalForHub.ferryLiveHub?.clients.get(n.p);
  log.debug("live: notification", { programme: n.p, event: n.e, clients: clients?.size ?? 0 });
  if (!clients) return;
  const change = changeOf(n);
  for (const client of [...clients]) if (!client.send(change)) client.close();
}

/** Registers a stream client; returns its removal. */
export function subscribe(client: Client): () => void {
  const h = hub();
  ensureListening(h);
  const set = h.clients.get(client.programmeId) ?? new Set<Client>();
  set.add(client);
  h.clients.set(client.programmeId, set);
  return () => {
    set.delete(client);
    if (set.size === 0 && h.clients.get(client.programmeId) === set) h.clients.delete(client.programmeId);
  };
}

export function clientCount(): number {
  let n = 0;
  for (const set of globalForHub.ferryLiveHub?.clients.values() ?? []) n += set.size;
  return n;
}

/** Ends every stream (the server is stopping); browsers reconnect elsewhere. */
export function closeAll(): void {
  const h = globalForHub.ferryLiveHub;
  if (!h) return;
  h.stopping = true;
  for (const set of [...h.clients.values()]) for (const c of [...set]) c.close();
}
