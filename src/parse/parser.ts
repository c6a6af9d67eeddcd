// Greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) with the dynamic
// oracle of Goldberg & Nivre (2013) for training, and two averaged perceptrons:
// one picks the transition (SHIFT / LEFT / RIGHT), the other labels each arc
// as it is made. Labelling apart keeps the transition model at 3 classes, so
// scoring stays cheap; and since arc-hybrid only attaches a word once all its
// own dependents are attached, the labeller sees the dependent's whole
// subtree (its case marker, whether it has a subject, …).
import { h1, h2, h3, h4 } from "./hash.js";
import { Perceptron } from "./perceptron.js";
import { TAG_NONE, TAG_ROOT, UPOS_ID } from "./tagger.js";

const TAG_PUNCT = UPOS_ID.PUNCT;

const SHIFT = 0, LEFT = 1, RIGHT = 2;
const W_NONE = 0x1234567, W_ROOT = 0x7654321;
const L_NONE = 0xffff;
export const PARSER_FEATS = 101;
export const LABEL_FEATS = 40;

/** Keys of the label-candidate table: direction × dependent tag × head tag (tag ids < 32). */
const CAND_KEYS = 2 * 32 * 32;
function candKey(d: number, h: number, dt: number, ht: number): number { return ((d < h ? 0 : 1) * 32 + dt) * 32 + ht; }

/** Distance buckets: 1, 2, 3, 4, 5–6, 7–9, 10+. */
function bucket(d: number): number { return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7; }

/** Mutable parse state, sized for the longest sentence seen so far (reused across sentences). */
class State {
  n = 0; sp = 0; b = 1;
  cap = 0;
  stack!: Int32Array; head!: Int32Array; lab!: Int32Array;
  lc1!: Int32Array; lc2!: Int32Array; rc1!: Int32Array; rc2!: Int32Array;
  nl!: Int32Array; nr!: Int32Array; lsA!: Int32Array; lsB!: Int32Array; rsA!: Int32Array; rsB!: Int32Array;
  inStack!: Uint8Array;
  words!: Uint32Array; tags!: Int32Array;
  /** Punctuation tokens among words 1..i: commas and dashes between two words weigh on attachment. */
  pc!: Int32Array;

  reset(n: number): void {
    if (n + 2 > this.cap) {
      const c = Math.max(64, n + 2) * 2;
      this.cap = c;
      this.stack = new Int32Array(c); this.head = new Int32Array(c); this.lab = new Int32Array(c);
      this.lc1 = new Int32Array(c); this.lc2 = new Int32Array(c); this.rc1 = new Int32Array(c); this.rc2 = new Int32Array(c);
      this.nl = new Int32Array(c); this.nr = new Int32Array(c);
      this.lsA = new Int32Array(c); this.lsB = new Int32Array(c); this.rsA = new Int32Array(c); this.rsB = new Int32Array(c);
      this.inStack = new Uint8Array(c);
      this.words = new Uint32Array(c); this.tags = new Int32Array(c); this.pc = new Int32Array(c);
    }
    this.n = n; this.sp = 1; this.b = 1;
    const m = n + 1;
    this.stack[0] = 0;
    this.head.fill(-1, 0, m); this.lab.fill(L_NONE, 0, m);
    this.lc1.fill(-1, 0, m); this.lc2.fill(-1, 0, m); this.rc1.fill(-1, 0, m); this.rc2.fill(-1, 0, m);
    this.nl.fill(0, 0, m); this.nr.fill(0, 0, m);
    this.lsA.fill(0, 0, m); this.lsB.fill(0, 0, m); this.rsA.fill(0, 0, m); this.rsB.fill(0, 0, m);
    this.inStack.fill(0, 0, m); this.inStack[0] = 1;
  }

  terminal(): boolean { return this.sp === 1 && this.b > this.n; }
  canShift(): boolean { return this.b <= this.n; }
  canLeft(): boolean { return this.sp >= 2 && this.b <= this.n; }
  /** Attaching to the root waits until the buffer is empty, so the tree gets one root. */
  canRight(): boolean { return this.sp >= 3 || (this.sp === 2 && this.b > this.n); }

