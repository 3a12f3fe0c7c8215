"use client";

import { useRef, useState } from "react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

export type MenuWave = { number: number; label: string; breaksOrder: boolean };

/**
 * The keyboard alternative to drag and drop: a menu button listing the other waves, each
 * marked when moving there breaks the order. `onChoose` gets the menu's button, for a dialog
 * the choice opens to give focus back to.
 */
export function MoveMenu({ sliceName, waves: listWaves, onChoose, disabled }: { sliceName: string; waves: () => MenuWave[]; onChoose: (wave: number, button: HTMLElement | null) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Computed only while open: a board of 2,000 cards would otherwise check every wave for every card.
  const waves = open ? listWaves() : [];
  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger ref={buttonRef} disabled={disabled} aria-label={`Move ${sliceName} to another wave`}>
        Move…
      </DropdownMenuTrigger>
      <DropdownMenuContent label={`Move ${sliceName} to`}>
        {waves.map((wave) => (
          <DropdownMenuItem key={wave.number} onSelect={() => onChoose(wave.number, buttonRef.current)}>
            {wave.label}
            {wave.breaksOrder ? <span className="ml-1 text-xs font-medium text-rose-700">(breaks the order)</span> : null}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
