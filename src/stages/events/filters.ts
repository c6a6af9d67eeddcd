// Factuality of a predicate: negated, hypothetical, future, embedded under
// another act ("urged X to release"), or recalled as background. The guideline
// codes cooperative acts announced for the future as AGREE and drops future
// conflict unless it is stated as a threat.
import type { Token } from "../../doc/types.js";

export type Factuality = "fact" | "future" | "negated" | "hypothetical" | "embedded" | "background";

const NEGATORS = new Set(["not", "n't", "never", "no", "neither", "nor", "without"]);
/** Modals of the future ("will visit", reported "would work"): cooperation so announced is AGREE. */
const FUTURE_MODALS = new Set(["will", "would", "'ll", "shall", "wo"]);
/** Modals of possibility and obligation: the act has not happened and is not promised. */
const OTHER_MODALS = new Set(["could", "may", "might", "should", "must", "can", "ought"]);
/** Words that put the infinitive after them in the future: "plans to visit", "is due to sign". */
const FUTURE_GOVERNORS = new Set([
  "plan", "expect", "due", "set", "going", "agree", "decide", "offer", "promise", "pledge", "vow", "hope", "want", "intend",
  "seek", "aim", "prepare", "ready", "willing", "determined", "invite", "scheduled", "slated", "poised", "likely", "keen", "eager",
  "propose", "wish", "look", "resolve", "commit", "prepared", "expected", "planned", "scheduled", "right", "threaten", "vow", "about",
]);
/** Verbs that make the act under them unreal: "refused to meet", "failed to agree". */
const NEGATING_GOVERNORS = new Set(["refuse", "fail", "decline", "deny", "reject", "avoid", "stop", "cease", "halt", "oppose", "resist", "prevent"]);
const CONDITIONAL = new Set(["if", "unless", "whether", "lest"]);
/** Verbs of remembering: the act they govern lies in the past. */
const RECALL = new Set(["recall", "remember", "describe", "refer", "mention", "cite", "commemorate", "mark", "reflect"]);
const PAST_ADJ = new Set(["historic", "previous", "earlier", "last", "past", "former", "late"]);
const PAST_ADVERBS = new Set(["previously", "once", "long", "formerly"]);

/**
 * Classifies the predicate at `v` from the words before it in its clause
 * (`from` is where the clause's subject ends, or the sentence start).
 */
export function factuality(toks: Token[], v: number, from: number, sentStart: number, isNoun: boolean): Factuality {
  // a question asks whether it happened ("Will Iran talk to the US?"); a quoted one is someone's words, checked below as any
  if (isQuestion(toks, v)) return "hypothetical";
  const start = Math.max(sentStart, Math.min(from, v - 1), v - 6);
  let future = false;
  for (let k = start; k < v; k++) {
    const w = toks[k].lower;
    if (NEGATORS.has(w) && !(w === "no" && toks[k + 1]?.lower === "longer")) return "negated";
    if (FUTURE_MODALS.has(w) && toks[k].pos !== "NOUN") future = true;
    if (OTHER_MODALS.has(w) && (toks[k].pos === "AUX" || toks[k].pos === "VERB")) return "hypothetical";
  }
  if (isNoun) {
    for (let k = Math.max(sentStart, v - 3); k < v; k++) if (PAST_ADJ.has(toks[k].lower)) return "background";
  }
  // "described the visit of … to pay tribute …": the nouns and infinitives a verb of remembering governs lie in the past
  const nonFinite = isNoun || toks[v - 1]?.lower === "to" || toks[v].lower.endsWith("ing");
  if (nonFinite) for (let k = sentStart; k < v; k++) if (RECALL.has(toks[k].lemma) && toks[k].pos === "VERB") return "background";
  // infinitive: "to" right before the verb; what governs it decides
  const k = infinitiveMarker(toks, v, sentStart);
  if (toks[k]?.lower === "to" && toks[k].pos === "PART") {
    for (let g = k - 1; g >= Math.max(sentStart, k - 6); g--) {
      const t = toks[g];
      if (NEGATING_GOVERNORS.has(t.lemma)) return "negated";
      if (FUTURE_GOVERNORS.has(t.lemma) || FUTURE_GOVERNORS.has(t.lower)) { future = true; break; }
      if (t.pos === "VERB" || t.pos === "ADJ") break;
    }
  }
  for (let g = Math.max(sentStart, v - 12); g < v; g++) {
    const t = toks[g];
    if (CONDITIONAL.has(t.lower)) return "hypothetical";
  }
  // "since he was pardoned by Trump": a clause of "since" tells what came before (not "since Monday")
  for (let g = v - 1; g >= Math.max(sentStart, v - 8); g--) {
    if (toks[g].lower === "since" && /^(PRON|PROPN|DET|NOUN)$/.test(toks[g + 1]?.pos ?? "") && !/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|last|early|late)$/.test(toks[g + 1].lower)) return "background";
    if (toks[g].text === "," || toks[g].text === ";") break;
  }
  // "fighters who had been held in Saudi Arabia": a relative clause in the pluperfect describes, it does not report
  // ("the president had previously called it …", "had earlier met": told as what came before)
  for (let g = v - 1; g >= Math.max(sentStart, v - 4); g--) {
    if (toks[g].lower === "had" && /^(who|which|that)$/.test(toks[g - 1]?.lower ?? "")) return "background";
    if (toks[g].lower === "had" && toks.slice(g + 1, v).some((t) => PAST_ADVERBS.has(t.lower))) return "background";
    if (!(toks[g].pos === "AUX" || toks[g].pos === "ADV" || toks[g].lower === "had")) break;
  }
  return future ? "future" : "fact";
}

