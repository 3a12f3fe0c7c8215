import { describe, expect, it } from "vitest";
import { countCrossings } from "./crossings";
import { COLUMN_GAP, layeredLayout, NODE_WIDTH, ROW_HEIGHT, type LayoutInput } from "./layout";
import { seededRandom } from "@/lib/planning/random-graph";

const input = (layers: number[], pairs: [number, number][], more: Partial<LayoutInput> = {}): LayoutInput => ({
  count: layers.length,
  layer: Int32Array.from(layers),
  band: new Uint8Array(layers.length),
  from: Int32Array.from(pairs, (p) => p[0]),
  to: Int32Array.from(pairs, (p) => p[1]),
  ...more,
});

describe("layeredLayout: layering", () => {
  it("puts lower waves to the left, one column per wave, in wave order whatever the numbers", () => {
    const l = layeredLayout(input([3, 1, 7, 1], []));
    expect(l.x[1]).toBe(0);
    expect(l.x[3]).toBe(0);
    expect(l.x[0]).toBe(NODE_WIDTH + COLUMN_GAP);
    expect(l.x[2]).toBe(2 * (NODE_WIDTH + COLUMN_GAP));
    expect(l.columns.map((c) => c.layer)).toEqual([3, 1, 7]);
  });

  it("draws the unplanned band below the planned one, its columns aligned with the waves'", () => {
    const l = layeredLayout(input([1, 2, 2], [], { band: Uint8Array.from([0, 0, 1]) }));
    expect(l.x[2]).toBe(l.x[1]);
    expect(l.y[2]).toBeGreaterThan(l.y[0] + ROW_HEIGHT);
    expect(l.columns.find((c) => c.band === 1)).toMatchObject({ layer: 2, count: 1 });
  });

  it("wraps a tall column into sub-columns beside each other (thousands of isolated services)", () => {
    const l = layeredLayout(input(new Array(5000).fill(1), []));
    const xs = new Set(l.x);
    expect(xs.size).toBeGreaterThan(10);
    expect(l.height).toBeLessThan(200 * ROW_HEIGHT);
    expect(l.width).toBeGreaterThan(NODE_WIDTH * 10);
    // No two services share a place.
    expect(new Set([...l.x].map((x, i) => `${x},${l.y[i]}`)).size).toBe(5000);
  });

  it("lays out cycles, islands and an empty graph without error", () => {
    expect(layeredLayout(input([], [])).width).toBe(0);
    const cyc = layeredLayout(input([1, 1, 2, 5], [[0, 1], [1, 0], [2, 3], [3, 2], [0, 0]]));
    expect([...cyc.x].every(Number.isFinite)).toBe(true);
    expect([...cyc.y].every(Number.isFinite)).toBe(true);
  });

  it("is deterministic", () => {
    const a = layeredLayout(input([1, 1, 2, 2, 3], [[2, 1], [3, 0], [4, 2]]));
    const b = layeredLayout(input([1, 1, 2, 2, 3], [[2, 1], [3, 0], [4, 2]]));
    expect([...a.y]).toEqual([...b.y]);
  });
});

describe("layeredLayout: crossing reduction", () => {
  it("untangles a crossed pair", () => {
    // Column 1: a, b; column 2: c, d with c-b and d-a: crossed as given, straight after one pass.
    const pairs: [number, number][] = [[2, 1], [3, 0]];
    const noSweep = layeredLayout(input([1, 1, 2, 2], pairs, { sweeps: 0 }));
    const swept = layeredLayout(input([1, 1, 2, 2], pairs));
    const layer = Int32Array.from([0, 0, 1, 1]);
    const band = new Uint8Array(4);
    const edges = { from: Int32Array.from([2, 3]), to: Int32Array.from([1, 0]) };
    expect(countCrossings(edges, layer, band, noSweep.y)).toBe(1);
    expect(countCrossings(edges, layer, band, swept.y)).toBe(0);
  });

  it("recovers most of a tangled graph's order (a hidden order, then shuffled)", () => {
    // Each service has a hidden place; dependencies join services of neighbouring layers whose
    // places are close, so a drawing in hidden order has few crossings. Shuffled, it has many.
    const rnd = seededRandom(7);
    const layers = 6;
    const perLayer = 40;
    const n = layers * perLayer;
    const layer = Int32Array.from({ length: n }, (_, i) => Math.floor(i / perLayer));
    const hidden = Array.from({ length: n }, () => rnd());
    const pairs: [number, number][] = [];
    for (let a = 0; a < n - perLayer; a++) {
      const next = (Math.floor(a / perLayer) + 1) * perLayer;
      for (let b = next; b < next + perLayer; b++) if (Math.abs(hidden[a] - hidden[b]) < 0.08) pairs.push([a, b]);
    }
    const rank = Int32Array.from({ length: n }, () => Math.floor(rnd() * 1e6));
    const base = input([...layer], pairs, { rank, rowsPerColumn: perLayer });
    const edges = { from: base.from, to: base.to };
    const band = new Uint8Array(n);
    const before = countCrossings(edges, layer, band, layeredLayout({ ...base, sweeps: 0 }).y);
    const after = countCrossings(edges, layer, band, layeredLayout(base).y);
    expect(pairs.length).toBeGreaterThan(500);
    expect(after).toBeLessThan(before * 0.3);
  });
});

describe("countCrossings", () => {
  it("counts each pair of crossing segments once and ignores shared ends", () => {
    // Left: 0 (y 0), 1 (y 1); right: 2 (y 0), 3 (y 1). 0-3 and 1-2 cross; 0-2 shares an end with both.
    const y = Float64Array.from([0, 1, 0, 1]);
    const layer = Int32Array.from([0, 0, 1, 1]);
    const band = new Uint8Array(4);
    expect(countCrossings({ from: Int32Array.from([0, 1, 0]), to: Int32Array.from([3, 2, 2]) }, layer, band, y)).toBe(1);
    // Edges spanning two layers are not counted (they are not straight between neighbours).
    expect(countCrossings({ from: Int32Array.from([0]), to: Int32Array.from([3]) }, Int32Array.from([0, 0, 2, 2]), band, y)).toBe(0);
  });
});
