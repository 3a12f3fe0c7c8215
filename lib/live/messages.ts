/**
 * The two wire formats of live updates, pure (ADR 29):
 * - the PostgreSQL notification each committed event sends on CHANNEL (record.ts sends it in
 *   the event's own transaction, so nothing is announced that did not commit), small enough
 *   for NOTIFY's 8,000-byte limit whatever the event: ids and names only, never the payload;
 * - the server-sent event a browser or a script receives for it: `id:` is the event's id, so
 *   `Last-Event-ID` resumes from it.
 */
import { z } from "zod";
import { INT4_MAX } from "@/lib/validation/number";

export const CHANNEL = "ferry_events";

/** What the notification says: programme, event id, and for one event what it was about; for a bulk write, how many. */
export const notificationSchema = z.object({
  p: z.string().min(1).max(200),
  e: z.number().int().positive(),
  a: z.string().max(200).optional(),
  t: z.string().max(200).optional(),
  i: z.string().max(200).optional(),
  n: z.number().int().positive().optional(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** The change as streamed: one per committed event, or one for a bulk write of `count` events ending at `id`. */
export type Change = { id: number; action?: string; entityType?: string; entityId?: string; count?: number };

/** The notification's text for one event. */
export function eventNotification(programmeId: string, event: { id: number; action: string; entityType: string; entityId: string }): string {
  return JSON.stringify({ p: programmeId, e: event.id, a: event.action.slice(0, 200), t: event.entityType.slice(0, 200), i: event.entityId.slice(0, 200) } satisfies Notification);
}

/** The notification's text for a bulk write (an import, a restore): its last event id and how many there were. */
export function bulkNotification(programmeId: string, lastId: number, count: number): string {
  return JSON.stringify({ p: programmeId, e: lastId, n: count } satisfies Notification);
}

/** The notification read back, or null for anything else on the channel. */
export function parseNotification(text: string | undefined): Notification | null {
  if (!text) return null;
  try {
    const parsed = notificationSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function changeOf(n: Notification): Change {
  return n.n ? { id: n.e, count: n.n } : { id: n.e, action: n.a, entityType: n.t, entityId: n.i };
}

/** One server-sent event. Data is JSON on one line, so it can never end the event early. */
export function sseMessage(event: "change" | "reset", change: Change): string {
  return `id: ${change.id}\nevent: ${event}\ndata: ${JSON.stringify(change)}\n\n`;
}

/** A comment line: keeps proxies and the browser from closing an idle stream. */
export const SSE_HEARTBEAT = ": keep-alive\n\n";

/** How long a browser waits before reconnecting after the stream ends, in milliseconds. */
export const SSE_RETRY_MS = 2_000;

/** The first bytes of every stream: the reconnect delay, and a comment that sends the headers now. */
export const SSE_PREAMBLE = `retry: ${SSE_RETRY_MS}\n: connected\n\n`;

/**
 * `Last-Event-ID` (header, or `lastEventId` query for the first connection): an event id, or
 * null. Event ids are an integer column: a larger number names no event, and sent on to the
 * replay's query it made PostgreSQL refuse the statement (22003) instead of replaying nothing.
 */
export function parseLastEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return Number.isSafeInteger(id) && id > 0 && id <= INT4_MAX ? id : null;
}
