/**
 * One client's server-sent event stream for a programme (GET /api/v1/programmes/{slug}/stream):
 * it joins the hub first and buffers, then replays from the event table what came after
 * Last-Event-ID, then sends the buffered and live changes, each id once. Heartbeats keep
 * proxies from closing it; it ends when the client goes away, falls too far behind, or the
 * server stops.
 */
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { subscribe, type Client } from "./hub";
import { SSE_HEARTBEAT, SSE_PREAMBLE, sseMessage, type Change } from "./messages";
import { latestEventId } from "@/lib/events/latest";
import { replaySince } from "./replay";

export const HEARTBEAT_MS = 15_000;
/** Bytes queued for a client that does not read before it is dropped (it reconnects and replays). */
const MAX_QUEUED_BYTES = 512 * 1024;
/** Ids already sent, kept to send each once across the replay and the live feed. */
const SEEN_LIMIT = 2_000;

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: Next's compression (and any proxy's) must not buffer the stream.
  "cache-control": "no-cache, no-store, no-transform",
  "x-accel-buffering": "no",
};

export function openStream(programmeId: string, lastEventId: number | null, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let closed = false;
        let replaying = true;
        const buffered: Change[] = [];
        const seen = new Set<number>();
        const write = (text: string): boolean => {
          if (closed) return false;
          controller.enqueue(encoder.encode(text));
          return (controller.desiredSize ?? 0) > -MAX_QUEUED_BYTES;
        };
        const emit = (change: Change, event: "change" | "reset" = "change"): boolean => {
          if (seen.has(change.id)) return true;
          seen.add(change.id);
          if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
          client.lastId = Math.max(client.lastId, change.id);
          return write(sseMessage(event, change));
        };
        const replay = async (from: number) => {
          const result = await replaySince(db, programmeId, from);
          log.debug("live: replay", { programme: programmeId, from, sent: "reset" in result ? "reset" : result.changes.length });
          if ("reset" in result) emit(result.reset, "reset");
          else for (const change of result.changes) emit(change);
        };
        const client: Client = {
          programmeId,
          lastId: lastEventId ?? 0,
          send: (change) => (replaying ? (buffered.push(change), true) : emit(change)),
          close: () => cleanup(),
          resync: () => {
            if (client.lastId > 0) replay(client.lastId).catch((error) => log.warn("live: replay after reconnect failed", { error }));
          },
        };
        const unsubscribe = subscribe(client);
        const heartbeat = setInterval(() => {
          if (!write(SSE_HEARTBEAT)) cleanup();
        }, HEARTBEAT_MS);
        cleanup = () => {
          if (closed) return;
          closed = true;
          clearInterval(heartbeat);
          unsubscribe();
          signal.removeEventListener("abort", cleanup);
          try {
            controller.close();
          } catch {
            // already cancelled by the client
          }
        };
        signal.addEventListener("abort", cleanup);
        write(SSE_PREAMBLE);
        // Joined before the replay reads, so nothing committed in between is lost: what the
        // live feed brings meanwhile waits in `buffered` and is sent after, once.
        // Without Last-Event-ID nothing is replayed, but the programme's latest id is where a
        // replay after a listener outage starts.
        const caughtUp = lastEventId ? replay(lastEventId) : latestEventId(programmeId).then((id) => void (client.lastId = Math.max(client.lastId, id)));
        caughtUp
          .catch((error) => {
            log.warn("live: replay failed", { error });
            emit({ id: lastEventId ?? 0 }, "reset");
          })
          .finally(() => {
            log.debug("live: stream caught up", { programme: programmeId, last_id: client.lastId, buffered: buffered.length });
            replaying = false;
            for (const change of buffered.splice(0)) if (!emit(change)) return cleanup();
          });
      },
      cancel() {
        cleanup();
      },
    },
    { highWaterMark: MAX_QUEUED_BYTES, size: (chunk) => chunk.byteLength },
  );
}
