/**
 * The explorer's layout: the planner's waves are the layers, left to right (wave 1 first,
 * shared infrastructure in the last waves on the right), unplanned services in a band of
 * their own below, each column ordered by barycenter sweeps to reduce crossings. Linear in
 * the edges per sweep plus a sort per column, so 5,000 services lay out in tens of
 * milliseconds where a general layered layout (ELK) takes seconds: the layering is already
 * known, so no cycle breaking, layer assignment or dummy nodes are needed (ADR 32).
 */
import { adjacency } from "@/lib/planning/graph";

export const NODE_WIDTH = 180;
export const NODE_HEIGHT = 32;
export const ROW_HEIGHT = 44;
export const COLUMN_GAP = 120;
export const SUB_COLUMN_GAP = 24;
export const BAND_GAP = 96;

export type LayoutInput = {
  count: number;
  /** Layer of each item (a wave number): equal layers share a column, lower ones sit further left. */
  layer: Int32Array;
  /** 0: the planned band; 1: the unplanned band, drawn below it. */
  band: Uint8Array;
  /** Edges by item index; direction does not matter to the order. */
  from: Int32Array;
  to: Int32Array;
  /** Initial order within a column (lower first); item index breaks ties. */
  rank?: Int32Array;
  /** Rows before a column wraps into another beside it (thousands of isolated services). */
  rowsPerColumn?: number;
  /** Barycenter passes, alternately left to right and right to left. */
  sweeps?: number;
};

export type LayoutColumn = { band: number; layer: number; x: number; y: number; width: number; height: number; count: number };

export type Layout = {
  x: Float64Array;
  y: Float64Array;
  /** Each item's place in its column after crossing reduction, top first. */
  order: Int32Array;
  /** Each item's column, an index into `columns`. */
  column: Int32Array;
  columns: LayoutColumn[];
  width: number;
  height: number;
};

/** Rows per column: enough for a wave of a large estate, few enough that 5,000 isolated services wrap. */
export const defaultRows = (count: number): number => Math.max(24, Math.ceil(2 * Math.sqrt(count)));

type Columns = { layers: number[]; layerIndex: Int32Array; members: number[][]; keyOf: Int32Array; bandOf: number[]; layerOf: number[] };

/** Items bucketed into columns, one per (band, layer), each in its initial order. */
function bucket(input: LayoutInput): Columns {
  const { count, layer, band } = input;
  const layers = [...new Set(layer)].sort((a, b) => a - b);
  const indexOfLayer = new Map(layers.map((l, i) => [l, i]));
  const layerIndex = new Int32Array(count);
  const keyOf = new Int32Array(count);
  const columnOf = new Map<number, number>();
  const members: number[][] = [];
  const bandOf: number[] = [];
  const layerOf: number[] = [];
  for (let v = 0; v < count; v++) {
    const li = indexOfLayer.get(layer[v])!;
    layerIndex[v] = li;
    const key = li * 2 + band[v];
    let c = columnOf.get(key);
    if (c === undefined) {
      c = members.length;
      columnOf.set(key, c);
      members.push([]);
      bandOf.push(band[v]);
      layerOf.push(li);
    }
    keyOf[v] = c;
    members[c].push(v);
  }
  const rank = input.rank;
  if (rank) for (const list of members) list.sort((a, b) => rank[a] - rank[b] || a - b);
  return { layers, layerIndex, members, keyOf, bandOf, layerOf };
}

/** Vertical place in [0, 1) of the item at index i of a column of `size` wrapping after `rows`. */
const place = (i: number, size: number, rows: number): number => ((i % rows) + 0.5) / Math.min(size, rows);