/** Whether the clause holding `v` ends in a question mark (outside quotation marks). */
function isQuestion(toks: Token[], v: number): boolean {
  const sent = toks[v].sent;
  for (let k = v + 1; k < toks.length && toks[k].sent === sent; k++) {
    const w = toks[k].text;
    if (w === "?") return true;
    if (w === "." || w === "!" || w === ";" || /^["“”»«]$/.test(w)) return false;
  }
  return false;
}

/**
 * Where the "to" of an infinitive at `v` would stand: before adverbs, and before "help"
 * ("to help defend Saudi Arabia" is as much the governing act's content as "to defend").
 */
function infinitiveMarker(toks: Token[], v: number, sentStart: number): number {
  let k = v - 1;
  while (k > sentStart && toks[k].pos === "ADV") k--;
  if (toks[k]?.lemma === "help" && toks[k - 1]?.lower === "to") k--;
  // a passive infinitive: "called for Bazoum to be freed"
  if (toks[k]?.lower === "be" && toks[k - 1]?.lower === "to") k--;
  return k;
}

/** Acts whose infinitive complement is not itself done: asked, promised, threatened, refused. */
const GOVERNING_TYPES = new Set(["REQUEST", "AGREE", "THREATEN", "REJECT", "ACCUSE"]);

/** True when a trigger is the complement of another event predicate ("called on X to release"). */
export function isEmbedded(toks: Token[], v: number, sentStart: number, triggerAt: Map<number, string>, isNoun = false): boolean {
  if (isNoun) {
    // an event noun inside another predicate's phrase: "agreed to restart talks", "held talks"
    for (let g = v - 1; g >= Math.max(sentStart, v - 6); g--) {
      if (triggerAt.has(g)) return true;
      // "arrested 49 people at a demonstration": a noun in a place or time phrase is its own event
      if (toks[g].pos === "ADP" && toks[g].lower !== "of") break;
      if (toks[g].text === "," || toks[g].text === ";" || toks[g].pos === "SCONJ") break;
    }
    return false;
  }
  let k = infinitiveMarker(toks, v, sentStart);
  if (!(toks[k]?.lower === "to" && toks[k].pos === "PART")) return false;
  for (let g = k - 1; g >= Math.max(sentStart, k - 10); g--) {
    // "urged X to release", "agreed to hold talks": the act is the governing one's content; but a
    // purpose ("called to congratulate Modi", "summoned the envoy to protest") is done as well
    const gov = triggerAt.get(g);
    // (the purpose of an act that is itself only promised or asked for is not done either:
    // "willing to send equipment to help defend Saudi Arabia")
    if (gov) return GOVERNING_TYPES.has(gov) || isEmbedded(toks, g, sentStart, triggerAt);
    if (toks[g].text === ";" || toks[g].text === ".") break;
  }
  return false;
}
