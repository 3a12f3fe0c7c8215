"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useProgrammeStream, type LiveStatus } from "./use-programme-stream";

const SAID: Record<LiveStatus, string> = {
  connecting: "Live updates: connecting",
  live: "Live updates: on",
  polling: "Live updates: reconnecting; this page refreshes every 10 seconds meanwhile",
};

// The overview's report is at most OVERVIEW_REPORT_MAX_AGE_MS (5 s) behind: asked again just after.
const CATCH_UP_MS = 5_500;
// setTimeout's longest delay (about 24.8 days); a later instant is waited for in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * One line in a programme page keeps it current with every change made anywhere
 * (useProgrammeStream). It shows nothing; its state is for assistive technology and tests.
 * `refreshAt` (epoch ms) re-renders the page at an instant that changes it with no event at
 * all: the overview's "this week" rolls over at Monday 00:00 in the programme's time zone.
 * `shownVersion`: the latest event the page's data includes, when it may lag the stream (the
 * overview's report, kept a few seconds under a stream of changes); while the stream has
 * announced a later event, the page asks again CATCH_UP_MS after the latest announcement or
 * render, until it shows that event.
 */
export function ProgrammeLive({ slug, refreshAt, shownVersion }: { slug: string; refreshAt?: number; shownVersion?: number }) {
  const [announced, setAnnounced] = useState(0);
  const status = useProgrammeStream(slug, { onChange: (change) => setAnnounced((a) => Math.max(a, change.id)) });
  const router = useRouter();
  useEffect(() => {
    if (shownVersion === undefined || announced <= shownVersion) return;
    const timer = setTimeout(() => router.refresh(), CATCH_UP_MS);
    return () => clearTimeout(timer);
  }, [announced, shownVersion, router]);
  useEffect(() => {
    if (refreshAt === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const wait = () => {
      const left = refreshAt - Date.now();
      // A second late, so the server's clock is surely past the boundary too.
      timer = left > MAX_DELAY_MS ? setTimeout(wait, MAX_DELAY_MS) : setTimeout(() => router.refresh(), Math.max(0, left) + 1_000);
    };
    wait();
    return () => clearTimeout(timer);
  }, [refreshAt, router]);
  return (
    <span className="sr-only" data-testid="live-status" data-live-status={status} data-shown-version={shownVersion}>
      {SAID[status]}
    </span>
  );
}
