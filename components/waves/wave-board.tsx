"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { Link } from "@/components/ui/link";
import { moveSliceAction } from "@/lib/waves/actions";
import type { BoardCard, BoardColumn } from "@/lib/waves/board";
import { can } from "@/lib/auth/rules";
import { isOrderBreak } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { moveVerdict, orderBreakSentence } from "@/lib/waves/move-check";
import { ConfirmBreakDialog, type PendingBreak } from "./confirm-break-dialog";
import { MoveMenu, type MenuWave, type OpenMoveMenu } from "./move-menu";
import { SliceCard } from "./slice-card";
import { WaveColumnHeader } from "./wave-column-header";

type Props = {
  slug: string;
  /** The board with every card of every wave (the server sends the first few per wave). */
  showAllHref: string;
  columns: BoardColumn[];
  /** Slices in no wave yet: listed first, movable into a wave, never a drop target. */
  unplanned: BoardCard[];
  /** The actor's role and, for a lead, their teams: the board asks the permission table (rules.ts) itself. */
  role: Role;
  memberTeamIds: string[];
};

/**
 * The interactive board: waves as columns, slices as cards. A move by drag and drop or by the
 * keyboard menu is checked live; one that keeps the order is saved at once, one that breaks
 * it opens the confirmation (managers only) and becomes a pin. Results are announced.
 */
