"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

/** How the page learns of changes: the stream, or (while it is down) polling. */
export type LiveStatus = "connecting" | "live" | "polling";

export type LiveChange = { id: number; action?: string; entityType?: string; entityId?: string; count?: number };

/** Changes closer together than this are shown with one refresh. */
const COALESCE_MS = 150;
/** A stream not open for this long counts as down: the page polls until it is back. */
const DOWN_AFTER_MS = 4_000;
/** The fallback: how often a page without its stream reloads its data. */
export const POLL_MS = 10_000;
/** A stream the server closed for good (signed out, programme gone) is tried again after this. */
const REOPEN_MS = 15_000;

/**
 * Keeps a programme's open page current (ADR 29): listens to
 * GET /api/v1/programmes/{slug}/stream and, for each committed change, invalidates the
 * TanStack Query caches of the programme (every query whose key starts with
 * ["programme", slug]) and re-renders the server components (router.refresh()), a burst of
 * changes once. While the stream is down the page polls every POLL_MS instead; the browser
 * reconnects with Last-Event-ID, and the server replays what was missed.
 */
export function useProgrammeStream(slug: string, options: { onChange?: (change: LiveChange) => void; refresh?: boolean } = {}): LiveStatus {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  // The latest options without reopening the stream when they change.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let stopped = false;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let downTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let pollTimer: ReturnType<typeof setInterval> | undefined;
    const seen = new Set<number>();

    const update = () => {
      void queryClient.invalidateQueries({ queryKey: ["programme", slug] });
      if (latest.current.refresh !== false) router.refresh();
    };
    const scheduleUpdate = () => {
      refreshTimer ??= setTimeout(() => {
        refreshTimer = undefined;
        update();
      }, COALESCE_MS);
    };
    const startPolling = () => {
      setStatus("polling");
      pollTimer ??= setInterval(update, POLL_MS);
    };
    const stopPolling = () => {
      clearInterval(pollTimer);
      pollTimer = undefined;
    };
    const onMessage = (event: MessageEvent<string>) => {
      let change: LiveChange;
      try {
        change = JSON.parse(event.data) as LiveChange;
      } catch {
        return;
      }
      // Delivery is at least once (a resumed stream repeats its last moments).
      if (seen.has(change.id)) return;
      seen.add(change.id);
      if (seen.size > 2_000) seen.delete(seen.values().next().value!);
      latest.current.onChange?.(change);
      scheduleUpdate();
    };
    const open = () => {
      if (stopped) return;
      source = new EventSource(`/api/v1/programmes/${encodeURIComponent(slug)}/stream`);
      downTimer = setTimeout(startPolling, DOWN_AFTER_MS);
      source.onopen = () => {
        clearTimeout(downTimer);
        const wasPolling = pollTimer !== undefined;
        stopPolling();
        setStatus("live");
        // What changed while polling between two polls is fetched now.
        if (wasPolling) scheduleUpdate();
      };
      source.addEventListener("change", onMessage);
      source.addEventListener("reset", onMessage);
      source.onerror = () => {
        // The browser retries by itself unless the server refused the stream (closed).
        clearTimeout(downTimer);
        downTimer = setTimeout(startPolling, DOWN_AFTER_MS);
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          reopenTimer = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(refreshTimer);
      clearTimeout(downTimer);
      clearTimeout(reopenTimer);
      stopPolling();
    };
  }, [slug, router, queryClient]);

  return status;
}
