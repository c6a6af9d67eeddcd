// Naming as judgement: "Corbyn called the move a 'smash and grab on our
// democracy'", "the ministry characterized the attack as 'a serious
// violation'", "calls the protesters terrorists". A verb of naming with an
// object and a complement is a criticism (ACCUSE) when the complement is
// negative and praise (SUPPORT) when it is clearly positive; the polarity comes
// from wink-nlp's sentiment lexicon, not from word lists of our own. The one
// judged is the object when it is an actor, else the actor its phrase belongs
// to ("May's proposed Brexit deal"), else whoever did the act it takes up ("the
// move").
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import type { Actor, EventCandidate, Token } from "../../doc/types.js";
import { findSubject } from "./arguments.js";
import { anaphoricTarget, type SentenceScope } from "./discourse.js";

/** Verbs that name or characterise their object: "called it X", "described Y as Z". */
const NAMING = new Set(["call", "describe", "characterize", "characterise", "label", "brand", "term", "dub", "deem"]);
const QUOTE = /^["“”'‘’]$/;

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
/** A sentiment scorer of its own: the analyser's instance runs without the sentiment step. */
function sentimentOf(text: string): number {
  if (!nlp) nlp = winkNLP(model, ["sentiment"]);
  return nlp.readDoc(text).out(nlp.its.sentiment) as unknown as number;
}

export interface Naming {
  verb: number;
  /** Token range of the object phrase. */
  object: [number, number];
  /** Token range of the complement that names it. */
  complement: [number, number];
}

/** The object and complement of a verb of naming at `v`, if the words after it have that shape. */
export function namingAt(toks: Token[], v: number, sentEnd: number): Naming | undefined {
  if (!NAMING.has(toks[v].lemma) || toks[v].pos === "NOUN") return undefined;
  // the object: a pronoun, or a noun phrase (determiners, possessives, adjectives, nouns, names)
  let k = v + 1;
  if (k >= sentEnd) return undefined;
  if (toks[k].pos === "PRON" && !/^(his|her|its|their|our|my|your)$/.test(toks[k].lower)) k++;
  else {
    // (a participle before a noun is an adjective: "May's proposed Brexit deal")
    const adjectival = (t: Token) => t.pos === "VERB" && /(ed|en)$/.test(t.lower) && /^(NOUN|PROPN|ADJ)$/.test(toks[t.i + 1]?.pos ?? "");
    while (k < sentEnd && (/^(DET|ADJ|NUM|NOUN|PROPN|PART)$/.test(toks[k].pos) || adjectival(toks[k]) || /^(his|her|its|their|our)$/.test(toks[k].lower) || toks[k].text === "-" || toks[k].lower === "of") && !QUOTE.test(toks[k].text)) {
      // the complement's article starts a new phrase: "called the move a smash and grab"
      if (k > v + 1 && /^(a|an)$/.test(toks[k].lower)) break;
      k++;
    }
  }
  const objectEnd = k;
  if (objectEnd === v + 1) return undefined;
  // the complement: "as …", a quotation, or a noun phrase opened by an article or an adjective
  let c = k;
  if (toks[c]?.lower === "as") c++;
  const opener = toks[c];
  if (!opener || !(QUOTE.test(opener.text) || /^(DET|ADJ|NOUN)$/.test(opener.pos))) return undefined;
  if (opener.pos === "DET" && !/^(a|an)$/.test(opener.lower) && toks[k]?.lower !== "as") return undefined;
  let e = c;
  while (e < sentEnd && e < c + 14 && !(toks[e].text === "," && !QUOTE.test(toks[e - 1]?.text ?? "")) && toks[e].text !== ";" && !(toks[e].pos === "CCONJ" && toks[e + 1]?.pos === "VERB") && toks[e].text !== ".") e++;
  if (e === c) return undefined;
  return { verb: v, object: [v + 1, objectEnd], complement: [c, e] };
}

/** Events of naming in one sentence: ACCUSE for a negative name, SUPPORT for a clearly positive one. */
export function namingEvents(scope: SentenceScope, earlier: EventCandidate[]): EventCandidate[] {
  const { toks, ms, s, date } = scope;
  const out: EventCandidate[] = [];
  for (let v = s.tokStart; v < s.tokEnd; v++) {
    const n = namingAt(toks, v, s.tokEnd);
    if (!n) continue;
    const text = toks.slice(n.complement[0], n.complement[1]).map((t) => t.text).join(" ");
    const score = sentimentOf(text);
    const type = score <= -0.3 ? "ACCUSE" : score >= 0.5 ? "SUPPORT" : undefined;
    if (!type) continue;
    const source = findSubject(toks, ms, v, s.tokStart).map((m) => m.actor).find((a): a is Actor => !!a);
    if (!source) continue;
    const inObject = ms.filter((m) => m.tokStart >= n.object[0] && m.tokEnd <= n.object[1] && (m.actor || m.members?.length));
    let target: Actor | undefined = inObject[0]?.actor ?? inObject[0]?.members?.[0];
    if (!target) target = anaphoricTarget(scope, n.object[0], source, earlier);
    if (!target || (target.country === source.country && target.sector === source.sector && !target.role && !source.role)) continue;
    out.push({ type, cameo: type === "ACCUSE" ? "111" : "051", source, target, sent: s.i, trigger: v, pattern: `naming-${type.toLowerCase()}`, date, confidence: 0.6 });
  }
  return out;
}

/** Whether the verb at `v` names its object ("called it a provocation"): then it is no phone call. */
export function isNaming(toks: Token[], v: number, sentEnd: number): boolean {
  const n = namingAt(toks, v, sentEnd);
  if (!n) return false;
  // "called Putin a day after the attack" is a call: the complement must judge (a quotation, "as …", a sentiment)
  const first = toks[n.complement[0]];
  // ("called it unlikely that …": no one phones "it")
  if (QUOTE.test(first.text) || toks[n.complement[0] - 1]?.lower === "as" || /^(it|this|that)$/.test(toks[v + 1].lower)) return true;
  return Math.abs(sentimentOf(toks.slice(n.complement[0], n.complement[1]).map((t) => t.text).join(" "))) >= 0.3;
}