export function WaveBoard({ slug, showAllHref, columns, unplanned, role, memberTeamIds }: Props) {
  // The rules move-slice checks: a slice's own leads (and managers) move it while the order
  // holds; only a manager pins it against the order, and only a manager edits a wave.
  const canPin = can(role, "wave.edit").allowed;
  const canEditWaves = canPin;
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDraggingState] = useState<BoardCard | null>(null);
  // Drag events can fire before React re-renders with the new state: handlers read the ref.
  const draggingRef = useRef<BoardCard | null>(null);
  const setDragging = (card: BoardCard | null) => {
    draggingRef.current = card;
    setDraggingState(card);
  };
  const [over, setOver] = useState<number | null>(null);
  const [pending, setPending] = useState<(PendingBreak & { card: BoardCard }) | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [movingId, setMovingId] = useState<string | null>(null);
  const [isSaving, startTransition] = useTransition();
  // One move menu for the whole board, opened at the card's button (see components/ui/dropdown-menu).
  const [menu, setMenu] = useState<(OpenMoveMenu & { card: BoardCard }) | null>(null);
  const menuId = useId();
  // A keyboard move re-renders the card in its new column (a new element): focus follows it there.
  const [focusAfterMove, setFocusAfterMove] = useState<{ cardId: string; toWave: number } | null>(null);
  useEffect(() => {
    if (!focusAfterMove) return;
    // After the dialog's own focus return (Radix restores focus as it closes, a frame later).
    const frame = requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(focusAfterMove.cardId)}"]`);
      // Still in its old column: the board has not re-rendered with the move yet.
      if (card && card.closest(`#wave-${focusAfterMove.toWave}`) === null) return;
      // Past the cards a column shows, the card is not on the page: its new wave's title takes focus.
      const target = card ? (card.querySelector<HTMLElement>('button[aria-haspopup="menu"]') ?? card.querySelector<HTMLElement>("a") ?? card) : document.getElementById(`wave-${focusAfterMove.toWave}-title`);
      if (target && !card) target.tabIndex = -1;
      target?.focus();
      setFocusAfterMove(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [focusAfterMove, columns]);

  const canMove = (card: BoardCard) => can(role, "slice.edit", { memberTeamIds, ownerTeamIds: [card.teamId] }).allowed;
  const waveLabel = (c: BoardColumn) => `Wave ${c.number}${c.name ? ` · ${c.name}` : ""}`;
  const menuWaves = (card: BoardCard): MenuWave[] =>
    columns.filter((c) => c.number !== card.wave).map((c) => ({ number: c.number, label: waveLabel(c), breaksOrder: moveVerdict(card, c.number).breaksOrder, canPin }));
  const menuProps = (card: BoardCard) => ({
    menuId,
    isMenuOpen: menu?.cardId === card.id,
    onMenuOpenChange: (open: boolean, button: HTMLButtonElement) => setMenu(open ? { card, cardId: card.id, sliceName: card.name, button } : null),
  });

  const save = (card: BoardCard, toWave: number, returnFocusTo: HTMLElement | null, reason?: string) => {
    setMovingId(card.id);
    startTransition(async () => {
      const form = new FormData();
      form.set("sliceId", card.id);
      form.set("toWave", String(toWave));
      form.set("expectedVersion", String(card.version));
      if (reason) {
        form.set("confirmBreak", "true");
        form.set("reason", reason);
      }
      const result = await moveSliceAction(slug, null, form);
      setMovingId(null);
      if (result.ok) {
        setPending(null);
        // Moved from the menu (a keyboard or screen reader path): keep focus on the card.
        if (returnFocusTo) setFocusAfterMove({ cardId: card.id, toWave });
        setAnnouncement(`${card.name} moved to wave ${toWave}${result.data.isPinned ? " and pinned there" : ""}.`);
      } else if (reason) {
        setDialogError(result.fieldErrors.reason?.[0] ?? result.formError);
      } else if (result.code === "CONFLICT" && canPin && isOrderBreak(result.details)) {
        // The board was stale and the server found a break: ask, as for a live-detected one.
        setPending({ card, sliceName: card.name, toWave, message: orderBreakSentence(card.name, result.details), returnFocusTo });
      } else {
        setAnnouncement(`${card.name} was not moved: ${result.formError}`);
      }
    });
  };

  /** `returnFocusTo`: the move menu's button, focused again when a confirmation closes. */
  const requestMove = (card: BoardCard, toWave: number, returnFocusTo: HTMLElement | null = null) => {
    if (card.wave === toWave) return;
    const verdict = moveVerdict(card, toWave);
    if (!verdict.breaksOrder) return save(card, toWave, returnFocusTo);
    if (!canPin) return setAnnouncement(`${verdict.message} Only a programme manager can pin a slice against the order.`);
    setDialogError(null);
    setPending({ card, sliceName: card.name, toWave, message: verdict.message, returnFocusTo });
  };

  return (
    <div>
      <p role="status" aria-live="polite" className={announcement ? "mb-3 rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-800" : "sr-only"} data-testid="board-announcement">
        {announcement}
      </p>
      <p id={`${menuId}-board-hint`} className="mb-2 text-xs text-slate-600">
        {columns.length + (unplanned.length ? 1 : 0)} columns side by side: scroll the board sideways, or focus it and use the arrow keys.
      </p>
      {/* The board scrolls on its own, so the page never does; a keyboard user focuses it to scroll. */}
      <div
        role="region"
        aria-label={`Wave board: ${columns.length} wave${columns.length === 1 ? "" : "s"}`}
        aria-describedby={`${menuId}-board-hint`}
        tabIndex={0}
        className="relative flex scroll-px-4 gap-4 overflow-x-auto overscroll-x-contain rounded-lg pb-4 [scrollbar-color:var(--color-slate-400)_transparent]"
      >
        {unplanned.length > 0 ? (
          <section aria-labelledby="wave-none-title" className="flex w-64 shrink-0 flex-col gap-3 rounded-lg border border-dashed border-slate-300 bg-white p-3">
            <h2 id="wave-none-title" className="font-semibold text-slate-900">
              Not in a wave ({unplanned.length})
            </h2>
            <ul className="space-y-2" aria-label="Slices in no wave">
              {unplanned.map((card) => (
                <SliceCard key={card.id} card={card} slug={slug} {...menuProps(card)} canMove={canMove(card)} isPending={movingId === card.id} onDragStart={() => setDragging(card)} onDragEnd={() => setDragging(null)} />
              ))}
            </ul>
          </section>
        ) : null}
        {columns.map((column) => {
          const verdict = dragging && dragging.wave !== column.number ? moveVerdict(dragging, column.number) : null;
          const cards = column.cards;
          return (
            <section
              key={column.number}
              id={`wave-${column.number}`}
              aria-labelledby={`wave-${column.number}-title`}
              onDragOver={(event) => {
                const card = draggingRef.current;
                if (!card || card.wave === column.number) return;
                event.preventDefault();
                event.dataTransfer.dropEffect = "move";
                setOver(column.number);
              }}
              onDragLeave={() => setOver((o) => (o === column.number ? null : o))}
              onDrop={(event) => {
                event.preventDefault();
                setOver(null);
                if (draggingRef.current) requestMove(draggingRef.current, column.number);
                setDragging(null);
              }}
              className={`flex w-64 shrink-0 flex-col gap-3 rounded-lg border bg-slate-50 p-3 ${over === column.number ? (verdict?.breaksOrder ? "border-rose-500 border-dashed" : "border-brand-500 border-dashed") : "border-slate-200"}`}
            >
              <WaveColumnHeader column={column} slug={slug} canEdit={canEditWaves} />
              {verdict && over === column.number ? (
                <p className={`text-xs font-medium ${verdict.breaksOrder ? "text-rose-800" : "text-emerald-800"}`}>{verdict.breaksOrder ? "Drop here breaks the order: you will be asked to confirm a pin." : "Drop here: keeps the order."}</p>
              ) : null}
              <ul className="space-y-2" aria-label={`Slices in wave ${column.number}`}>
                {cards.map((card) => (
                  <SliceCard
                    key={card.id}
                    card={card}
                    slug={slug}
                    {...menuProps(card)}
                    canMove={canMove(card)}
                    isPending={movingId === card.id}
                    onDragStart={() => setDragging(card)}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                  />
                ))}
              </ul>
              {column.matching > cards.length ? (
                <Link href={`${showAllHref}#wave-${column.number}`} className="text-sm font-medium text-brand-700 underline">
                  Show all {column.matching} slices
                </Link>
              ) : null}
              {column.matching === 0 ? <p className="text-xs text-slate-500">{column.total === 0 ? "No slices in this wave." : "No slices match the filters."}</p> : null}
            </section>
          );
        })}
      </div>
      <MoveMenu
        id={menuId}
        open={menu}
        waves={() => (menu ? menuWaves(menu.card) : [])}
        onChoose={(wave, button) => menu && requestMove(menu.card, wave, button)}
        onClose={(button) => setMenu((m) => (m && m.button === button ? null : m))}
      />
      <ConfirmBreakDialog
        key={pending ? `${pending.card.id}:${pending.toWave}` : "none"}
        pending={pending}
        error={dialogError}
        isSaving={isSaving}
        onCancel={() => {
          if (pending) setAnnouncement(`${pending.card.name} stays in wave ${pending.card.wave}.`);
          setPending(null);
        }}
        onConfirm={(reason) => pending && save(pending.card, pending.toWave, pending.returnFocusTo, reason)}
      />
    </div>
  );
}
