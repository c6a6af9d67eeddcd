// Greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) with the dynamic
// oracle of Goldberg & Nivre (2013) for training, and two averaged perceptrons:
// one picks the transition (SHIFT / LEFT / RIGHT), the other labels each arc
// as it is made. Labelling apart keeps the transition model at 3 classes, so
// scoring stays cheap; and since arc-hybrid only attaches a word once all its
// own dependents are attached, the labeller sees the dependent's whole
// subtree (its case marker, whether it has a subject, …).
import { compileTemplates, hashAll } from "./templates.js";
import { Perceptron } from "./perceptron.js";
import { TAG_NONE, TAG_ROOT, UPOS_ID } from "./tagger.js";

const TAG_PUNCT = UPOS_ID.PUNCT;

const SHIFT = 0, LEFT = 1, RIGHT = 2;
const W_NONE = 0x1234567, W_ROOT = 0x7654321;
const L_NONE = 0xffff;
const TRANS_ATOMS = ["one", "s0w", "s0t", "s0wt", "s1w", "s1t", "s1wt", "s2w", "s2t", "b0w", "b0t", "b0wt", "b1w", "b1t", "b1wt", "b2w", "b2t", "b3t",
  "s0lw", "s0lt", "s0ll", "s0rw", "s0rt", "s0rl", "b0lw", "b0lt", "b0ll", "s1rw", "s1rt", "s1rl", "s0l2t", "s0l2l", "s0r2t", "s0r2l", "b0l2t", "b0l2l", "s1lt", "s1ll",
  "d", "d1", "s0vl", "s0vr", "b0vl", "s1vr", "s0ls", "s0rs", "b0ls", "s1rs", "pb", "ps", "pbps"] as const;
const A = Object.fromEntries(TRANS_ATOMS.map((a, i) => [a, i])) as Record<(typeof TRANS_ATOMS)[number], number>;
// s = stack (s0 top), b = buffer (b0 front); l/r = leftmost/rightmost child (l2/r2 second);
// w word, t tag, l label, wt word+tag; d distance s0–b0, d1 s1–s0; v valency; ls/rs label sets; pb/ps punctuation between.
const TRANS = compileTemplates(TRANS_ATOMS, `
  one; s0w; s0t; s0wt; s1w; s1t; s1wt; b0w; b0t; b0wt; b1w; b1t; b1wt; b2w; b2t; s2w; s2t
  s0wt b0wt; s0wt b0w; s0w b0wt; s0wt b0t; s0t b0wt; s0w b0w; s0t b0t
  s1wt s0wt; s1w s0w; s1t s0t; s1t s0w; s1w s0t; s1wt s0t; s1t s0wt
  b0t b1t; b0w b1w; b0t b1w; b0w b1t
  s1t s0t b0t; s0t b0t b1t; b0t b1t b2t; s2t s1t s0t; s1w s0t b0t; s1t s0w b0t; s1t s0t b0w; s0w b0t b1t; s0t b0w b1t; s0t b0t b1w; s1t s0t b0t b1t
  s0t s0lt b0t; s0t s0rt b0t; s0t b0t b0lt; s1t s0t s0lt; s1t s0t s0rt; s1t s1rt s0t
  s0lw; s0lt; s0ll; s0rw; s0rt; s0rl; b0lw; b0lt; b0ll; s1rw; s1rt; s1rl
  s0l2t s0l2l; s0r2t s0r2l; b0l2t b0l2l; s0t s0ll s0l2l; s0t s0rl s0r2l; b0t b0ll b0l2l; s1lt s1ll
  s0w d; s0t d; b0w d; b0t d; s0w b0w d; s0t b0t d; s1t s0t d1; s1w s0w d1
  s0w s0vl; s0t s0vl; s0w s0vr; s0t s0vr; b0w b0vl; b0t b0vl; s1w s1vr; s1t s1vr
  s0w s0ls; s0t s0ls; s0w s0rs; s0t s0rs; b0w b0ls; b0t b0ls; s1t s1rs; s0t s0ls b0t; s1t s0t s0rs
  s0t b0t pb; s1t s0t ps; s0w b0t pb; s1t s0t b0t pbps; s0t b0w pb
  b0t b1t b2t b3t; s0t b0t b1t b2t; s0wt b0wt b1t; s1wt s0wt b0t; s0rw b0w; s0t s0rl b0w; b0lw b0w; s1w s0w b0w; s0t b0t b0ll; s1t s1rl s0t
`);
const LABEL_ATOMS = ["dir", "dw", "dt", "hw", "ht", "dist", "dls", "drs", "hls", "hrs", "dlw", "dlt", "dll", "dl2l", "drt", "drl",
  "wdm1", "wdp1", "tdm1", "tdp1", "whm1", "thp1", "nld", "nrd", "hlcl", "hrcl", "distw"] as const;
