"use client";

import * as Menu from "@radix-ui/react-menu";
import { useEffect, useRef, type ButtonHTMLAttributes, type ComponentProps, type ReactNode } from "react";

/*
 * Menu buttons (the WAI-ARIA menu button pattern) that share one menu, from Radix Menu: the
 * primitive Radix's DropdownMenu is built on. A board shows hundreds of "Move…" buttons, and
 * DropdownMenu's trigger costs about 0.1 ms each to render (55 ms for 500, on the server and
 * again when hydrating), so each button here is a plain button and one menu opens anchored to
 * whichever button asked (ADR 23). Radix keeps what matters: focus moves into the menu,
 * arrows, Home, End and type-ahead move through it, Escape or a click outside closes it.
 */

export const menuButtonClass = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 aria-expanded:bg-slate-100";

type MenuButtonProps = {
  /** Whether the shared menu is open for this button. */
  isOpen: boolean;
  /** The shared menu's id, named by aria-controls while it is open for this button. */
  menuId: string;
  /** Asks to open the menu at this button (or to close it). */
  onOpenChange: (open: boolean, button: HTMLButtonElement) => void;
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onKeyDown" | "onPointerDown" | "onClick" | "type">;

const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown"]);

/** A button that opens the shared menu: Enter, Space or ArrowDown opens it on its first item. */
export function MenuButton({ isOpen, menuId, onOpenChange, disabled, className = menuButtonClass, ...props }: MenuButtonProps) {
  return (
    <button
      type="button"
      aria-haspopup="menu"
      aria-expanded={isOpen}
      aria-controls={isOpen ? menuId : undefined}
      disabled={disabled}
      className={className}
      // As Radix's own trigger: a primary press toggles, and opening keeps focus off the
      // button so the menu can take it.
      onPointerDown={(event) => {
        if (disabled || event.button !== 0 || event.ctrlKey) return;
        event.currentTarget.dataset.openedWith = "pointer";
        onOpenChange(!isOpen, event.currentTarget);
        if (!isOpen) event.preventDefault();
      }}
      onKeyDown={(event) => {
        if (disabled || !OPENING_KEYS.has(event.key)) return;
        event.currentTarget.dataset.openedWith = "keyboard";
        onOpenChange(event.key === "ArrowDown" || !isOpen, event.currentTarget);
        event.preventDefault();
      }}
      // A click with no pointer or key before it comes from assistive technology.
      onClick={(event) => {
        if (disabled || event.detail !== 0) return;
        event.currentTarget.dataset.openedWith = "keyboard";
        onOpenChange(!isOpen, event.currentTarget);
      }}
      {...props}
    />
  );
}

type SharedMenuProps = {
  id: string;
  /** The button the menu is open at; null while closed. */
  anchor: HTMLElement | null;
  /** Names the open menu ("Move Shipping to"). */
  label: string;
  /** What the menu is open for (a card's id): a new one starts afresh, focus included. */
  contentKey: string;
  /** Closes the menu opened at `anchor` (not one a press on another button has just opened). */
  onClose: (anchor: HTMLElement | null) => void;
  children: ReactNode;
};

/**
 * The one menu its buttons share, open while `anchor` is set, in a portal so a scrolling
 * container (the board's columns) cannot clip it.
 */
export function SharedMenu({ id, anchor, label, contentKey, onClose, children }: SharedMenuProps) {
  const lastAnchor = useRef<HTMLElement | null>(null);
  const interactedOutside = useRef(false);
  // Remembered past closing, for giving focus back once the menu is gone.
  useEffect(() => {
    if (anchor) lastAnchor.current = anchor;
  }, [anchor]);
  return (
    <Menu.Root
      open={anchor !== null}
      onOpenChange={(open) => {
        // A press on another button opens the menu there before this press dismisses it here.
        if (!open) onClose(anchor);
      }}
      modal={false}
    >
      {anchor ? <Menu.Anchor virtualRef={{ current: anchor }} /> : null}
      <Menu.Portal>
        <Menu.Content
          key={contentKey}
          id={id}
          aria-label={label}
          align="end"
          sideOffset={4}
          collisionPadding={8}
          loop
          onEntryFocus={(event) => {
            // Opened from the keyboard (or by assistive technology), the menu starts on its
            // first item. Radix guesses that from document-wide listeners, and guessed wrong
            // twice: it forgets the keyboard at any pointer move (Chrome sends one when the
            // page scrolls under a resting mouse), and a key pressed while the board was still
            // hydrating reaches the button through React's replay, which its listeners never
            // see. The button that opened the menu says how it was opened.
            if (anchor?.dataset.openedWith !== "keyboard") return;
            event.preventDefault();
            (event.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[role="menuitem"]:not([data-disabled])')?.focus({ preventScroll: true });
          }}
          onKeyDown={(event) => {
            // Radix keeps Tab inside a menu; the menu button pattern closes it instead. The menu
            // sits in a portal at the end of the page, so focus goes back to its button, from
            // where the next Tab moves on.
            if (event.key !== "Tab") return;
            event.preventDefault();
            onClose(anchor);
          }}
          onInteractOutside={() => {
            interactedOutside.current = true;
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            const outside = interactedOutside.current;
            interactedOutside.current = false;
            // A click elsewhere put focus where the user wanted it; an item that opened a dialog
            // moved focus there (the dialog gives it back). Otherwise focus returns to the button.
            const active = document.activeElement;
            if (outside || (active && active !== document.body)) return;
            if (lastAnchor.current?.isConnected) lastAnchor.current.focus();
          }}
          className="z-30 max-h-[min(18rem,var(--radix-popper-available-height))] w-64 max-w-[calc(100vw-16px)] overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg"
        >
          {children}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

/** One choice; `onSelect` runs on click, Enter or Space, then the menu closes. */
export function MenuItem({ className = "", ...props }: ComponentProps<typeof Menu.Item>) {
  return (
    <Menu.Item
      className={`block w-full cursor-default px-3 py-1.5 text-left text-sm text-slate-800 outline-none select-none data-disabled:text-slate-400 data-highlighted:bg-brand-50 data-highlighted:text-slate-900 data-highlighted:ring-2 data-highlighted:ring-brand-600 data-highlighted:ring-inset ${className}`}
      {...props}
    />
  );
}
