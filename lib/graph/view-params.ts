/**
 * Every parameter of the explorer's view lives in the URL, so a link reproduces the view.
 * Reading is forgiving: an unknown value is dropped with a notice rather than failing the
 * page (a shared link may be old or hand-edited). Values that name data (teams, waves,
 * services) are checked against the graph later, in view.ts; here only their spelling.
 */
import * as z from "zod";
import { DEPENDENCY_KINDS, SERVICE_KINDS, type DependencyKind } from "@/lib/inventory/model";
import { SLICE_STATUSES, STAGES } from "@/lib/slices/stages";
import { DIRECTIONS, type Direction } from "./focus";
import { GROUP_BYS, type GroupBy } from "./grouping";
import type { Filters } from "./filter";

export const COLOUR_BYS = ["wave", "status", "stage", "team"] as const;
export type ColourBy = (typeof COLOUR_BYS)[number];
export const HIGHLIGHTS = ["cycles", "critical", "blocked"] as const;
export type Highlight = (typeof HIGHLIGHTS)[number];
export const MAX_DEPTH = 6;

export type ViewParams = Filters & {
  /** "auto": grouped by wave when more services are shown than draw well one by one. */
  group: "auto" | "none" | GroupBy;
  /** "all": the fully expanded view, whatever the size; otherwise the groups opened. */
  expand: "all" | string[];
  colour: ColourBy;
  focus: string | null;
  depth: number;
  dir: Direction;
  select: string | null;
  highlight: Highlight[];
};

export const DEFAULT_VIEW: ViewParams = {
  group: "auto",
  expand: [],
  colour: "wave",
  team: [],
  wave: [],
  kind: [],
  status: [],
  stage: [],
  dep: [],
  focus: null,
  depth: 2,
  dir: "both",
  select: null,
  highlight: [...HIGHLIGHTS],
};

const GROUP_VALUES = ["auto", "none", ...GROUP_BYS] as const;
const depthSchema = z.coerce.number().int().min(1).max(MAX_DEPTH);
const NONE_OR = <T extends readonly string[]>(values: T) => [...values, "none"] as const;

type Reader = { get: (key: string) => string | null; getAll: (key: string) => string[] };

/** The view a URL asks for, and a notice for every value it had to ignore. */
export function readViewParams(search: Reader): { params: ViewParams; notices: string[] } {
  const notices: string[] = [];
  const one = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = search.get(key);
    if (raw === null || raw === "") return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    notices.push(`Ignored ${key}=${raw}: not one of ${allowed.join(", ")}.`);
    return fallback;
  };
  const many = <T extends string>(key: string, allowed: readonly T[] | null): T[] => {
    const values = [...new Set(search.getAll(key).filter((v) => v !== ""))];
    if (!allowed) return values as T[];
    const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
    if (bad.length) notices.push(`Ignored ${key}=${bad.join(", ")}: not one of ${allowed.join(", ")}.`);
    return values.filter((v) => (allowed as readonly string[]).includes(v)) as T[];
  };
  const expandValues = many("expand", null);
  const depthRaw = search.get("depth");
  const depth = depthRaw === null || depthRaw === "" ? DEFAULT_VIEW.depth : depthSchema.safeParse(depthRaw).data;
  if (depth === undefined) notices.push(`Ignored depth=${depthRaw}: a whole number from 1 to ${MAX_DEPTH}.`);
  const highlightRaw = search.getAll("hl");
  const highlight = highlightRaw.length === 0 ? [...HIGHLIGHTS] : highlightRaw.includes("none") ? [] : many("hl", HIGHLIGHTS);
  return {
    params: {
      group: one("group", GROUP_VALUES, "auto"),
      expand: expandValues.includes("all") ? "all" : expandValues,
      colour: one("colour", COLOUR_BYS, "wave"),
      team: many("team", null),
      wave: many("wave", null),
      kind: many("kind", SERVICE_KINDS),
      status: many("status", NONE_OR(SLICE_STATUSES)),
      stage: many("stage", NONE_OR(STAGES)),
      dep: many<DependencyKind>("dep", DEPENDENCY_KINDS),
      focus: search.get("focus") || null,
      depth: depth ?? DEFAULT_VIEW.depth,
      dir: one("dir", DIRECTIONS, "both"),
      select: search.get("select") || null,
      highlight,
    },
    notices,
  };
}

/** The URL query for a view: defaults left out, lists as repeated keys, in a fixed order. */
export function writeViewParams(params: ViewParams): URLSearchParams {
  const out = new URLSearchParams();
  if (params.group !== DEFAULT_VIEW.group) out.set("group", params.group);
  if (params.expand === "all") out.set("expand", "all");
  else for (const key of params.expand) out.append("expand", key);
  if (params.colour !== DEFAULT_VIEW.colour) out.set("colour", params.colour);
  for (const key of ["team", "wave", "kind", "status", "stage", "dep"] as const) for (const v of params[key]) out.append(key, v);
  if (params.focus) {
    out.set("focus", params.focus);
    if (params.depth !== DEFAULT_VIEW.depth) out.set("depth", String(params.depth));
    if (params.dir !== DEFAULT_VIEW.dir) out.set("dir", params.dir);
  }
  if (params.select) out.set("select", params.select);
  const all = HIGHLIGHTS.every((h) => params.highlight.includes(h));
  if (!all) {
    if (params.highlight.length === 0) out.set("hl", "none");
    else for (const h of HIGHLIGHTS) if (params.highlight.includes(h)) out.append("hl", h);
  }
  return out;
}
