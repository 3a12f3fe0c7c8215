"use client";

import { useSyncExternalStore } from "react";

// The meta tag never changes after load, so there is nothing to subscribe to.
const noSubscription = () => () => {};

// Shown when a page fails unexpectedly (an unreachable database, a bug): a friendly message
// and the request id to quote, never the error itself.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const requestId = useSyncExternalStore(
    noSubscription,
    () => document.querySelector('meta[name="x-request-id"]')?.getAttribute("content") ?? "",
    () => "",
  );
  return (
    <main id="main" className="mx-auto max-w-xl p-10">
      <h1 className="text-xl font-semibold">Ferry could not load this page</h1>
      <p className="mt-3 text-slate-700">
        Something went wrong on our side, for example the database is not reachable right now. Try again in a moment; if it keeps
        happening, tell whoever runs Ferry and quote the reference below.
      </p>
      <p className="mt-4 rounded bg-slate-100 p-3 font-mono text-sm">
        Reference: {requestId || "unknown"}
        {error.digest ? ` · ${error.digest}` : ""}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Try again
      </button>
    </main>
  );
}