  /** Applies a transition; for arcs returns the dependent (label it next), else -1. */
  apply(a: number): number {
    if (a === SHIFT) { this.stack[this.sp++] = this.b; this.inStack[this.b] = 1; this.b++; return -1; }
    const d = this.stack[--this.sp];
    this.inStack[d] = 0;
    const h = a === LEFT ? this.b : this.stack[this.sp - 1];
    this.head[d] = h;
    if (d < h) { this.lc2[h] = this.lc1[h]; this.lc1[h] = d; this.nl[h]++; }
    else { this.rc2[h] = this.rc1[h]; this.rc1[h] = d; this.nr[h]++; }
    return d;
  }

  setLabel(d: number, l: number): void {
    this.lab[d] = l;
    const h = this.head[d];
    const bit = 1 << (l & 31);
    if (d < h) { if (l < 32) this.lsA[h] |= bit; else this.lsB[h] |= bit; }
    else { if (l < 32) this.rsA[h] |= bit; else this.rsB[h] |= bit; }
  }

  /** Dynamic-oracle cost of each transition against gold heads (1-based, 0 = root). */
  costs(gh: Int32Array, out: Int32Array): void {
    const { sp, b, n, stack, inStack } = this;
    const s0 = stack[sp - 1], s1 = sp >= 2 ? stack[sp - 2] : -1;
    // Gold dependents of s0 still in the buffer: lost by either reduction.
    let depsInBuf = 0;
    for (let j = b; j <= n; j++) if (gh[j] === s0) depsInBuf++;
    out[SHIFT] = out[LEFT] = out[RIGHT] = 0;
    if (b <= n) {
      let c = 0;
      for (let k = 0; k < sp; k++) if (gh[stack[k]] === b) c++;
      const hb = gh[b];
      if (hb !== s0 && hb >= 0 && hb < b && inStack[hb]) c++;
      out[SHIFT] = c;
      const hs = gh[s0];
      out[LEFT] = depsInBuf + (hs !== b && (hs === s1 || hs >= b) ? 1 : 0);
    }
    if (sp >= 2) {
      const hs = gh[s0];
      out[RIGHT] = depsInBuf + (hs !== s1 && hs >= b ? 1 : 0);
    }
  }
}

export class Parser {
  readonly trans: Perceptron;
  readonly labeller: Perceptron;
  readonly labels: readonly string[];
  readonly rootLabel: number;
  private st = new State();
  private feats = new Int32Array(PARSER_FEATS);
  private lfeats = new Int32Array(LABEL_FEATS);
  private scores = new Float32Array(3);
  private lscores: Float32Array;
  private cost = new Int32Array(3);
  /**
   * Labels seen in training per (direction, dependent tag, head tag): only
   * those are scored, a few instead of ~50, which makes labelling cheap.
   */
  readonly cands: (Int32Array | null)[];
  private allLabels: Int32Array;

  constructor(trans: Perceptron, labeller: Perceptron, labels: readonly string[], cands?: (Int32Array | null)[]) {
    this.trans = trans; this.labeller = labeller; this.labels = labels;
    this.rootLabel = labels.indexOf("root");
    if (this.rootLabel < 0) throw new Error("parser labels lack \"root\"");
    this.lscores = new Float32Array(labels.length);
    this.allLabels = Int32Array.from(labels.map((_, i) => i).filter((i) => i !== this.rootLabel));
    this.cands = cands ?? new Array(CAND_KEYS).fill(null);
  }

  /** Collects the label candidates from training trees (0-based heads, -1 root) with the tags the parser will see. */
  setCandidates(trees: { tags: Int32Array; heads: Int32Array; labels: Int32Array }[]): void {
    const sets: Set<number>[] = Array.from({ length: CAND_KEYS }, () => new Set());
    for (const t of trees) {
      for (let d = 0; d < t.heads.length; d++) {
        const h = t.heads[d];
        if (h < 0) continue;
        sets[candKey(d, h, t.tags[d], t.tags[h])].add(t.labels[d]);
      }
    }
    for (let k = 0; k < CAND_KEYS; k++) this.cands[k] = sets[k].size ? Int32Array.from([...sets[k]].sort((a, b) => a - b)) : null;
  }

  static create(transLog2: number, labelLog2: number, labels: readonly string[], training: boolean): Parser {
    // (label candidates are set from the training trees before training)
    return new Parser(new Perceptron(transLog2, 3, training), new Perceptron(labelLog2, labels.length, training), labels);
  }

  private load(words: Uint32Array, tags: Int32Array, n: number): State {
    const st = this.st;
    st.reset(n);
    st.words[0] = W_ROOT; st.tags[0] = TAG_ROOT;
    let p = 0;
    st.pc[0] = 0;
    for (let i = 0; i < n; i++) {
      st.words[i + 1] = words[i]; st.tags[i + 1] = tags[i];
      if (tags[i] === TAG_PUNCT) p++;
      st.pc[i + 1] = p;
    }
    return st;
  }

