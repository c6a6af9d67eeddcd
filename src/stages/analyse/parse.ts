// Adds dyad's dependency parse to the analysed document: per sentence, wink's
// tokens (whitespace tokens left out) go to dyad's tagger and parser, and each
// token gets `upos`, `head` (absolute token index, -1 = root) and `dep`.
// The model is loaded once per thread, on the first document.
import type { ArticleDoc } from "../../doc/types.js";
import { getModel, parseWords } from "../../parse/index.js";

/** Fills token.upos/head/dep for every sentence of the document. */
export function parseDoc(doc: ArticleDoc): void {
  const model = getModel();
  const { tokens } = doc;
  const idx: number[] = [];
  const words: string[] = [];
  for (const s of doc.sentences) {
    idx.length = 0; words.length = 0;
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const t = tokens[k];
      if (t.pos === "SPACE") continue;
      idx.push(k); words.push(t.text);
    }
    if (!words.length) continue;
    const p = parseWords(words, model);
    for (let j = 0; j < idx.length; j++) {
      const t = tokens[idx[j]];
      t.upos = p.upos[j];
      t.head = p.heads[j] < 0 ? -1 : idx[p.heads[j]];
      t.dep = p.deps[j];
    }
  }
}
