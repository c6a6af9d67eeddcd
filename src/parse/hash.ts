// Integer hashing for features. Features are hashed from small integers
// (template id, word hashes, tag ids) rather than built as strings, so the
// parse loop allocates nothing. Murmur3-style mixing keeps collisions random.

/** FNV-1a over a string's UTF-16 code units, as a uint32. */
export function strHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Folds one 32-bit value into a running hash (murmur3 body step). */
export function comb(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche (murmur3 fmix32), as a uint32. */
export function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const h1 = (t: number, a: number): number => fin(comb(comb(0x2545f491, t), a));
export const h2 = (t: number, a: number, b: number): number => fin(comb(comb(comb(0x2545f491, t), a), b));
export const h3 = (t: number, a: number, b: number, c: number): number => fin(comb(comb(comb(comb(0x2545f491, t), a), b), c));
export const h4 = (t: number, a: number, b: number, c: number, d: number): number =>
  fin(comb(comb(comb(comb(comb(0x2545f491, t), a), b), c), d));

/** Seeded PRNG (mulberry32): training shuffles and exploration are reproducible from the seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
