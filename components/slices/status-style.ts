import type { SliceStatus } from "@/lib/generated/prisma/enums";

/** Status colours for bars and badges; always shown beside the status's name. */
export const statusColour: Record<SliceStatus, string> = {
  planned: "bg-slate-300",
  preparing: "bg-amber-300",
  parallel_run: "bg-violet-400",
  shifting: "bg-sky-500",
  live: "bg-emerald-500",
  done: "bg-emerald-700",
  on_hold: "bg-orange-400",
  rolled_back: "bg-rose-500",
};
