"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ReactNode } from "react";

/**
 * A menu button (WAI-ARIA menu pattern, from Radix): Enter, Space or ArrowDown opens it on the
 * first item, arrows, Home, End and type-ahead move through it, Escape closes it and returns
 * focus to the button. Not modal: the page stays readable and scrollable behind it.
 */
export function DropdownMenu({ open, onOpenChange, children }: { open?: boolean; onOpenChange?: (open: boolean) => void; children: ReactNode }) {
  return (
    <Menu.Root open={open} onOpenChange={onOpenChange} modal={false}>
      {children}
    </Menu.Root>
  );
}

export const dropdownTriggerClass = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50 data-[state=open]:bg-slate-100";

/** The button that opens the menu; give it an aria-label when its text alone is ambiguous. */
export function DropdownMenuTrigger({ className = dropdownTriggerClass, ...props }: ComponentProps<typeof Menu.Trigger>) {
  return <Menu.Trigger className={className} {...props} />;
}

/**
 * The menu itself, in a portal so a scrolling container (the board's columns) cannot clip it.
 * `label` names the menu on its own ("Move Shipping to"), instead of repeating the button's name.
 */
export function DropdownMenuContent({ label, children, className = "", ...props }: { label: string } & Omit<ComponentProps<typeof Menu.Content>, "aria-label">) {
  return (
    <Menu.Portal>
      <Menu.Content
        aria-label={label}
        aria-labelledby={undefined}
        align="end"
        sideOffset={4}
        collisionPadding={8}
        onCloseAutoFocus={(event) => {
          // An item that opened a dialog has moved focus there: leave it, the dialog returns it.
          const active = document.activeElement;
          if (active && active !== document.body) event.preventDefault();
        }}
        className={`z-30 max-h-[min(18rem,var(--radix-dropdown-menu-content-available-height))] w-64 max-w-[calc(100vw-16px)] overflow-auto rounded-md border border-slate-200 bg-white py-1 shadow-lg ${className}`}
        {...props}
      >
        {children}
      </Menu.Content>
    </Menu.Portal>
  );
}

/** One choice; `onSelect` runs on click, Enter or Space, then the menu closes. */
export function DropdownMenuItem({ className = "", ...props }: ComponentProps<typeof Menu.Item>) {
  return (
    <Menu.Item
      className={`block w-full cursor-default px-3 py-1.5 text-left text-sm text-slate-800 outline-none select-none data-disabled:text-slate-400 data-highlighted:bg-brand-50 data-highlighted:text-slate-900 data-highlighted:ring-2 data-highlighted:ring-inset data-highlighted:ring-brand-600 ${className}`}
      {...props}
    />
  );
}