  /** Transition features of the current state, as row offsets. */
  private extract(st: State): number {
    const f = this.feats, m = this.trans;
    const { sp, b, n, stack, words, tags, lab, lc1, lc2, rc1, rc2, nl, nr, lsA, lsB, rsA, rsB } = st;
    const s0 = stack[sp - 1], s1 = sp >= 2 ? stack[sp - 2] : -1, s2 = sp >= 3 ? stack[sp - 3] : -1;
    const b0 = b <= n ? b : -1, b1 = b + 1 <= n ? b + 1 : -1, b2 = b + 2 <= n ? b + 2 : -1;
    const W = (i: number) => (i < 0 ? W_NONE : words[i]);
    const T = (i: number) => (i < 0 ? TAG_NONE : tags[i]);
    const L = (i: number) => (i < 0 ? L_NONE : lab[i]);
    const s0w = W(s0), s0t = T(s0), s1w = W(s1), s1t = T(s1), s2w = W(s2), s2t = T(s2);
    const b0w = W(b0), b0t = T(b0), b1w = W(b1), b1t = T(b1), b2w = W(b2), b2t = T(b2);
    const s0l = lc1[s0], s0l2 = lc2[s0], s0r = rc1[s0], s0r2 = rc2[s0];
    const s1r = s1 >= 0 ? rc1[s1] : -1, s1l = s1 >= 0 ? lc1[s1] : -1;
    const b0l = b0 >= 0 ? lc1[b0] : -1, b0l2 = b0 >= 0 ? lc2[b0] : -1;
    const s0lt = T(s0l), s0rt = T(s0r), b0lt = T(b0l), s1rt = T(s1r);
    const s0wt = (s0w * 31 + s0t) | 0, s1wt = (s1w * 31 + s1t) | 0, b0wt = (b0w * 31 + b0t) | 0, b1wt = (b1w * 31 + b1t) | 0;
    const d = s0 > 0 && b0 > 0 ? bucket(b0 - s0) : 0;
    const d1 = s1 > 0 ? bucket(s0 - s1) : 0;
    const s0vl = nl[s0], s0vr = nr[s0], b0vl = b0 >= 0 ? nl[b0] : 0, s1vr = s1 >= 0 ? nr[s1] : 0;
    const s0ls = lsA[s0] ^ (lsB[s0] * 7919), s0rs = rsA[s0] ^ (rsB[s0] * 7919);
    const b0ls = b0 >= 0 ? lsA[b0] ^ (lsB[b0] * 7919) : -1, s1rs = s1 >= 0 ? rsA[s1] ^ (rsB[s1] * 7919) : -1;
    let k = 0;
    f[k++] = m.off(h1(0, 0));
    // single words
    f[k++] = m.off(h1(1, s0w)); f[k++] = m.off(h1(2, s0t)); f[k++] = m.off(h1(3, s0wt));
    f[k++] = m.off(h1(4, s1w)); f[k++] = m.off(h1(5, s1t)); f[k++] = m.off(h1(6, s1wt));
    f[k++] = m.off(h1(7, b0w)); f[k++] = m.off(h1(8, b0t)); f[k++] = m.off(h1(9, b0wt));
    f[k++] = m.off(h1(10, b1w)); f[k++] = m.off(h1(11, b1t)); f[k++] = m.off(h1(12, b1wt));
    f[k++] = m.off(h1(13, b2w)); f[k++] = m.off(h1(14, b2t));
    f[k++] = m.off(h1(15, s2w)); f[k++] = m.off(h1(16, s2t));
    // s0–b0 pairs
    f[k++] = m.off(h2(17, s0wt, b0wt)); f[k++] = m.off(h2(18, s0wt, b0w)); f[k++] = m.off(h2(19, s0w, b0wt));
    f[k++] = m.off(h2(20, s0wt, b0t)); f[k++] = m.off(h2(21, s0t, b0wt)); f[k++] = m.off(h2(22, s0w, b0w));
    f[k++] = m.off(h2(23, s0t, b0t));
    // s1–s0 pairs (RIGHT decides between them)
    f[k++] = m.off(h2(24, s1wt, s0wt)); f[k++] = m.off(h2(25, s1w, s0w)); f[k++] = m.off(h2(26, s1t, s0t));
    f[k++] = m.off(h2(27, s1t, s0w)); f[k++] = m.off(h2(28, s1w, s0t)); f[k++] = m.off(h2(29, s1wt, s0t)); f[k++] = m.off(h2(30, s1t, s0wt));
    // buffer pairs
    f[k++] = m.off(h2(31, b0t, b1t)); f[k++] = m.off(h2(32, b0w, b1w)); f[k++] = m.off(h2(33, b0t, b1w)); f[k++] = m.off(h2(34, b0w, b1t));
    // tag trigrams
    f[k++] = m.off(h3(35, s1t, s0t, b0t)); f[k++] = m.off(h3(36, s0t, b0t, b1t)); f[k++] = m.off(h3(37, b0t, b1t, b2t));
    f[k++] = m.off(h3(38, s2t, s1t, s0t)); f[k++] = m.off(h3(39, s1w, s0t, b0t)); f[k++] = m.off(h3(40, s1t, s0w, b0t));
    f[k++] = m.off(h3(41, s1t, s0t, b0w)); f[k++] = m.off(h3(42, s0w, b0t, b1t)); f[k++] = m.off(h3(43, s0t, b0w, b1t));
    f[k++] = m.off(h3(44, s0t, b0t, b1w)); f[k++] = m.off(h4(45, s1t, s0t, b0t, b1t));
    // children
    f[k++] = m.off(h3(46, s0t, s0lt, b0t)); f[k++] = m.off(h3(47, s0t, s0rt, b0t)); f[k++] = m.off(h3(48, s0t, b0t, b0lt));
    f[k++] = m.off(h3(49, s1t, s0t, s0lt)); f[k++] = m.off(h3(50, s1t, s0t, s0rt)); f[k++] = m.off(h3(51, s1t, s1rt, s0t));
    f[k++] = m.off(h1(52, W(s0l))); f[k++] = m.off(h1(53, s0lt)); f[k++] = m.off(h1(54, L(s0l)));
    f[k++] = m.off(h1(55, W(s0r))); f[k++] = m.off(h1(56, s0rt)); f[k++] = m.off(h1(57, L(s0r)));
    f[k++] = m.off(h1(58, W(b0l))); f[k++] = m.off(h1(59, b0lt)); f[k++] = m.off(h1(60, L(b0l)));
    f[k++] = m.off(h1(61, W(s1r))); f[k++] = m.off(h1(62, s1rt)); f[k++] = m.off(h1(63, L(s1r)));
    f[k++] = m.off(h2(64, T(s0l2), L(s0l2))); f[k++] = m.off(h2(65, T(s0r2), L(s0r2))); f[k++] = m.off(h2(66, T(b0l2), L(b0l2)));
    f[k++] = m.off(h3(67, s0t, L(s0l), L(s0l2))); f[k++] = m.off(h3(68, s0t, L(s0r), L(s0r2))); f[k++] = m.off(h3(69, b0t, L(b0l), L(b0l2)));
    f[k++] = m.off(h2(70, T(s1l), L(s1l)));
    // distance
    f[k++] = m.off(h2(71, s0w, d)); f[k++] = m.off(h2(72, s0t, d)); f[k++] = m.off(h2(73, b0w, d)); f[k++] = m.off(h2(74, b0t, d));
    f[k++] = m.off(h3(75, s0w, b0w, d)); f[k++] = m.off(h3(76, s0t, b0t, d)); f[k++] = m.off(h3(77, s1t, s0t, d1)); f[k++] = m.off(h3(78, s1w, s0w, d1));
    // valency
    f[k++] = m.off(h2(79, s0w, s0vl)); f[k++] = m.off(h2(80, s0t, s0vl)); f[k++] = m.off(h2(81, s0w, s0vr)); f[k++] = m.off(h2(82, s0t, s0vr));
    f[k++] = m.off(h2(83, b0w, b0vl)); f[k++] = m.off(h2(84, b0t, b0vl)); f[k++] = m.off(h2(85, s1w, s1vr)); f[k++] = m.off(h2(86, s1t, s1vr));
    // label sets
    f[k++] = m.off(h2(87, s0w, s0ls)); f[k++] = m.off(h2(88, s0t, s0ls)); f[k++] = m.off(h2(89, s0w, s0rs)); f[k++] = m.off(h2(90, s0t, s0rs));
    f[k++] = m.off(h2(91, b0w, b0ls)); f[k++] = m.off(h2(92, b0t, b0ls)); f[k++] = m.off(h2(93, s1t, s1rs));
    f[k++] = m.off(h3(94, s0t, s0ls, b0t)); f[k++] = m.off(h3(95, s1t, s0t, s0rs));
    // punctuation between the candidates (0, 1, 2, 3+)
    const pc = st.pc;
    const pb = s0 > 0 && b0 > 0 ? Math.min(3, pc[b0 - 1] - pc[s0]) : 4;
    const ps = s1 > 0 ? Math.min(3, pc[s0 - 1] - pc[s1]) : 4;
    f[k++] = m.off(h3(96, s0t, b0t, pb)); f[k++] = m.off(h3(97, s1t, s0t, ps)); f[k++] = m.off(h3(98, s0w, b0t, pb));
    f[k++] = m.off(h4(99, s1t, s0t, b0t, pb * 8 + ps)); f[k++] = m.off(h3(100, s0t, b0w, pb));
    return k;
  }

