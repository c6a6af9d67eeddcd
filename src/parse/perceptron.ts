// Averaged perceptron over a fixed hashed table: row = hashed feature, one
// weight per class in the row, so scoring reads contiguous memory. Averaging
// uses the "w - u/c" trick (u accumulates c·Δ), so updates are O(features)
// and no per-weight timestamps are kept.
//
// Feature lists hold virtual rows (hash & mask); offsets are resolved inside
// score(), after all hashes are computed, so the table reads of one state are
// independent and the CPU overlaps their cache misses.

export class Perceptron {
  readonly rowsLog2: number;
  readonly rows: number;
  readonly mask: number;
  readonly nClasses: number;
  /** Training / float weights, `nClasses` per row. */
  w: Float32Array;
  /** Σ c·Δ per weight; only while training. */
  u?: Float64Array;
  /** Instances seen, for averaging. */
  c = 1;
  /**
   * Loaded (quantised) form: int16 weights `q` × `scale`. Either dense, rows
   * `stride` apart (small class counts: one cache line per feature), or
   * packed with `index` mapping each virtual row to its offset in `q`
   * (0 = the all-zero row) when only a fraction of rows is non-zero.
   */
  q?: Int16Array;
  scale = 1;
  stride: number;
  index?: Int32Array;

  constructor(rowsLog2: number, nClasses: number, training: boolean) {
    this.rowsLog2 = rowsLog2;
    this.rows = 2 ** rowsLog2;
    this.mask = this.rows - 1;
    this.nClasses = nClasses;
    this.stride = nClasses;
    this.w = new Float32Array(training ? this.rows * nClasses : 0);
    if (training) this.u = new Float64Array(this.rows * nClasses);
  }

  /** Virtual row of a hashed feature. */
  off(h: number): number { return h & this.mask; }

  /**
   * Loaded form from sorted non-zero rows and their int16 weights (`bytes`,
   * little-endian, nClasses per row), written straight into the final arrays
   * so loading holds no second copy of the weights.
   */
  static load(rowsLog2: number, nClasses: number, rows: Int32Array, bytes: Uint8Array, scale: number, dense: boolean): Perceptron {
    const p = new Perceptron(rowsLog2, nClasses, false);
    p.scale = scale;
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (dense) {
      p.stride = nClasses <= 4 ? 4 : nClasses;
      const q = p.q = new Int16Array(p.rows * p.stride);
      for (let j = 0; j < rows.length; j++) for (let k = 0; k < nClasses; k++) q[rows[j] * p.stride + k] = dv.getInt16((j * nClasses + k) * 2, true);
    } else {
      const q = p.q = new Int16Array((rows.length + 1) * nClasses);
      for (let i = 0; i < rows.length * nClasses; i++) q[nClasses + i] = dv.getInt16(i * 2, true);
      p.index = new Int32Array(p.rows);
      for (let j = 0; j < rows.length; j++) p.index[rows[j]] = (j + 1) * nClasses;
    }
    return p;
  }

  /** Class scores of the features (virtual rows) into `out`. */
  score(feats: Int32Array, n: number, out: Float32Array): void {
    const nc = this.nClasses, q = this.q;
    out.fill(0, 0, nc);
    if (q === undefined) {
      const w = this.w;
      for (let i = 0; i < n; i++) {
        const o = feats[i] * nc;
        for (let k = 0; k < nc; k++) out[k] += w[o + k];
      }
      return;
    }
    const ix = this.index, st = this.stride;
    if (ix === undefined && nc === 3) {
      // The transition model: three classes, unrolled.
      let a = 0, b = 0, c = 0;
      for (let i = 0; i < n; i++) { const o = feats[i] * 4; a += q[o]; b += q[o + 1]; c += q[o + 2]; }
      out[0] = a; out[1] = b; out[2] = c;
      return;
    }
    for (let i = 0; i < n; i++) {
      const o = ix === undefined ? feats[i] * st : ix[feats[i]];
      for (let k = 0; k < nc; k++) out[k] += q[o + k];
    }
  }

  /** Like score, but only for the classes in `cands`. */
  scoreSome(feats: Int32Array, n: number, cands: Int32Array, out: Float32Array): void {
    const nc = cands.length, q = this.q;
    for (let k = 0; k < nc; k++) out[cands[k]] = 0;
    if (q === undefined) {
      const w = this.w, cl = this.nClasses;
      for (let i = 0; i < n; i++) {
        const o = feats[i] * cl;
        for (let k = 0; k < nc; k++) { const c = cands[k]; out[c] += w[o + c]; }
      }
      return;
    }
    const ix = this.index, st = this.stride;
    for (let i = 0; i < n; i++) {
      const o = ix === undefined ? feats[i] * st : ix[feats[i]];
      for (let k = 0; k < nc; k++) { const c = cands[k]; out[c] += q[o + c]; }
    }
  }

  /** Perceptron step: reward `good`, penalise `bad`. */
  update(feats: Int32Array, n: number, good: number, bad: number): void {
    const w = this.w, u = this.u!, c = this.c, nc = this.nClasses;
    for (let i = 0; i < n; i++) {
      const o = feats[i] * nc;
      w[o + good] += 1; u[o + good] += c;
      w[o + bad] -= 1; u[o + bad] -= c;
    }
  }

  /** Runs `fn` with the averaged weights in place, then restores the running ones (training continues). */
  withAverage(fn: () => void): void {
    const run = this.w;
    const avg = new Float32Array(run.length);
    const u = this.u!, c = this.c;
    for (let i = 0; i < run.length; i++) avg[i] = u[i] !== 0 ? run[i] - u[i] / c : run[i];
    this.w = avg;
    try { fn(); } finally { this.w = run; }
  }

  /** Replaces the weights by their average over all instances; ends training. */
  average(): void {
    const w = this.w, u = this.u!, c = this.c;
    for (let i = 0; i < w.length; i++) if (u[i] !== 0) w[i] -= u[i] / c;
    this.u = undefined;
  }
}
