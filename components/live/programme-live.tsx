"use client";

import { useProgrammeStream, type LiveStatus } from "./use-programme-stream";

const SAID: Record<LiveStatus, string> = {
  connecting: "Live updates: connecting",
  live: "Live updates: on",
  polling: "Live updates: reconnecting; this page refreshes every 10 seconds meanwhile",
};

/**
 * One line in a programme page keeps it current with every change made anywhere
 * (useProgrammeStream). It shows nothing; its state is for assistive technology and tests.
 */
export function ProgrammeLive({ slug }: { slug: string }) {
  const status = useProgrammeStream(slug);
  return (
    <span className="sr-only" data-testid="live-status" data-live-status={status}>
      {SAID[status]}
    </span>
  );
}
