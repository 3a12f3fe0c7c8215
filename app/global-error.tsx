"use client";

// Last resort when even the root layout fails: plain HTML, no stack trace.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2.5rem", maxWidth: "36rem" }}>
        <h1>Ferry is having trouble</h1>
        <p>Something went wrong on our side. Try again in a moment; if it keeps happening, tell whoever runs Ferry.</p>
        {error.digest ? <p>Reference: {error.digest}</p> : null}
      </body>
    </html>
  );
}
