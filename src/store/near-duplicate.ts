// Near-duplicate articles: the same wire story run by many outlets, each with
// its own header, footer and small edits. MinHash over word 5-gram shingles
// estimates how much two texts share; locality-sensitive banding finds the
// few stored articles worth comparing without looking at all of them.
// Written by hand: it is a few dozen lines, and the npm MinHash packages are
// unmaintained or pull in much more than this needs.

/** Hashes per signature, in BANDS bands of ROWS rows. */
export const HASHES = 128;
export const BANDS = 32;
export const ROWS = HASHES / BANDS;
/** Estimated Jaccard similarity from which two texts are one story. */
export const DEFAULT_SIMILARITY = 0.7;
/** Texts with fewer shingles than this are too short to judge (headlines, teasers). */
export const MIN_SHINGLES = 25;
const SHINGLE_WORDS = 5;

/** 32-bit FNV-1a of a string. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: a cheap, well-mixed 32-bit permutation. */
function mix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// One seed per hash function, fixed so signatures can be compared across runs.
const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x7f4a7c15));

/** The distinct word 5-grams of a text, hashed; letters and digits only, lower-cased. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(" ")));
  return out;
}

/** The MinHash signature of a text, or undefined when it is too short to judge. */
export function minhash(text: string): Uint32Array | undefined {
  const sh = shingles(text);
  if (sh.size < MIN_SHINGLES) return undefined;
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const x of sh) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(x ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** The share of hashes two signatures agree on: an estimate of the texts' Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** One hash per band; two texts sharing any band are compared (Jaccard 0.5 shares one 87% of the time, 0.7 nearly always). */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
    // signed 32-bit, so it fits any SQL INTEGER column
    keys.push(h | 0);
  }
  return keys;
}

export function toBlob(sig: Uint32Array): Buffer {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function fromBlob(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b);
  return new Uint32Array(copy.buffer, 0, HASHES);
}
