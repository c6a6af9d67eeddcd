// Scores the tagger and parser on gold CoNLL-U sentences, parsing from the gold
// word forms with dyad's own predicted tags (gold tags are never read).
// All tokens count, punctuation included, as in the CoNLL 2018 shared task.
import type { ConlluSentence } from "./conllu.js";
import { parseWords, type ParsedSentence } from "./index.js";
import type { ParserModel } from "./model.js";

export interface EvalResult {
  sentences: number; tokens: number; upos: number; uas: number; las: number;
  /** The same without the tokens whose gold UPOS is PUNCT (the older convention). */
  uasNoPunct: number; lasNoPunct: number;
  secs: number; tokensPerSec: number;
}

export function evaluate(gold: ConlluSentence[], model: ParserModel, onParsed?: (g: ConlluSentence, p: ParsedSentence) => void): EvalResult {
  let tok = 0, upos = 0, uas = 0, las = 0, np = 0, uasNp = 0, lasNp = 0;
  const t0 = performance.now();
  const parsed = gold.map((g) => parseWords(g.words, model));
  const secs = (performance.now() - t0) / 1000;
  gold.forEach((g, si) => {
    const p = parsed[si];
    onParsed?.(g, p);
    for (let i = 0; i < g.words.length; i++) {
      tok++;
      if (p.upos[i] === g.upos[i]) upos++;
      const punct = g.upos[i] === "PUNCT";
      if (!punct) np++;
      if (p.heads[i] === g.heads[i]) {
        uas++; if (!punct) uasNp++;
        if (p.deps[i] === g.deps[i]) { las++; if (!punct) lasNp++; }
      }
    }
  });
  return { sentences: gold.length, tokens: tok, upos: upos / tok, uas: uas / tok, las: las / tok, uasNoPunct: uasNp / np, lasNoPunct: lasNp / np, secs, tokensPerSec: tok / secs };
}
