// Greedy left-to-right UPOS tagger: averaged perceptron over hashed word,
// affix, shape and tag-history features. wink-nlp's tags agree with UD on
// only ~0.9 of tokens, too few to parse on, hence a tagger trained on the
// same treebanks as the parser.
import { h1, h2, h3 } from "./hash.js";
import { Perceptron } from "./perceptron.js";

export const UPOS = ["ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"] as const;
export const UPOS_ID: Record<string, number> = Object.fromEntries(UPOS.map((t, i) => [t, i]));
/** Tag ids beyond the 17 UPOS for "no token" and the artificial root. */
export const TAG_NONE = 17, TAG_ROOT = 18, TAG_START = 19;

/** Normalised form: curly quotes and dashes folded so wink's and UD's spellings meet. */
export function normForm(w: string): string {
  return w.replace(/[‘’‛`]/g, "'").replace(/[“”„]/g, '"').replace(/[–—]/g, "--");
}

// Word shape: X/x/d runs collapsed, at most 6 ("McCain" → "XxXx", "1990s" → "dx"); see shapeHash.

/** Per-token hashes computed once per sentence and shared by tagger and parser. */
export interface Encoded {
  n: number;
  lower: Uint32Array;
  suf1: Uint32Array; suf2: Uint32Array; suf3: Uint32Array; suf4: Uint32Array;
  pre1: Uint32Array; pre2: Uint32Array; shape: Uint32Array;
}

const FOLD = /[‘’‛`“”„–—]/;

/** FNV-1a of s[from, to), equal to strHash(s.slice(from, to)) without making the slice. */
function rangeHash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** strHash(shape(w)) computed on the fly. */
function shapeHash(w: string): number {
  let h = 0x811c9dc5, last = -1, len = 0;
  for (let i = 0; i < w.length && len < 6; i++) {
    const c = w.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c > 127 ? (w[i].toLowerCase() !== w[i] ? 88 : w[i].toUpperCase() !== w[i] ? 120 : 111) : c;
    if (k !== last) { h ^= k; h = Math.imul(h, 0x01000193); last = k; len++; }
  }
  return h >>> 0;
}

function alloc(n: number): Encoded {
  return {
    n, lower: new Uint32Array(n), suf1: new Uint32Array(n), suf2: new Uint32Array(n), suf3: new Uint32Array(n), suf4: new Uint32Array(n),
    pre1: new Uint32Array(n), pre2: new Uint32Array(n), shape: new Uint32Array(n),
  };
}

/**
 * Hashes the words. With `into`, its arrays are reused when large enough (the
 * runtime path: typed-array allocation per sentence was a large share of the
 * cost, mostly in garbage collection); no substrings are made.
 */
export function encode(words: readonly string[], into?: Encoded): Encoded {
  const n = words.length;
  const e = into && into.lower.length >= n ? into : alloc(into ? Math.max(n, 2 * into.lower.length) : n);
  e.n = n;
  for (let i = 0; i < n; i++) {
    const w = FOLD.test(words[i]) ? normForm(words[i]) : words[i];
    const l = w.toLowerCase();
    const L = l.length;
    e.lower[i] = rangeHash(l, 0, L);
    e.suf1[i] = rangeHash(l, Math.max(0, L - 1), L);
    e.suf2[i] = rangeHash(l, Math.max(0, L - 2), L);
    e.suf3[i] = rangeHash(l, Math.max(0, L - 3), L);
    e.suf4[i] = rangeHash(l, Math.max(0, L - 4), L);
    e.pre1[i] = rangeHash(w, 0, Math.min(1, w.length));
    e.pre2[i] = rangeHash(l, 0, Math.min(2, L));
    e.shape[i] = shapeHash(w);
  }
  return e;
}

const NONE = 0x9e3779b9 >>> 0, START = 0x7f4a7c15;
export const TAGGER_FEATS = 33;

export class Tagger {
  readonly model: Perceptron;
  private feats = new Int32Array(TAGGER_FEATS);
  private scores = new Float32Array(UPOS.length);

  /**
   * Tag dictionary: word hash → bit set of the tags it takes (words seen ≥ 3
   * times). The sets of the next words give the greedy tagger a look ahead.
   */
  readonly dict: Map<number, number>;
  private amb = new Int32Array(256);

  constructor(model: Perceptron, dict: Map<number, number> = new Map()) { this.model = model; this.dict = dict; }

  static create(rowsLog2: number, training: boolean, dict?: Map<number, number>): Tagger { return new Tagger(new Perceptron(rowsLog2, UPOS.length, training), dict); }

  /** Builds the tag dictionary from tagged sentences: tags taking ≥ 5% of a word's ≥ 3 occurrences. */
  static buildDict(data: { enc: Encoded; tags: Int32Array }[]): Map<number, number> {
    const counts = new Map<number, Int32Array>();
    for (const d of data) for (let i = 0; i < d.enc.n; i++) {
      const w = d.enc.lower[i];
      let c = counts.get(w);
      if (!c) { c = new Int32Array(UPOS.length); counts.set(w, c); }
      c[d.tags[i]]++;
    }
    const dict = new Map<number, number>();
    for (const [w, c] of [...counts].sort((a, b) => a[0] - b[0])) {
      let tot = 0;
      for (const x of c) tot += x;
      if (tot < 3) continue;
      let mask = 0;
      c.forEach((x, t) => { if (x >= 0.05 * tot) mask |= 1 << t; });
      dict.set(w, mask);
    }
    return dict;
  }

  private lookups(e: Encoded): void {
    if (this.amb.length < e.n + 2) this.amb = new Int32Array(e.n * 2 + 2);
    for (let i = 0; i < e.n; i++) this.amb[i] = this.dict.get(e.lower[i]) ?? 0;
    this.amb[e.n] = -1; this.amb[e.n + 1] = -1;
  }

  private extract(e: Encoded, i: number, p1: number, p2: number): number {
    const f = this.feats, m = this.model;
    const L = e.lower, n = e.n;
    const wm1 = i > 0 ? L[i - 1] : START, wm2 = i > 1 ? L[i - 2] : START;
    const wp1 = i + 1 < n ? L[i + 1] : NONE, wp2 = i + 2 < n ? L[i + 2] : NONE;
    const w = L[i];
    let k = 0;
    f[k++] = m.off(h1(0, 1));
    f[k++] = m.off(h1(1, w));
    f[k++] = m.off(h1(2, e.suf1[i]));
    f[k++] = m.off(h1(3, e.suf2[i]));
    f[k++] = m.off(h1(4, e.suf3[i]));
    f[k++] = m.off(h1(5, e.suf4[i]));
    f[k++] = m.off(h1(6, e.pre1[i]));
    f[k++] = m.off(h1(7, e.shape[i]));
    f[k++] = m.off(h1(8, p1));
    f[k++] = m.off(h2(9, p1, p2));
    f[k++] = m.off(h2(10, p1, w));
    f[k++] = m.off(h1(11, wm1));
    f[k++] = m.off(h1(12, wm2));
    f[k++] = m.off(h1(13, wp1));
    f[k++] = m.off(h1(14, wp2));
    f[k++] = m.off(h1(15, i > 0 ? e.suf3[i - 1] : START));
    f[k++] = m.off(h1(16, i + 1 < n ? e.suf3[i + 1] : NONE));
    f[k++] = m.off(h2(17, wm1, w));
    f[k++] = m.off(h2(18, w, wp1));
    f[k++] = m.off(h2(19, i === 0 ? 1 : 0, e.shape[i]));
    f[k++] = m.off(h1(20, e.pre2[i]));
    f[k++] = m.off(h2(21, p1, e.suf3[i]));
    f[k++] = m.off(h3(22, p1, w, wp1));
    f[k++] = m.off(h1(23, i + 1 < n ? e.shape[i + 1] : NONE));
    f[k++] = m.off(h2(24, p2, w));
    f[k++] = m.off(h2(25, w, i + 1 < n ? e.suf3[i + 1] : NONE));
    f[k++] = m.off(h3(26, p1, p2, w));
    const am = this.amb, a0 = am[i], a1 = am[i + 1], a2 = am[i + 2];
    f[k++] = m.off(h1(27, a0));
    f[k++] = m.off(h1(28, a1));
    f[k++] = m.off(h2(29, a0, a1));
    f[k++] = m.off(h2(30, p1, a0));
    f[k++] = m.off(h3(31, a0, a1, a2));
    f[k++] = m.off(h2(32, w, a1));
    return k;
  }

  /** Tags a sentence; returns UPOS ids. */
  tag(e: Encoded, out = new Int32Array(e.n)): Int32Array {
    this.lookups(e);
    let p1 = TAG_START, p2 = TAG_START;
    const s = this.scores, nc = UPOS.length;
    for (let i = 0; i < e.n; i++) {
      const k = this.extract(e, i, p1, p2);
      this.model.score(this.feats, k, s);
      let best = 0;
      for (let c = 1; c < nc; c++) if (s[c] > s[best]) best = c;
      out[i] = best;
      p2 = p1; p1 = best;
    }
    return out;
  }

  /** One training pass over a sentence (greedy, own predictions as history). Returns errors. */
  train(e: Encoded, gold: Int32Array): number {
    this.lookups(e);
    let p1 = TAG_START, p2 = TAG_START, errs = 0;
    const s = this.scores, nc = UPOS.length, m = this.model;
    for (let i = 0; i < e.n; i++) {
      const k = this.extract(e, i, p1, p2);
      m.score(this.feats, k, s);
      let best = 0;
      for (let c = 1; c < nc; c++) if (s[c] > s[best]) best = c;
      if (best !== gold[i]) { m.update(this.feats, k, gold[i], best); errs++; }
      m.c++;
      p2 = p1; p1 = best;
    }
    return errs;
  }
}

