"use client";

import { Link } from "@/components/ui/link";
import { statusColour } from "@/components/slices/status-style";
import { ProgressBar } from "@/components/ui/progress-bar";
import { stageLabel, statusLabel } from "@/lib/slices/stages";
import type { BoardCard } from "@/lib/waves/board";
import { MoveButton } from "./move-menu";

/** One slice on the board: draggable, with the keyboard move menu and text for every signal. */
export function SliceCard({
  card,
  slug,
  menuId,
  isMenuOpen,
  onMenuOpenChange,
  canMove,
  isPending,
  onDragStart,
  onDragEnd,
}: {
  card: BoardCard;
  slug: string;
  /** The board's move menu, which this card's button opens. */
  menuId: string;
  isMenuOpen: boolean;
  onMenuOpenChange: (open: boolean, button: HTMLButtonElement) => void;
  canMove: boolean;
  isPending: boolean;
  onDragStart: () => void;
  onDragEnd: () => void;
}) {
  const isBlocked = card.waitsOn.length > 0;
  return (
    <li
      draggable={canMove}
      onDragStart={(event) => {
        event.dataTransfer.setData("text/plain", card.id);
        event.dataTransfer.effectAllowed = "move";
        onDragStart();
      }}
      onDragEnd={onDragEnd}
      aria-label={card.name}
      data-card-id={card.id}
      aria-busy={isPending || undefined}
      className={`rounded-md border bg-white p-3 text-sm shadow-sm ${isBlocked ? "border-l-4 border-l-rose-500 border-slate-200" : "border-slate-200"} ${canMove ? "cursor-grab" : ""} ${isPending ? "opacity-60" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <Link href={`/p/${slug}/slices/${card.id}`} className="font-medium text-slate-900 hover:underline">
          {card.name}
        </Link>
        {canMove ? <MoveButton sliceName={card.name} menuId={menuId} isOpen={isMenuOpen} onOpenChange={onMenuOpenChange} disabled={isPending} /> : null}
      </div>
      <p className="mt-1 text-xs text-slate-600">
        {card.team} · {card.services} service{card.services === 1 ? "" : "s"}
      </p>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${statusColour[card.status]}`} />
          {statusLabel[card.status]}
        </span>
        <span>Traffic {stageLabel(card.stage)}</span>
      </p>
      {/* Named on screen too: beside "Traffic 100%", a bare "95%" read as traffic. */}
      <div className="mt-2 flex items-center gap-2">
        <span aria-hidden="true" className="text-xs text-slate-600">
          Checklist
        </span>
        <div className="min-w-0 flex-1">
          <ProgressBar value={card.progress.resolved} max={card.progress.total} label={`${card.name}: checklist ${card.progress.resolved} of ${card.progress.total} resolved`} />
        </div>
      </div>
      {isBlocked ? (
        <p className="mt-2 rounded bg-rose-50 px-2 py-1 text-xs text-rose-800">
          <strong>Blocked:</strong> waits on {card.waitsOn.join(", ")}
        </p>
      ) : null}
      {card.breaks.length > 0 ? (
        <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950">
          <strong>Breaks the order:</strong> {card.breaks.join("; ")}
        </p>
      ) : null}
      {card.pinnedWave !== null ? (
        <p className="mt-2 text-xs text-amber-800">
          <strong>Pinned</strong> to wave {card.pinnedWave}
          {card.pinReason ? `: ${card.pinReason}` : ""}
        </p>
      ) : null}
    </li>
  );
}
