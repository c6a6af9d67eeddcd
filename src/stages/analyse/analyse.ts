// Analysis stage: sentences, tokens, POS tags and lemmas from wink-nlp, with
// character offsets back into the article text. wink-nlp keeps every character
// (token text plus its preceding whitespace), so offsets are a running sum.
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { ArticleDoc, ArticleInput, Sentence, Token } from "../../doc/types.js";
import { parseDoc } from "./parse.js";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

/** The wink-nlp instance is costly to build (model load), so one per thread. */
function getNlp(): Nlp {
  if (!nlp) nlp = winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

let tokenizer: Nlp | undefined;

/**
 * Lower-cased tokens of a short phrase exactly as the analyser splits text
 * ("Secretary-General" → secretary, -, general), so lexicon phrases match.
 */
export function tokenizePhrase(phrase: string): string[] {
  if (!tokenizer) tokenizer = winkNLP(model, []);
  return (tokenizer.readDoc(phrase).tokens().out() as string[]).map((w) => w.toLowerCase().replace(/’/g, "'"));
}

/** Tokenises, tags and splits an article into sentences. */
export function analyse(article: ArticleInput, opts: { parse?: "all" | "on-demand" } = {}): ArticleDoc {
  const n = getNlp();
  const its = n.its;
  const text = article.text;
  const wdoc = n.readDoc(text);
  const tokColl = wdoc.tokens();
  const words = tokColl.out() as string[];
  const spaces = tokColl.out(its.precedingSpaces) as string[];
  const pos = tokColl.out(its.pos) as string[];
  const lemmas = tokColl.out(its.lemma as never) as unknown as string[];
  const tokens: Token[] = new Array(words.length);
  let offset = 0;
  for (let i = 0; i < words.length; i++) {
    offset += spaces[i].length;
    const w = words[i];
    tokens[i] = { i, text: w, lower: w.toLowerCase(), lemma: lemmas[i], pos: pos[i], start: offset, end: offset + w.length, sent: 0 };
    offset += w.length;
  }
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [a, b] of spans) {
    // Skip whitespace-only "sentences" that wink makes of blank lines.
    let s = a, e = b;
    while (s <= e && tokens[s].pos === "SPACE") s++;
    while (e >= s && tokens[e].pos === "SPACE") e--;
    if (s > e) continue;
    const idx = sentences.length;
    for (let k = a; k <= b; k++) tokens[k].sent = idx;
    const start = tokens[s].start, end = tokens[e].end;
    sentences.push({ i: idx, start, end, tokStart: s, tokEnd: e + 1, text: text.slice(start, end) });
  }
  const doc: ArticleDoc = { article, text, sentences, tokens, mentions: [], events: [] };
  // Dependency parse (tokens' upos/head/dep), so every later stage can read the tree.
  // ("on-demand": the caller parses the sentences it needs with parseSentence)
  if (opts.parse !== "on-demand") parseDoc(doc);
  return doc;
}
