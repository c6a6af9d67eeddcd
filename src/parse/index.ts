// dyad's dependency parser: UPOS tags, heads and UD relations for a sentence
// of word forms, from a model trained on UD English treebanks (see
// data/parser/NOTICE). The model loads once per thread, on first use.
import { fileURLToPath } from "node:url";
import { loadModelFile, type ParserModel } from "./model.js";
import { encode, UPOS, type Encoded } from "./tagger.js";

export { ModelLoadError, loadModelFile, serializeModel, deserializeModel, type ParserModel } from "./model.js";

/** The committed model, relative to this module (dist/parse → data/parser). */
export const DEFAULT_MODEL_PATH = fileURLToPath(new URL("../../data/parser/model.bin.gz", import.meta.url));

export interface ParsedSentence {
  upos: string[];
  /** Head per word, 0-based within the sentence; -1 for the root. */
  heads: number[];
  /** UD relation per word. */
  deps: string[];
}

let cached: ParserModel | undefined;
let cachedPath: string | undefined;

/** The model at `path` (default: the committed one), loaded once and kept. */
export function getModel(path = DEFAULT_MODEL_PATH): ParserModel {
  if (!cached || cachedPath !== path) { cached = loadModelFile(path); cachedPath = path; }
  return cached;
}

// Scratch buffers reused across sentences: the hot path allocates only its results.
let heads = new Int32Array(256), labs = new Int32Array(256), tags = new Int32Array(256);
let scratch: Encoded | undefined;

/** Tags and parses one sentence given as word forms (tokens already split). */
export function parseWords(words: readonly string[], model: ParserModel = getModel()): ParsedSentence {
  const n = words.length;
  if (n === 0) return { upos: [], heads: [], deps: [] };
  if (n > heads.length) { const c = n * 2; heads = new Int32Array(c); labs = new Int32Array(c); tags = new Int32Array(c); }
  const enc = scratch = encode(words, scratch);
  const t = model.tagger.tag(enc, tags);
  model.parser.parse(enc.lower, t, n, heads, labs);
  const L = model.parser.labels;
  const out: ParsedSentence = { upos: new Array(n), heads: new Array(n), deps: new Array(n) };
  for (let i = 0; i < n; i++) { out.upos[i] = UPOS[t[i]]; out.heads[i] = heads[i]; out.deps[i] = L[labs[i]]; }
  return out;
}
