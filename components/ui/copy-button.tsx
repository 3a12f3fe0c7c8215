"use client";

import { useState } from "react";
import { secondaryButtonClass } from "./field";

/**
 * Copies a secret shown once (a new token, a sign-in link) to the clipboard and says so in a
 * live region. Where the clipboard is refused (an insecure origin, a denied permission) it says
 * that too, and the text stays on the page to copy by hand.
 */
export function CopyButton({ text, label, className = secondaryButtonClass }: { text: string; label: string; className?: string }) {
  const [said, setSaid] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid("Copied.");
    } catch {
      setSaid("Copying was refused by the browser: select the text and copy it.");
    }
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" className={className} onClick={copy}>
        {label}
      </button>
      <span role="status" className="text-xs text-slate-700">
        {said}
      </span>
    </span>
  );
}