/** Barycenter passes: each column sorted by the mean place of its neighbours in the layers already swept. */
function reduceCrossings(input: LayoutInput, cols: Columns, rows: number): void {
  const n = input.count;
  const m = input.from.length;
  const from = new Int32Array(2 * m);
  const to = new Int32Array(2 * m);
  from.set(input.from);
  from.set(input.to, m);
  to.set(input.to);
  to.set(input.from, m);
  const { offsets, targets } = adjacency({ from, to }, n);
  const pos = new Float64Array(n);
  for (const list of cols.members) list.forEach((v, i) => (pos[v] = place(i, list.length, rows)));
  // Columns in layer order; both bands of a layer are swept together.
  const byLayer = cols.members.map((_, c) => c).sort((a, b) => cols.layerOf[a] - cols.layerOf[b] || cols.bandOf[a] - cols.bandOf[b]);
  const bary = new Float64Array(n);
  const sweeps = input.sweeps ?? 6;
  for (let s = 0; s < sweeps; s++) {
    const forward = s % 2 === 0;
    const sequence = forward ? byLayer : [...byLayer].reverse();
    for (const c of sequence) {
      const list = cols.members[c];
      if (list.length < 2) continue;
      const li = cols.layerOf[c];
      for (const v of list) {
        let sum = 0;
        let k = 0;
        for (let e = offsets[v]; e < offsets[v + 1]; e++) {
          const u = targets[e];
          const lu = cols.layerIndex[u];
          if (forward ? lu < li : lu > li) {
            sum += pos[u];
            k++;
          }
        }
        bary[v] = k > 0 ? sum / k : pos[v];
      }
      list.sort((a, b) => bary[a] - bary[b] || pos[a] - pos[b]);
      list.forEach((v, i) => (pos[v] = place(i, list.length, rows)));
    }
  }
}

/** Lays out items in wave columns; deterministic for the same input. */
export function layeredLayout(input: LayoutInput): Layout {
  const n = input.count;
  const rows = Math.max(1, input.rowsPerColumn ?? defaultRows(n));
  const cols = bucket(input);
  if (input.from.length > 0) reduceCrossings(input, cols, rows);
  // Each layer is as wide as its widest band's wrapped column.
  const subColumns = new Int32Array(cols.layers.length).fill(1);
  const bandRows = [0, 0];
  cols.members.forEach((list, c) => {
    subColumns[cols.layerOf[c]] = Math.max(subColumns[cols.layerOf[c]], Math.ceil(list.length / rows));
    bandRows[cols.bandOf[c]] = Math.max(bandRows[cols.bandOf[c]], Math.min(list.length, rows));
  });
  const layerX = new Float64Array(cols.layers.length);
  const layerWidth = new Float64Array(cols.layers.length);
  let x = 0;
  for (let li = 0; li < cols.layers.length; li++) {
    layerX[li] = x;
    layerWidth[li] = subColumns[li] * NODE_WIDTH + (subColumns[li] - 1) * SUB_COLUMN_GAP;
    x += layerWidth[li] + COLUMN_GAP;
  }
  const bandY = [0, bandRows[0] > 0 ? bandRows[0] * ROW_HEIGHT + BAND_GAP : 0];
  const out = { x: new Float64Array(n), y: new Float64Array(n), order: new Int32Array(n), column: new Int32Array(n) };
  const columns: LayoutColumn[] = cols.members.map((list, c) => {
    const li = cols.layerOf[c];
    const band = cols.bandOf[c];
    const used = Math.min(list.length, rows);
    const top = bandY[band] + ((bandRows[band] - used) * ROW_HEIGHT) / 2;
    list.forEach((v, i) => {
      out.x[v] = layerX[li] + Math.floor(i / rows) * (NODE_WIDTH + SUB_COLUMN_GAP);
      out.y[v] = top + (i % rows) * ROW_HEIGHT;
      out.order[v] = i;
      out.column[v] = c;
    });
    return { band, layer: cols.layers[li], x: layerX[li], y: top, width: layerWidth[li], height: used * ROW_HEIGHT - (ROW_HEIGHT - NODE_HEIGHT), count: list.length };
  });
  const width = Math.max(0, x - COLUMN_GAP);
  const height = bandRows[1] > 0 ? bandY[1] + bandRows[1] * ROW_HEIGHT : bandRows[0] * ROW_HEIGHT;
  return { ...out, columns, width, height: Math.max(0, height - (ROW_HEIGHT - NODE_HEIGHT)) };
}
