/**
 * A lead's "My work": across the slices of their teams, what each one needs next (its next
 * gate and the open items holding it) and which slices wait on another team. Pure: the page's
 * query loads the slices and the programme's blocking (lib/planning/blocking), this shapes them.
 */
import { gateSummary, type GateItem, type GateSummary } from "@/lib/checklists/gates";
import type { BlockedSlice, SliceRef } from "@/lib/planning/blocking";
import type { SliceStatus } from "@/lib/generated/prisma/enums";
import type { Stage } from "./stages";

export type MyWorkSliceInput = {
  id: string;
  name: string;
  status: SliceStatus;
  stage: Stage;
  team: { id: string; name: string };
  wave: { number: number; name: string | null } | null;
  items: readonly GateItem[];
};

export type MyWorkSlice = Omit<MyWorkSliceInput, "items"> & {
  gate: GateSummary;
  /** Every open item of the slice, gating or not. */
  openItems: number;
  /** The slices of other teams this one waits on (not live yet, planned earlier). */
  waitsOnOthers: SliceRef[];
  /** The slices of the lead's own teams it waits on: theirs to move first. */
  waitsOnOwn: SliceRef[];
};

export type MyWork = {
  /** Every slice of the teams that is not done yet, waves in order, then by name. */
  slices: MyWorkSlice[];
  /** The subset waiting on another team, for the "blocked on other teams" list. */
  blockedOnOthers: MyWorkSlice[];
  totals: { slices: number; openItems: number; readyForNextStage: number; blockedOnOthers: number };
};

const byWaveThenName = (a: MyWorkSliceInput, b: MyWorkSliceInput) =>
  (a.wave?.number ?? Number.MAX_SAFE_INTEGER) - (b.wave?.number ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** My work for the slices of `teamNames` (the lead's teams), given the programme's blocked slices. */
export function buildMyWork(slices: readonly MyWorkSliceInput[], blocked: readonly BlockedSlice[], teamNames: readonly string[]): MyWork {
  const mine = new Set(teamNames);
  const waits = new Map(blocked.map((b) => [b.id, b.waitsOn]));
  const shaped = slices
    .filter((s) => s.status !== "done" && mine.has(s.team.name))
    .sort(byWaveThenName)
    .map(({ items, ...s }): MyWorkSlice => {
      const waitsOn = waits.get(s.id) ?? [];
      return {
        ...s,
        gate: gateSummary(items, s.stage),
        openItems: items.filter((i) => i.state === "open").length,
        waitsOnOthers: waitsOn.filter((w) => w.team === null || !mine.has(w.team)),
        waitsOnOwn: waitsOn.filter((w) => w.team !== null && mine.has(w.team)),
      };
    });
  const blockedOnOthers = shaped.filter((s) => s.waitsOnOthers.length > 0);
  return {
    slices: shaped,
    blockedOnOthers,
    totals: {
      slices: shaped.length,
      openItems: shaped.reduce((n, s) => n + s.openItems, 0),
      // A slice at 100% has no next stage: its next step is done, which the retirement items decide.
      readyForNextStage: shaped.filter((s) => s.gate.nextStage !== null && s.gate.openItems.length === 0).length,
      blockedOnOthers: blockedOnOthers.length,
    },
  };
}