  /** Label features for the arc h → d (dependent's subtree is complete). */
  private extractLabel(st: State, d: number, h: number): number {
    const f = this.lfeats, m = this.labeller;
    const { n, words, tags, lab, lc1, lc2, rc1, nl, nr, lsA, lsB, rsA, rsB } = st;
    const W = (i: number) => (i < 0 || i > n ? W_NONE : words[i]);
    const T = (i: number) => (i < 0 || i > n ? TAG_NONE : tags[i]);
    const L = (i: number) => (i < 0 ? L_NONE : lab[i]);
    const dir = d < h ? 1 : 2;
    const dw = words[d], dt = tags[d], hw = words[h], ht = tags[h];
    const dist = bucket(Math.abs(d - h));
    const dls = lsA[d] ^ (lsB[d] * 7919), drs = rsA[d] ^ (rsB[d] * 7919);
    const hls = lsA[h] ^ (lsB[h] * 7919), hrs = rsA[h] ^ (rsB[h] * 7919);
    const dl = lc1[d], dl2 = lc2[d], dr = rc1[d];
    const dlw = W(dl), dlt = T(dl), dll = L(dl);
    let k = 0;
    f[k++] = m.off(h1(0, dir));
    f[k++] = m.off(h2(1, dir, dw)); f[k++] = m.off(h2(2, dir, dt)); f[k++] = m.off(h2(3, dir, hw)); f[k++] = m.off(h2(4, dir, ht));
    f[k++] = m.off(h3(5, dir, dt, ht)); f[k++] = m.off(h3(6, dir, dw, ht)); f[k++] = m.off(h3(7, dir, dt, hw)); f[k++] = m.off(h3(8, dir, dw, hw));
    f[k++] = m.off(h4(9, dir, dt, ht, dist));
    f[k++] = m.off(h3(10, dir, dt, dls)); f[k++] = m.off(h3(11, dir, dt, drs)); f[k++] = m.off(h4(12, dir, dt, dls, drs));
    f[k++] = m.off(h4(13, dir, dt, ht, dls)); f[k++] = m.off(h4(14, dir, dt, ht, drs));
    f[k++] = m.off(h3(15, dir, dw, dls));
    f[k++] = m.off(h4(16, dir, dlw, dt, ht)); f[k++] = m.off(h4(17, dir, dlw, dll, ht)); f[k++] = m.off(h3(18, dir, dlw, dll));
    f[k++] = m.off(h4(19, dir, dt, dlt, dll)); f[k++] = m.off(h4(20, dir, dt, T(dr), L(dr)));
    f[k++] = m.off(h4(21, dir, dt, L(dl2), dll));
    f[k++] = m.off(h4(22, dir, dt, ht, hls)); f[k++] = m.off(h4(23, dir, dt, ht, hrs));
    f[k++] = m.off(h3(24, dir, dt, W(d - 1))); f[k++] = m.off(h3(25, dir, dt, W(d + 1))); f[k++] = m.off(h3(26, dir, dt, T(d - 1)));
    f[k++] = m.off(h4(27, dir, dt, T(d + 1), ht));
    f[k++] = m.off(h4(28, dir, ht, W(h - 1), dt)); f[k++] = m.off(h4(29, dir, ht, T(h + 1), dt));
    f[k++] = m.off(h4(30, dir, dt, nl[d], nr[d]));
    f[k++] = m.off(h4(31, dir, dt, ht, L(lc1[h]))); f[k++] = m.off(h4(32, dir, dt, ht, L(rc1[h])));
    f[k++] = m.off(h4(33, dir, dw, dlw, hw));
    f[k++] = m.off(h4(34, dir, dt, h === 0 ? 1 : 0, dls));
    f[k++] = m.off(h4(35, dir, dt, ht, dlw));
    f[k++] = m.off(h4(36, dir, hw, dt, dls));
    f[k++] = m.off(h4(37, dir, dt, ht, bucket(Math.abs(d - h)) * 64 + (W(d + 1) & 63)));
    return k;
  }

