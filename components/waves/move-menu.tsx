"use client";

import { MenuButton, MenuItem, SharedMenu } from "@/components/ui/dropdown-menu";

/** A wave to move to; one that breaks the order is a pin, which only a manager may make (`canPin`). */
export type MenuWave = { number: number; label: string; breaksOrder: boolean; canPin: boolean };

/** Which card's move menu is open, at which button. */
export type OpenMoveMenu = { cardId: string; sliceName: string; button: HTMLElement };

/** A card's "Move…" button: the keyboard alternative to drag and drop. */
export function MoveButton({ sliceName, menuId, isOpen, disabled, onOpenChange }: { sliceName: string; menuId: string; isOpen: boolean; disabled?: boolean; onOpenChange: (open: boolean, button: HTMLButtonElement) => void }) {
  return (
    <MenuButton menuId={menuId} isOpen={isOpen} disabled={disabled} onOpenChange={onOpenChange} aria-label={`Move ${sliceName} to another wave`}>
      Move…
    </MenuButton>
  );
}

/**
 * The board's one move menu, at the button that opened it: the other waves, each marked when
 * moving there breaks the order. `onChoose` gets the button, for a dialog the choice opens to
 * give focus back to.
 */
export function MoveMenu({ id, open, waves, onChoose, onClose }: { id: string; open: OpenMoveMenu | null; waves: () => MenuWave[]; onChoose: (wave: number, button: HTMLElement) => void; onClose: (button: HTMLElement | null) => void }) {
  return (
    <SharedMenu id={id} anchor={open?.button ?? null} contentKey={open?.cardId ?? ""} label={open ? `Move ${open.sliceName} to` : ""} onClose={onClose}>
      {open
        ? waves().map((wave) => (
            <MenuItem key={wave.number} disabled={wave.breaksOrder && !wave.canPin} onSelect={() => onChoose(wave.number, open.button)}>
              {wave.label}
              {wave.breaksOrder ? <span className="ml-1 text-xs font-medium text-rose-700">{wave.canPin ? "(breaks the order)" : "(breaks the order: only a manager can pin it there)"}</span> : null}
            </MenuItem>
          ))
        : null}
    </SharedMenu>
  );
}
