// Scores the tagger and parser on gold CoNLL-U sentences, parsing from the gold
// word forms with dyad's own predicted tags (gold tags are never read).
// All tokens count, punctuation included, as in the CoNLL 2018 shared task.
import type { ConlluSentence } from "./conllu.js";
import { parseWords, type ParsedSentence } from "./index.js";
import type { ParserModel } from "./model.js";

export interface EvalResult { sentences: number; tokens: number; upos: number; uas: number; las: number; secs: number; tokensPerSec: number }

export function evaluate(gold: ConlluSentence[], model: ParserModel, onParsed?: (g: ConlluSentence, p: ParsedSentence) => void): EvalResult {
  let tok = 0, upos = 0, uas = 0, las = 0;
  const t0 = performance.now();
  const parsed = gold.map((g) => parseWords(g.words, model));
  const secs = (performance.now() - t0) / 1000;
  gold.forEach((g, si) => {
    const p = parsed[si];
    onParsed?.(g, p);
    for (let i = 0; i < g.words.length; i++) {
      tok++;
      if (p.upos[i] === g.upos[i]) upos++;
      if (p.heads[i] === g.heads[i]) { uas++; if (p.deps[i] === g.deps[i]) las++; }
    }
  });
  return { sentences: gold.length, tokens: tok, upos: upos / tok, uas: uas / tok, las: las / tok, secs, tokensPerSec: tok / secs };
}