  private bestLabel(st: State, d: number, h: number, nf: number): number {
    if (h === 0) return this.rootLabel;
    const cands = this.cands[candKey(d, h, st.tags[d], st.tags[h])] ?? this.allLabels;
    if (cands.length === 1) return cands[0];
    const s = this.lscores;
    this.labeller.scoreSome(this.lfeats, nf, cands, s);
    let best = cands[0];
    for (let k = 1; k < cands.length; k++) if (s[cands[k]] > s[best]) best = cands[k];
    return best;
  }

  /**
   * Parses one sentence: `words` are per-token word hashes, `tags` UPOS ids.
   * Writes 0-based heads (-1 = root) and label ids into the outputs.
   */
  parse(words: Uint32Array, tags: Int32Array, n: number, heads: Int32Array, labels: Int32Array): void {
    const st = this.load(words, tags, n);
    const s = this.scores;
    while (!st.terminal()) {
      const cs = st.canShift(), cl = st.canLeft(), cr = st.canRight();
      let a: number;
      if (cs && !cl && !cr) a = SHIFT;
      else if (cr && !cs && !cl) a = RIGHT;
      else {
        this.trans.score(this.feats, this.extract(st), s);
        a = -1;
        if (cs) a = SHIFT;
        if (cl && (a < 0 || s[LEFT] > s[a])) a = LEFT;
        if (cr && (a < 0 || s[RIGHT] > s[a])) a = RIGHT;
      }
      const d = st.apply(a);
      if (d >= 0) {
        const h = st.head[d];
        const nf = h === 0 ? 0 : this.extractLabel(st, d, h);
        st.setLabel(d, this.bestLabel(st, d, h, nf));
      }
    }
    for (let i = 1; i <= n; i++) { heads[i - 1] = st.head[i] - 1; labels[i - 1] = st.lab[i]; }
  }

