"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

export type MenuWave = { number: number; label: string; breaksOrder: boolean };

/**
 * The keyboard alternative to drag and drop: a menu button listing the other waves, each
 * marked when moving there breaks the order. Arrow keys, Home and End move through it;
 * Escape closes it and returns focus to the button.
 */
export function MoveMenu({ sliceName, waves: listWaves, onChoose, disabled }: { sliceName: string; waves: () => MenuWave[]; onChoose: (wave: number) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemsRef = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();
  // Computed only while open: a board of 2,000 cards would otherwise check every wave for every card.
  const waves = open ? listWaves() : [];

  useEffect(() => {
    if (open) itemsRef.current[0]?.focus();
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const items = itemsRef.current.filter((item): item is HTMLButtonElement => item !== null);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === "ArrowDown") focus(index + 1);
    else if (event.key === "ArrowUp") focus(index - 1);
    else if (event.key === "Home") focus(0);
    else if (event.key === "End") focus(items.length - 1);
    else if (event.key === "Escape") close();
    else if (event.key === "Tab") close(false);
    else return;
    event.preventDefault();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        disabled={disabled}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Move ${sliceName} to another wave`}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
      >
        Move…
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={`Move ${sliceName} to`}
          onKeyDown={onKeyDown}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null) && event.relatedTarget !== buttonRef.current) setOpen(false);
          }}
          className="absolute right-0 z-20 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {waves.map((wave, i) => (
            <button
              key={wave.number}
              ref={(el) => {
                itemsRef.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => {
                close();
                onChoose(wave.number);
              }}
              className="block w-full px-3 py-1.5 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-brand-50 focus:outline-none"
            >
              {wave.label}
              {wave.breaksOrder ? <span className="ml-1 text-xs font-medium text-rose-700">(breaks the order)</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