const B = Object.fromEntries(LABEL_ATOMS.map((a, i) => [a, i])) as Record<(typeof LABEL_ATOMS)[number], number>;
// d dependent, h head; dl/dr its leftmost/rightmost child (its case marker, determiner…); m1/p1 the word before/after.
const LABEL = compileTemplates(LABEL_ATOMS, `
  dir; dir dw; dir dt; dir hw; dir ht; dir dt ht; dir dw ht; dir dt hw; dir dw hw; dir dt ht dist
  dir dt dls; dir dt drs; dir dt dls drs; dir dt ht dls; dir dt ht drs; dir dw dls
  dir dlw dt ht; dir dlw dll ht; dir dlw dll; dir dt dlt dll; dir dt drt drl; dir dt dl2l dll
  dir dt ht hls; dir dt ht hrs; dir dt wdm1; dir dt wdp1; dir dt tdm1; dir dt tdp1 ht; dir ht whm1 dt; dir ht thp1 dt
  dir dt nld nrd; dir dt ht hlcl; dir dt ht hrcl; dir dw dlw hw; dir dt ht dlw; dir hw dt dls; dir dt ht distw
`);

/** Keys of the label-candidate table: direction × dependent tag × head tag (tag ids < 32). */
const CAND_KEYS = 2 * 32 * 32;
function candKey(d: number, h: number, dt: number, ht: number): number { return ((d < h ? 0 : 1) * 32 + dt) * 32 + ht; }

