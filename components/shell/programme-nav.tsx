"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * The programme's sidebar. From 1024 px it is always there; below, it folds behind a menu
 * button (the WAI-ARIA disclosure pattern): the button says whether it is open (aria-expanded)
 * and what it opens (aria-controls), Escape closes it and gives focus back to the button, and
 * choosing a link closes it. It is not modal: it opens in the page's flow, under the bar, and Tab
 * goes from the button into it.
 */
export function ProgrammeNav({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <>
      <header className="sticky top-0 z-30 flex items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 lg:hidden">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((o) => !o)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50"
        >
          <span aria-hidden="true" className="text-base leading-none">
            {open ? "✕" : "☰"}
          </span>
          Menu
        </button>
      </header>
      <aside
        id={id}
        aria-label="Programme menu"
        onClick={(event) => {
          // A chosen section (or programme) replaces the page: the menu has done its job.
          if ((event.target as HTMLElement).closest("a[href]")) setOpen(false);
        }}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-5 border-b border-slate-200 bg-white p-4 lg:sticky lg:top-0 lg:flex lg:h-screen lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0`}
      >
        <div className="hidden lg:block">{brand}</div>
        {children}
      </aside>
    </>
  );
}
