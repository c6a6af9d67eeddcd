// Training: a jackknifed tagger (each fold tagged by a tagger that never saw
// it) so the parser learns on tags as noisy as those it will get, then the
// parser with the dynamic oracle over shuffled epochs. Everything random is
// drawn from one seeded PRNG, so a seed fixes the model bytes.
import type { ConlluSentence } from "./conllu.js";
import { rng } from "./hash.js";
import type { ParserModel } from "./model.js";
import { Parser } from "./parser.js";
import { encode, Tagger, UPOS_ID, type Encoded } from "./tagger.js";

export interface TrainOptions {
  seed: number;
  tagEpochs: number;
  parseEpochs: number;
  /** Jackknife folds for the parser's training tags (≥ 2; 1 = tag training data with the final tagger). */
  folds: number;
  taggerLog2: number;
  transLog2: number;
  labelLog2: number;
  /** Probability of following a wrong prediction after the first epoch. */
  explore: number;
  log?: (msg: string) => void;
  /** Called after each parser epoch with the averaged weights swapped in (for learning curves). */
  onEpoch?: (epoch: number, model: ParserModel) => void;
}

export const DEFAULT_TRAIN: TrainOptions = { seed: 1, tagEpochs: 6, parseEpochs: 12, folds: 5, taggerLog2: 20, transLog2: 22, labelLog2: 20, explore: 0.9 };

interface Prepared { enc: Encoded; tags: Int32Array; heads: Int32Array; labels: Int32Array }

function shuffled(n: number, rand: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); const t = a[i]; a[i] = a[j]; a[j] = t; }
  return a;
}

function trainTagger(data: Prepared[], idx: number[], opts: TrainOptions, rand: () => number): Tagger {
  const t = Tagger.create(opts.taggerLog2, true, Tagger.buildDict(idx.map((i) => data[i])));
  for (let ep = 0; ep < opts.tagEpochs; ep++) {
    const order = shuffled(idx.length, rand);
    for (const o of order) { const d = data[idx[o]]; t.train(d.enc, d.tags); }
  }
  t.model.average();
  return t;
}

export function trainModel(sents: ConlluSentence[], options: Partial<TrainOptions> = {}): ParserModel {
  const opts = { ...DEFAULT_TRAIN, ...options };
  const log = opts.log ?? (() => {});
  const rand = rng(opts.seed);
  const labels = [...new Set(sents.flatMap((s) => s.deps))].sort();
  const labelId = new Map(labels.map((l, i) => [l, i]));
  const data: Prepared[] = sents.map((s) => ({
    enc: encode(s.words),
    tags: Int32Array.from(s.upos, (u) => { const id = UPOS_ID[u]; if (id === undefined) throw new Error(`unknown UPOS "${u}"`); return id; }),
    heads: Int32Array.from(s.heads),
    labels: Int32Array.from(s.deps, (l) => labelId.get(l)!),
  }));
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(1);

  // Jackknife: contiguous folds, so a fold's documents are unseen by its tagger.
  const predTags: Int32Array[] = new Array(data.length);
  const all = data.map((_, i) => i);
  if (opts.folds >= 2) {
    for (let k = 0; k < opts.folds; k++) {
      const lo = Math.floor((k * data.length) / opts.folds), hi = Math.floor(((k + 1) * data.length) / opts.folds);
      const t = trainTagger(data, all.filter((i) => i < lo || i >= hi), opts, rand);
      let ok = 0, tot = 0;
      for (let i = lo; i < hi; i++) {
        predTags[i] = t.tag(data[i].enc);
        for (let j = 0; j < predTags[i].length; j++) { tot++; if (predTags[i][j] === data[i].tags[j]) ok++; }
      }
      log(`tagger fold ${k + 1}/${opts.folds}: held-out UPOS ${(ok / tot).toFixed(4)} (${secs()} s)`);
    }
  }
  const tagger = trainTagger(data, all, opts, rand);
  log(`tagger trained on all ${data.length} sentences (${secs()} s)`);
  if (opts.folds < 2) for (let i = 0; i < data.length; i++) predTags[i] = tagger.tag(data[i].enc);

  const parser = Parser.create(opts.transLog2, opts.labelLog2, labels, true);
  parser.setCandidates(data.map((d, i) => ({ tags: predTags[i], heads: d.heads, labels: d.labels })));
  for (let ep = 0; ep < opts.parseEpochs; ep++) {
    const order = shuffled(data.length, rand);
    const explore = ep === 0 ? 0 : opts.explore;
    for (const i of order) {
      const d = data[i];
      parser.train(d.enc.lower, predTags[i], d.enc.n, d.heads, d.labels, explore, rand);
    }
    log(`parser epoch ${ep + 1}/${opts.parseEpochs} (${secs()} s)`);
    if (opts.onEpoch) {
      const cb = opts.onEpoch;
      parser.trans.withAverage(() => parser.labeller.withAverage(() => cb(ep + 1, { tagger, parser, meta: {} })));
    }
  }
  parser.trans.average();
  parser.labeller.average();
  return {
    tagger, parser,
    meta: { seed: opts.seed, tagEpochs: opts.tagEpochs, parseEpochs: opts.parseEpochs, folds: opts.folds, explore: opts.explore, sentences: data.length, tokens: data.reduce((a, d) => a + d.enc.n, 0) },
  };
}
