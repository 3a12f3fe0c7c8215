"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

/** How long typing pauses before a search applies. */
const TYPING_PAUSE_MS = 400;

/**
 * Put inside a GET filter form: a choice applies as soon as it is made (a select, a box, a date)
 * and a search once typing pauses, by going to the form's own URL without a full reload. The
 * form stays a plain GET form: without script its button applies it, and the URL is the state.
 */
export function AutoApply() {
  const marker = useRef<HTMLSpanElement>(null);
  const router = useRouter();
  useEffect(() => {
    const form = marker.current?.closest("form");
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const apply = () => {
      // Empty fields are "any": left out, as the pages read them.
      const query = new URLSearchParams();
      for (const [key, value] of new FormData(form)) if (typeof value === "string" && value !== "") query.append(key, value);
      query.delete("page");
      // The attribute, not `form.action`: a control named "action" (the audit log's filter)
      // shadows that property, and the page went to "/p/demo/[object HTMLSelectElement]".
      const action = new URL(form.getAttribute("action") || window.location.href, window.location.href);
      router.replace(`${action.pathname}${query.size ? `?${query}` : ""}`, { scroll: false });
    };
    const onChange = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type === "search" || target.type === "text") return; // applied by onInput, after a pause
      clearTimeout(timer);
      apply();
    };
    const onInput = (event: Event) => {
      const target = event.target as HTMLInputElement;
      if (target.type !== "search" && target.type !== "text") return;
      clearTimeout(timer);
      timer = setTimeout(apply, TYPING_PAUSE_MS);
    };
    form.addEventListener("change", onChange);
    form.addEventListener("input", onInput);
    // Says the form now applies by itself (tests wait for it: a choice made before hydration is not seen).
    form.dataset.autoApply = "on";
    return () => {
      delete form.dataset.autoApply;
      clearTimeout(timer);
      form.removeEventListener("change", onChange);
      form.removeEventListener("input", onInput);
    };
  }, [router]);
  return <span ref={marker} hidden />;
}