// The arrays of the state being read, for W/T/L: module-level rather than
// closures, so extracting features allocates nothing.
let cw: Uint32Array = new Uint32Array(0), ct: Int32Array = new Int32Array(0), cl: Int32Array = new Int32Array(0), cn = 0;
/** Word hash, tag and label of position i; "none" values out of range (-1 = no such token). */
function W(i: number): number { return i < 0 || i > cn ? W_NONE : cw[i]; }
function T(i: number): number { return i < 0 || i > cn ? TAG_NONE : ct[i]; }
function L(i: number): number { return i < 0 ? L_NONE : cl[i]; }

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
  private feats = new Int32Array(TRANS.count);
  private lfeats = new Int32Array(LABEL.count);
  private ctx = new Int32Array(TRANS_ATOMS.length);
  private lctx = new Int32Array(LABEL_ATOMS.length);
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

  /** Transition features of the current state, as virtual rows. */
  private extract(st: State): number {
    const c = this.ctx;
    const { sp, b, n, stack, words, tags, lab, lc1, lc2, rc1, rc2, nl, nr, lsA, lsB, rsA, rsB, pc } = st;
    const s0 = stack[sp - 1], s1 = sp >= 2 ? stack[sp - 2] : -1, s2 = sp >= 3 ? stack[sp - 3] : -1;
    const b0 = b <= n ? b : -1, b1 = b + 1 <= n ? b + 1 : -1, b2 = b + 2 <= n ? b + 2 : -1, b3 = b + 3 <= n ? b + 3 : -1;
    cw = words; ct = tags; cl = lab; cn = n;
    const s0l = lc1[s0], s0l2 = lc2[s0], s0r = rc1[s0], s0r2 = rc2[s0];
    const s1r = s1 >= 0 ? rc1[s1] : -1, s1l = s1 >= 0 ? lc1[s1] : -1;
    const b0l = b0 >= 0 ? lc1[b0] : -1, b0l2 = b0 >= 0 ? lc2[b0] : -1;
    c[A.one] = 1;
    c[A.s0w] = W(s0); c[A.s0t] = T(s0); c[A.s0wt] = (c[A.s0w] * 31 + c[A.s0t]) | 0;
    c[A.s1w] = W(s1); c[A.s1t] = T(s1); c[A.s1wt] = (c[A.s1w] * 31 + c[A.s1t]) | 0;
    c[A.s2w] = W(s2); c[A.s2t] = T(s2);
    c[A.b0w] = W(b0); c[A.b0t] = T(b0); c[A.b0wt] = (c[A.b0w] * 31 + c[A.b0t]) | 0;
    c[A.b1w] = W(b1); c[A.b1t] = T(b1); c[A.b1wt] = (c[A.b1w] * 31 + c[A.b1t]) | 0;
    c[A.b2w] = W(b2); c[A.b2t] = T(b2); c[A.b3t] = T(b3);
    c[A.s0lw] = W(s0l); c[A.s0lt] = T(s0l); c[A.s0ll] = L(s0l);
    c[A.s0rw] = W(s0r); c[A.s0rt] = T(s0r); c[A.s0rl] = L(s0r);
    c[A.b0lw] = W(b0l); c[A.b0lt] = T(b0l); c[A.b0ll] = L(b0l);
    c[A.s1rw] = W(s1r); c[A.s1rt] = T(s1r); c[A.s1rl] = L(s1r);
    c[A.s0l2t] = T(s0l2); c[A.s0l2l] = L(s0l2); c[A.s0r2t] = T(s0r2); c[A.s0r2l] = L(s0r2);
    c[A.b0l2t] = T(b0l2); c[A.b0l2l] = L(b0l2); c[A.s1lt] = T(s1l); c[A.s1ll] = L(s1l);
    c[A.d] = s0 > 0 && b0 > 0 ? bucket(b0 - s0) : 0;
    c[A.d1] = s1 > 0 ? bucket(s0 - s1) : 0;
    c[A.s0vl] = nl[s0]; c[A.s0vr] = nr[s0]; c[A.b0vl] = b0 >= 0 ? nl[b0] : -1; c[A.s1vr] = s1 >= 0 ? nr[s1] : -1;
    c[A.s0ls] = lsA[s0] ^ (lsB[s0] * 7919); c[A.s0rs] = rsA[s0] ^ (rsB[s0] * 7919);
    c[A.b0ls] = b0 >= 0 ? lsA[b0] ^ (lsB[b0] * 7919) : -1; c[A.s1rs] = s1 >= 0 ? rsA[s1] ^ (rsB[s1] * 7919) : -1;
    // punctuation between the candidates (0, 1, 2, 3+; 4 = not applicable)
    const pb = s0 > 0 && b0 > 0 ? Math.min(3, pc[b0 - 1] - pc[s0]) : 4;
    const ps = s1 > 0 ? Math.min(3, pc[s0 - 1] - pc[s1]) : 4;
    c[A.pb] = pb; c[A.ps] = ps; c[A.pbps] = pb * 8 + ps;
    return hashAll(TRANS, c, this.trans.mask, this.feats);
  }

  /** Label features for the arc h → d (dependent's subtree is complete). */
  private extractLabel(st: State, d: number, h: number): number {
    const c = this.lctx;
    const { n, words, tags, lab, lc1, lc2, rc1, nl, nr, lsA, lsB, rsA, rsB } = st;
    cw = words; ct = tags; cl = lab; cn = n;
    const dl = lc1[d], dl2 = lc2[d], dr = rc1[d];
    const dist = bucket(Math.abs(d - h));
    c[B.dir] = d < h ? 1 : 2;
    c[B.dw] = words[d]; c[B.dt] = tags[d]; c[B.hw] = words[h]; c[B.ht] = tags[h];
    c[B.dist] = dist;
    c[B.dls] = lsA[d] ^ (lsB[d] * 7919); c[B.drs] = rsA[d] ^ (rsB[d] * 7919);
    c[B.hls] = lsA[h] ^ (lsB[h] * 7919); c[B.hrs] = rsA[h] ^ (rsB[h] * 7919);
    c[B.dlw] = W(dl); c[B.dlt] = T(dl); c[B.dll] = L(dl); c[B.dl2l] = L(dl2);
    c[B.drt] = T(dr); c[B.drl] = L(dr);
    c[B.wdm1] = W(d - 1); c[B.wdp1] = W(d + 1); c[B.tdm1] = T(d - 1); c[B.tdp1] = T(d + 1);
    c[B.whm1] = W(h - 1); c[B.thp1] = T(h + 1);
    c[B.nld] = nl[d]; c[B.nrd] = nr[d];
    c[B.hlcl] = L(lc1[h]); c[B.hrcl] = L(rc1[h]);
    c[B.distw] = dist * 64 + (W(d + 1) & 63);
    return hashAll(LABEL, c, this.labeller.mask, this.lfeats);
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