  /**
   * One training pass over a sentence with the dynamic oracle. Gold heads are
   * 0-based (-1 root). With probability `explore` a wrong prediction is
   * followed, so the model learns to recover from its own mistakes.
   */
  train(words: Uint32Array, tags: Int32Array, n: number, goldHeads: Int32Array, goldLabels: Int32Array, explore: number, rand: () => number): void {
    const st = this.load(words, tags, n);
    const gh = new Int32Array(n + 1);
    gh[0] = -1;
    for (let i = 0; i < n; i++) gh[i + 1] = goldHeads[i] + 1;
    const s = this.scores, cost = this.cost, tm = this.trans, lm = this.labeller;
    while (!st.terminal()) {
      const cs = st.canShift(), cl = st.canLeft(), cr = st.canRight();
      const nf = this.extract(st);
      tm.score(this.feats, nf, s);
      st.costs(gh, cost);
      let pred = -1, gold = -1, minCost = 1e9;
      const valid = [cs, cl, cr];
      for (let a = 0; a < 3; a++) if (valid[a] && cost[a] < minCost) minCost = cost[a];
      for (let a = 0; a < 3; a++) {
        if (!valid[a]) continue;
        if (pred < 0 || s[a] > s[pred]) pred = a;
        if (cost[a] === minCost && (gold < 0 || s[a] > s[gold])) gold = a;
      }
      if (cost[pred] !== minCost) tm.update(this.feats, nf, gold, pred);
      tm.c++;
      const a = cost[pred] === minCost || rand() < explore ? pred : gold;
      const d = st.apply(a);
      if (d >= 0) {
        const h = st.head[d];
        if (h === 0) { st.setLabel(d, this.rootLabel); continue; }
        const lf = this.extractLabel(st, d, h);
        const best = this.bestLabel(st, d, h, lf);
        if (gh[d] === h) {
          const g = goldLabels[d - 1];
          if (best !== g && g !== this.rootLabel) lm.update(this.lfeats, lf, g, best);
          lm.c++;
          st.setLabel(d, g);
        } else st.setLabel(d, best);
      }
    }
  }
}
