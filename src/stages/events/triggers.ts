// Event triggers: where in a sentence a predicate from data/verbs.json fires.
// Verbs match on their lemma and the words after them ("call on"); light
// verbs need their object noun nearby ("held talks", "sent condolences");
// event nouns and adjectives ("talks between", "ready to") match as written.
import type { Sentence, Token } from "../../doc/types.js";
import type { PatternForm, PatternIndex } from "./patterns.js";

export interface Trigger {
  form: PatternForm;
  /** Token index of the predicate word (the verb, or the event noun). */
  at: number;
  /** First token after the whole trigger (after the object noun for light verbs). */
  after: number;
  /** Token range of the light verb's object noun, if any. */
  object?: [number, number];
}

const VERBISH = new Set(["VERB", "AUX"]);
const TIME_WORD = /^(today|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

function wordAt(toks: Token[], k: number, w: string, first: boolean): boolean {
  const t = toks[k];
  if (!t) return false;
  if (first) return t.lemma === w || t.lower === w;
  return t.lower === w || t.lemma === w;
}

/** Finds an object phrase within a few tokens after a light verb. */
function findObject(toks: Token[], from: number, end: number, objects: string[][], byFirst?: Map<string, string[][]>): [number, number] | undefined {
  const limit = Math.min(end, from + 10);
  for (let k = from; k < limit; k++) {
    const t = toks[k];
    // only the objects that begin with this word (by its form or its lemma)
    let here = objects;
    if (byFirst) {
      const a = byFirst.get(t.lower), b = t.lemma !== t.lower ? byFirst.get(t.lemma) : undefined;
      // (both: in the pattern's own order, as without the index)
      here = a && b ? [...a, ...b].sort((x, y) => objects.indexOf(x) - objects.indexOf(y)) : a ?? b ?? [];
    }
    // the object noun itself first: "tear gas" may be tagged as a verb (but a participle is no
    // object: "had previously called it" is no call had)
    if (!(t.pos === "VERB" && /ed$/.test(t.lower))) for (const o of here) {
      if (o.every((w, j) => wordAt(toks, k + j, w, false) || (j === o.length - 1 && toks[k + j]?.lemma === w))) return [k, k + o.length];
    }
    // participles used as adjectives ("desperately needed relief supplies") do not end the phrase
    if (t.pos === "VERB" && !(/(ed|ing)$/.test(t.lower) && /^(NOUN|ADJ)$/.test(toks[k + 1]?.pos ?? ""))) return undefined;
    // "began Orient Shield, a large-scale joint military exercise": a name and its apposition
    if (t.pos === "PUNCT" && t.text !== "-" && !(t.text === "," && toks[k - 1]?.pos === "PROPN")) return undefined;
    if (t.pos === "ADP" && t.lower !== "of") return undefined;
  }
  return undefined;
}

/** Whether an article opens the noun phrase that ends at token `i`. */
function articleBefore(toks: Token[], i: number, start: number): boolean {
  for (let k = i - 1; k >= Math.max(start, i - 5); k--) {
    const t = toks[k];
    // (not "the": "the bloc cut off all assistance" has a past tense that looks like its base)
    if (t.pos === "DET") return /^(a|an|its|their|his|her)$/.test(t.lower);
    if (!(t.pos === "ADJ" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM")) return false;
  }
  return false;
}

/** All triggers of a sentence; a word may have several readings, most specific first. */
export function findTriggers(toks: Token[], s: Sentence, index: PatternIndex): Trigger[] {
  const out: Trigger[] = [];
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const t = toks[i];
    let forms = [...(index.byFirst.get(t.lemma) ?? []), ...(t.lemma !== t.lower ? index.byFirst.get(t.lower) ?? [] : [])];
    // a verb the tagger read as a noun ("Dar for his part honored the memory"): its inflection
    // gives it away when no determiner stands before it
    let retagged = false;
    const base = index.inflections.get(t.lower);
    const prev = toks[i - 1];
    if (base && t.pos !== "VERB" && t.lower.endsWith("ed") && prev && prev.pos !== "DET" && prev.pos !== "ADJ" && (prev.pos !== "PRON" || /^(he|she|it|they|we|i|who)$/.test(prev.lower))) {
      forms = (index.byFirst.get(base) ?? []).filter((f) => f.kind === "verb");
      retagged = true;
    }
    if (!forms.length) continue;
    // the second half of a hyphenated compound ("flood-hit", "war-torn", "Iran-backed") is a modifier, not a predicate
    if (prev?.text === "-" && prev.end === t.start && toks[i - 2]?.end === prev.start) continue;
    for (const f of forms) {
      // a multiword verb the tagger read as a noun ("protest against") counts only after a subject, not after "the"/"a"
      const nounAsVerb = t.pos === "NOUN" && f.words.length > 1 && !!prev && /^(PROPN|PRON|NOUN)$/.test(prev.pos);
      if (f.kind === "verb" && !retagged && !VERBISH.has(t.pos) && !nounAsVerb) {
        // wink sometimes tags a verb as a noun after a name ("Trump telephoned"); accept when a name precedes
        // (dyad's own tagger, where the parser ran, reads it as a verb: "Thai police arrest a student leader")
        const prev = toks[i - 1];
        // (and a sentence with no verb yet, whose noun is followed by what opens an object: "Thai police
        // arrest a student leader", "a court in Uganda sentences a poacher": the present tense of a summary)
        const objectNext = /^(DET|NUM|PROPN|ADJ|PRON)$/.test(toks[i + 1]?.pos ?? "");
        const noVerbYet = t.pos === "NOUN" && objectNext && !!prev && /^(NOUN|PROPN)$/.test(prev.pos) && !toks.slice(s.tokStart, i).some((x) => x.pos === "VERB" || x.pos === "AUX");
        if (!noVerbYet && !(t.upos === "VERB" && t.pos === "NOUN" && /^(DET|NUM|PROPN|ADJ|PRON|NOUN)$/.test(toks[i + 1]?.pos ?? "")) && (!(t.pos === "NOUN" || t.pos === "ADJ" || t.pos === "PROPN") || !prev || !(prev.pos === "PROPN" || prev.pos === "PRON"))) continue;
      }
      if (f.kind === "noun" && t.pos !== "NOUN" && t.pos !== "PROPN") continue;
      // a base form closing a noun phrase begun by an article is a noun ("an Afghan Air Force strike")
      if (f.kind === "verb" && (t.lower === t.lemma || t.lower === t.lemma + "s") && articleBefore(toks, i, s.tokStart)) continue;
      // an attributive participle ("the party founded by jailed former prime minister …") is no predicate
      // ("the internationally recognised government" too)
      const prevNonAdv = prev?.pos === "ADV" ? toks[i - 2] : prev;
      if (f.kind === "verb" && /ed$/.test(t.lower) && (/^(ADP|DET|PART)$/.test(prevNonAdv?.pos ?? "") || (prev?.text === "-" && prev.start === toks[i - 2]?.end)) && /^(NOUN|ADJ|PROPN)$/.test(toks[i + 1]?.pos ?? "")) continue;
      // an adverb or a day may stand between a verb and its particle: "spoke today with", "met briefly with"
      let gap = 0;
      if (f.kind === "verb" && f.words.length > 1) while (gap < 2 && !wordAt(toks, i + 1 + gap, f.words[1], false) && (toks[i + 1 + gap]?.pos === "ADV" || TIME_WORD.test(toks[i + 1 + gap]?.lower ?? ""))) gap++;
      if (!f.words.every((w, j) => (j === 0 && retagged) || wordAt(toks, i + j + (j > 0 ? gap : 0), w, j === 0))) continue;
      let after = i + f.words.length + gap;
      let object: [number, number] | undefined;
      if (f.objects) {
        object = findObject(toks, after, s.tokEnd, f.objects, f.objectsByFirst);
        if (!object) continue;
        if (!f.objectIsActor) after = object[1];
      }
      out.push({ form: f, at: i, after, object });
    }
  }
  return out;
}
