/**
 * The forecast's randomness: mulberry32 (a well-known 32-bit generator, public domain),
 * seeded by an FNV-1a hash of text. Small, fast, and the same on every machine, so a past
 * week's forecast re-issues exactly. Not for anything that needs unpredictability.
 */

/** FNV-1a, 32 bits: a stable seed from text. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A generator of floats in [0, 1) from a 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
