/**
 * Edge crossings between neighbouring columns of a layout: the figure crossing reduction
 * lowers, for the tests and the layout benchmark. Counted as inversions (merge sort), so a
 * 15,000-edge estate is counted in milliseconds.
 */

/** Strict inversions of `values` (pairs i < j with values[i] > values[j]); sorts a copy. */
function inversions(values: number[]): number {
  if (values.length < 2) return 0;
  const a = values.slice();
  const tmp = new Array<number>(a.length);
  let count = 0;
  for (let width = 1; width < a.length; width *= 2) {
    for (let lo = 0; lo < a.length; lo += 2 * width) {
      const mid = Math.min(lo + width, a.length);
      const hi = Math.min(lo + 2 * width, a.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        if (a[i] <= a[j]) tmp[k++] = a[i++];
        else {
          count += mid - i;
          tmp[k++] = a[j++];
        }
      }
      while (i < mid) tmp[k++] = a[i++];
      while (j < hi) tmp[k++] = a[j++];
      for (let t = lo; t < hi; t++) a[t] = tmp[t];
    }
  }
  return count;
}

/**
 * Crossings among edges joining adjacent layers of one band (the ones a layered drawing
 * shows as straight segments between two columns). `layer` is each item's layer index.
 */
export function countCrossings(edges: { from: Int32Array; to: Int32Array }, layer: Int32Array, band: Uint8Array, y: Float64Array): number {
  const groups = new Map<string, [number, number][]>();
  for (let e = 0; e < edges.from.length; e++) {
    let a = edges.from[e];
    let b = edges.to[e];
    if (band[a] !== band[b] || Math.abs(layer[a] - layer[b]) !== 1) continue;
    if (layer[a] > layer[b]) [a, b] = [b, a];
    const key = `${band[a]}:${layer[a]}`;
    const list = groups.get(key) ?? [];
    list.push([y[a], y[b]]);
    groups.set(key, list);
  }
  let total = 0;
  for (const list of groups.values()) {
    // Edges sharing a left end never cross each other: sort their right ends ascending too.
    list.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    total += inversions(list.map((p) => p[1]));
  }
  return total;
}
