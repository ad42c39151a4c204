/**
 * Seedable randomness for option order. Same seed → same order, so tests (and a learner who
 * reloads with ?seed=) see a deterministic layout. Pure; no Math.random here.
 */

/** Mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
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

/** FNV-1a hash of a string to an unsigned 32-bit seed (for "quiz id + attempt" style seeds). */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Fisher–Yates permutation of 0..n-1. */
export function permutation(n: number, rand: () => number): number[] {
  const p = Array.from({ length: Math.max(0, n) }, (_, i) => i);
  for (let i = p.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

/**
 * A permutation that is never the identity when n ≥ 2 (for ordering questions, where the
 * authored order is the answer: a shuffle must not hand it to the learner).
 */
export function mixedPermutation(n: number, rand: () => number): number[] {
  const p = permutation(n, rand);
  if (n >= 2 && p.every((v, i) => v === i)) p.push(p.shift()!);
  return p;
}

/** Reads a seed from a query string value ("?seed=42" or "?seed=abc"); undefined when absent/empty. */
export function parseSeed(value: string | null | undefined): number | undefined {
  if (value == null) return undefined;
  const v = value.trim();
  if (!v) return undefined;
  return /^\d+$/.test(v) ? Number(v) >>> 0 : hashSeed(v);
}
