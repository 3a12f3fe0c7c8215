/**
 * Colours and their second channel. Colour is never the only signal: every category also has
 * a short badge drawn on the node and in the legend ("W2", "live", "10%", a team's initials),
 * so the view reads in greyscale, printed or to someone who does not tell the hues apart.
 */
import { statusLabel, stageLabel, type Stage } from "@/lib/slices/stages";
import type { SliceStatus } from "@/lib/planning/types";
import type { ColourBy } from "./view-params";

/** Twelve hues distinct on white (Tableau-like), for waves and teams; they repeat with the badge telling apart. */
const QUALITATIVE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#2f4b7c", "#a05195", "#665191"];
export const NONE_COLOUR = "#9ca3af";

const STATUS_COLOURS: Record<SliceStatus, string> = {
  planned: "#94a3b8",
  preparing: "#60a5fa",
  parallel_run: "#a78bfa",
  shifting: "#f59e0b",
  live: "#10b981",
  done: "#047857",
  on_hold: "#78716c",
  rolled_back: "#dc2626",
};
const STATUS_BADGES: Record<SliceStatus, string> = { planned: "PLN", preparing: "PREP", parallel_run: "PAR", shifting: "SHIFT", live: "LIVE", done: "DONE", on_hold: "HOLD", rolled_back: "RBK" };
const STAGE_COLOURS: Record<Stage, string> = { "0": "#cbd5e1", mirror: "#93c5fd", "1": "#60a5fa", "10": "#3b82f6", "50": "#1d4ed8", "100": "#10b981" };

export type Category = { key: string; label: string; badge: string; colour: string };

/** Two letters for a team: its initials, or its first two letters. */
const initials = (name: string): string => {
  const words = name.split(/[\s&-]+/).filter(Boolean);
  return (words.length > 1 ? words[0][0] + words[1][0] : name.slice(0, 2)).toUpperCase();
};

type Colourable = { wave: number | null; status: SliceStatus | null; stage: Stage | null; team: string | null };

/** The category key a service falls in for a colouring. */
export function categoryKey(node: Colourable, by: ColourBy): string {
  const value = by === "wave" ? node.wave : by === "status" ? node.status : by === "stage" ? node.stage : node.team;
  return value === null ? "none" : String(value);
}

/**
 * The categories of a colouring, in reading order, for the keys present. Teams get hues by
 * their place in name order, so a team keeps its colour while filters change.
 */
export function categories(by: ColourBy, keys: Iterable<string>, allTeams: readonly string[] = []): Category[] {
  const present = [...new Set(keys)];
  const none = present.includes("none");
  const values = present.filter((k) => k !== "none");
  const out: Category[] = [];
  if (by === "wave") {
    for (const k of values.sort((a, b) => Number(a) - Number(b))) out.push({ key: k, label: `Wave ${k}`, badge: `W${k}`, colour: QUALITATIVE[(Number(k) - 1) % QUALITATIVE.length] });
    if (none) out.push({ key: "none", label: "No wave", badge: "W–", colour: NONE_COLOUR });
  } else if (by === "status") {
    for (const s of Object.keys(STATUS_COLOURS) as SliceStatus[]) if (values.includes(s)) out.push({ key: s, label: statusLabel[s], badge: STATUS_BADGES[s], colour: STATUS_COLOURS[s] });
    if (none) out.push({ key: "none", label: "Not in a slice", badge: "—", colour: NONE_COLOUR });
  } else if (by === "stage") {
    for (const s of Object.keys(STAGE_COLOURS) as Stage[]) if (values.includes(s)) out.push({ key: s, label: `Traffic ${stageLabel(s)}`, badge: stageLabel(s), colour: STAGE_COLOURS[s] });
    if (none) out.push({ key: "none", label: "Not in a slice", badge: "—", colour: NONE_COLOUR });
  } else {
    const order = new Map(allTeams.map((t, i) => [t, i]));
    for (const t of values.sort()) out.push({ key: t, label: t, badge: initials(t), colour: QUALITATIVE[(order.get(t) ?? 0) % QUALITATIVE.length] });
    if (none) out.push({ key: "none", label: "No team", badge: "—", colour: NONE_COLOUR });
  }
  return out;
}

/** How each kind of dependency is drawn: dash pattern for SVG and React Flow, colour for WebGL. */
export const EDGE_STYLES = {
  sync: { label: "Sync call", dash: "", colour: "#64748b" },
  async: { label: "Async message", dash: "6 4", colour: "#0ea5e9" },
  data: { label: "Data use", dash: "2 3", colour: "#a16207" },
  mixed: { label: "Bundle of several kinds", dash: "", colour: "#475569" },
} as const;
export const BLOCKED_COLOUR = "#dc2626";
export const CYCLE_COLOUR = "#7c3aed";
export const CRITICAL_COLOUR = "#0f172a";

type StyledEdge = { kind: keyof typeof EDGE_STYLES; count: number; blocked: number; isCycle: boolean; isCritical: boolean };

/**
 * How one drawn edge looks, the same in React Flow, sigma and the SVG export. A bundle is drawn
 * blocked only when every dependency in it is (otherwise nearly every bundle of a large estate
 * would be red); its label says how many of its dependencies are blocked.
 */
export function edgeLook(edge: StyledEdge, highlight: readonly string[]): { colour: string; width: number; dash: string; label: string | null; blocked: boolean } {
  const style = EDGE_STYLES[edge.kind];
  const blocked = highlight.includes("blocked") && edge.blocked > 0 && edge.blocked === edge.count;
  const critical = highlight.includes("critical") && edge.isCritical;
  const colour = blocked ? BLOCKED_COLOUR : highlight.includes("cycles") && edge.isCycle ? CYCLE_COLOUR : critical ? CRITICAL_COLOUR : style.colour;
  const width = Math.min(6, 1 + Math.log2(edge.count)) + (blocked ? 1 : 0) + (critical ? 2 : 0);
  const label = edge.count > 1 ? `${edge.count}${edge.blocked > 0 && highlight.includes("blocked") ? ` · ${edge.blocked} blocked` : ""}` : null;
  return { colour, width, dash: style.dash, label, blocked };
}
