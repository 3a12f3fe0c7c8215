"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/** How often the overview asks whether anything changed. */
export const OVERVIEW_POLL_MS = 5_000;

/** The overview's version: what changes when anything it shows does (ADR 30). */
export const overviewVersionQuery = (slug: string) =>
  queryOptions({
    queryKey: ["overview-version", slug],
    queryFn: async ({ signal }): Promise<string> => {
      const response = await fetch(`/p/${encodeURIComponent(slug)}/overview.json`, { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`overview version: ${response.status}`);
      return ((await response.json()) as { version: string }).version;
    },
    refetchInterval: OVERVIEW_POLL_MS,
    // A tab in the background asks nothing; coming back asks at once.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: 0,
    retry: false,
  });

/**
 * Keeps the server-rendered overview current without a reload: polls the programme's version
 * and, when it differs from the one the page was rendered at, asks the server for the page
 * again (router.refresh keeps scroll, focus and open <details>). Only the version travels every
 * few seconds; the overview itself is recomputed only when something changed.
 */
export function LiveRefresh({ slug, version }: { slug: string; version: string }) {
  const router = useRouter();
  const { data, isError } = useQuery({ ...overviewVersionQuery(slug), initialData: version, initialDataUpdatedAt: 0 });
  const [isRefreshing, startRefresh] = useTransition();
  // The version a refresh was last asked for, so one change asks once, however often it polls.
  const asked = useRef(version);
  useEffect(() => {
    // One refresh at a time: on a busy programme the version moves on every poll, and a page
    // that takes longer to render than the poll's interval must not pile refreshes up. The
    // version the finished refresh brings re-runs this, which catches up in one go.
    if (isRefreshing || data === version || data === asked.current) return;
    asked.current = data;
    startRefresh(() => router.refresh());
  }, [data, version, router, isRefreshing]);
  return (
    <p className="text-xs text-slate-500" data-testid="live-refresh" data-version={version}>
      {isError ? "Not refreshing: Ferry could not be reached. Reload the page to try again." : isRefreshing ? "Updating…" : "Updates by itself every few seconds."}
    </p>
  );
}
