// Adds dyad's dependency parse to the analysed document: per sentence, wink's
// tokens (whitespace tokens left out) go to dyad's tagger and parser, and each
// token gets `upos`, `head` (absolute token index, -1 = root) and `dep`.
// The model is loaded once per thread, on the first document.
import type { ArticleDoc, Sentence, Token } from "../../doc/types.js";
import { getModel, parseWords, type ParserModel } from "../../parse/index.js";

/**
 * A dateline opening the sentence ("BRUSSELS:", "KYIV, Ukraine —"): capitalised
 * place words, then a colon or dash, within the first few tokens. The
 * treebanks have no datelines, so the parser reads them as part of the clause
 * and misparses it; they are parsed apart instead. Returns the count of tokens
 * (colon or dash included), or 0.
 */
function datelineLength(toks: Token[]): number {
  if (toks.length < 4 || !/^[A-Z][A-Z.'-]+$/.test(toks[0].text)) return 0;
  for (let k = 1; k < Math.min(toks.length - 2, 7); k++) {
    const t = toks[k].text;
    if (t === ":" || t === "—" || t === "--" || t === "-" || t === "–") return k + 1;
    if (!/^[A-Z]/.test(t) && t !== "," && t !== ".") return 0;
  }
  return 0;
}

function fill(toks: Token[], model: ParserModel): number {
  const p = parseWords(toks.map((t) => t.text), model);
  let root = -1;
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    t.upos = p.upos[j];
    t.head = p.heads[j] < 0 ? -1 : toks[p.heads[j]].i;
    t.dep = p.deps[j];
    if (t.head === -1) root = t.i;
  }
  return root;
}

/** Fills token.upos/head/dep for every sentence of the document. */
export function parseDoc(doc: ArticleDoc): void {
  for (const s of doc.sentences) parseSentence(doc, s);
}

/**
 * Fills token.upos/head/dep for one sentence, once: the coder parses only the
 * sentences where a predicate stands (most sentences of a news story hold none,
 * and the parse is the costliest step of the coder).
 */
export function parseSentence(doc: ArticleDoc, s: Sentence): void {
  const { tokens } = doc;
  if (s.tokEnd <= s.tokStart || tokens[s.tokStart].dep !== undefined) return;
  const model = getModel();
  const toks: Token[] = [];
  for (let k = s.tokStart; k < s.tokEnd; k++) if (tokens[k].pos !== "SPACE") toks.push(tokens[k]);
  if (!toks.length) return;
  const dl = datelineLength(toks);
  if (dl === 0) { fill(toks, model); return; }
  // Dateline and clause parsed apart; the dateline's head word hangs from the clause's root.
  const mainRoot = fill(toks.slice(dl), model);
  const dateRoot = fill(toks.slice(0, dl), model);
  const r = tokens[dateRoot];
  r.head = mainRoot; r.dep = "dep";
}
