// What the words around a predicate say about its arguments: who is speaking
// (quotes, "X said …"), what a statement asks or threatens ("X said Y must …",
// "warned that it would …"), and which earlier act a noun like "the decision"
// takes up. Pure functions over one sentence's tokens and mentions.
import type { Actor, EventCandidate, PlovType, Sentence, Token } from "../../doc/types.js";
import type { FoundMention } from "../actors/mentions.js";
import { findSubject, prepBefore } from "./arguments.js";

/** One sentence as the event stage sees it. */
export interface SentenceScope {
  toks: Token[];
  /** The sentence's mentions, in order. */
  ms: FoundMention[];
  s: Sentence;
  /** The article date, for events made here. */
  date: string;
}

const QUOTE_CLOSE = /["”]/;
const SPEECH_VERBS = new Set(["say", "add", "tell", "write", "state", "declare", "quote", "insist", "stress", "note", "warn"]);
const CLAIM_VERBS = new Set(["say", "claim", "allege", "report", "tell", "state", "insist", "charge", "add"]);
const ANNOUNCE_VERBS = new Set(["say", "announce", "warn", "vow", "declare", "state", "tell", "threaten", "insist", "add", "pledge"]);
const DEONTIC_SPEECH = new Set(["say", "declare", "reiterate", "insist", "stress", "tell", "add", "state", "warn", "write", "argue", "demand", "urge", "maintain"]);
/** Words of a short time or place phrase between a verb of saying and its clause. */
const TIME_WORD = /^(on|here|there|today|yesterday|tonight|late|early|last|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend)$/;
/** Nouns that take up an act already reported: "condemned the decision", "rejected the move". */
const EVENT_ANAPHORS = new Set(["decision", "move", "step", "measure", "sanction", "action", "attack", "strike", "statement", "remark", "comment", "expulsion", "ban", "resolution", "accusation", "allegation", "claim", "announcement", "deployment", "arrest", "raid", "drill", "exercise", "visit", "offensive", "bombing", "shelling", "incursion", "provocation", "threat", "demand", "ultimatum", "sentence", "verdict"]);

/** "We" and "our" in a quote: the speaker named after the quote, or the last subject. */
export function speakerFor(m: FoundMention, sentMentions: FoundMention[], toks: Token[], prevSubject?: Actor): Actor | undefined {
  const s = m.sent;
  let closeAt = -1;
  for (let k = m.tokStart + 1; k < toks.length && toks[k].sent === s; k++) if (QUOTE_CLOSE.test(toks[k].text)) { closeAt = k; break; }
  if (closeAt >= 0) {
    // '"…," Choi said' / '"…," said the minister' / '"…," Touray was quoted as saying'
    const speech = (k: number) => toks[k] && SPEECH_VERBS.has(toks[k].lemma);
    const after = sentMentions.find((x) => x.tokStart > closeAt && x.tokStart <= closeAt + 4 && x.actor &&
      (speech(x.tokEnd) || speech(x.tokEnd + 1) || speech(x.tokStart - 1)));
    if (after?.actor) return after.actor;
    if (toks.slice(closeAt, closeAt + 6).some((t) => SPEECH_VERBS.has(t.lemma))) return undefined;
  }
  return prevSubject;
}

/** The subject of a verb of saying before token `at` ("X said …", "…, saying …"). */
export function speakerBefore({ toks, ms, s }: SentenceScope, at: number): Actor | undefined {
  for (let k = at - 1; k >= s.tokStart; k--) {
    if ((toks[k].pos === "VERB" || toks[k].pos === "NOUN") && CLAIM_VERBS.has(toks[k].lemma)) {
      return findSubject(toks, ms, k, s.tokStart)[0]?.actor;
    }
  }
  return undefined;
}

/** Whether the act at `at` is announced by the one who would do it ("said they would boycott …"). */
export function announcedBySource({ toks, ms, s }: SentenceScope, at: number, source?: Actor): boolean {
  for (let k = at - 1; k >= s.tokStart; k--) {
    if (!(ANNOUNCE_VERBS.has(toks[k].lemma) && (toks[k].pos === "VERB" || toks[k].pos === "NOUN"))) continue;
    const speaker = findSubject(toks, ms, k, s.tokStart)[0]?.actor;
    return !!speaker && !!source && speaker.country === source.country;
  }
  return false;
}

/**
 * "He said Niger's soldiers should go back to their barracks", "declared that China must drop
 * barriers": a statement that another party must or should act asks it to (REQUEST).
 */
export function deonticRequests({ toks, ms, s, date }: SentenceScope): EventCandidate[] {
  const evs: EventCandidate[] = [];
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    if (!(toks[k].pos === "VERB" && DEONTIC_SPEECH.has(toks[k].lemma))) continue;
    let j = k + 1;
    // past a time or place phrase: "said on Tuesday that", "declared here Wednesday that"
    while (j < s.tokEnd && j < k + 5 && TIME_WORD.test(toks[j].lower) && !ms.some((m) => m.tokStart === j)) j++;
    if (toks[j]?.lower !== "that") j = k + 1;
    if (toks[j]?.lower === "that") j++;
    const y = ms.find((m) => m.tokStart >= j && m.tokStart <= j + 2 && m.actor && m.kind !== "pronoun" && !m.parts.possessive);
    if (!y?.actor) continue;
    const modal = toks[y.tokEnd];
    const must = !!modal && (/^(must|should)$/.test(modal.lower) || (/^(has|have|needs|need)$/.test(modal.lower) && toks[y.tokEnd + 1]?.lower === "to"));
    if (!must || (toks[y.tokEnd + 1]?.lower === "not" && toks[y.tokEnd + 2]?.lower === "be")) continue;
    const speaker = findSubject(toks, ms, k, s.tokStart)[0]?.actor;
    if (!speaker || speaker.country === y.actor.country) continue;
    evs.push({ type: "REQUEST", cameo: "100", source: speaker, target: y.actor, sent: s.i, trigger: k, pattern: "deontic-statement", date, confidence: 0.6 });
  }
  return evs;
}

/**
 * The target named in a "that"-clause after a predicate ("warned that it would hit back if
 * Washington …"): the first actor that is neither the speaker's own side nor a place.
 */
export function complementTarget({ toks, ms, s }: SentenceScope, from: number, type: PlovType, speaker?: Actor): FoundMention | undefined {
  let k = from;
  while (k < s.tokEnd && k < from + 6 && toks[k].lower !== "that" && toks[k].text !== ",") k++;
  if (k >= s.tokEnd || k >= from + 6) return undefined;
  // a threat speaks of what someone would do: a clause about conditions
  // ("warned that conditions were deteriorating") names no target
  const clause = toks.slice(k, Math.min(s.tokEnd, k + 20));
  if (type === "THREATEN" && !clause.some((t) => /^(will|would|'ll|wo|if|unless|could)$/.test(t.lower))) return undefined;
  // not the speaker's own side: "warned that the police would …" names no target
  const own = (a: Actor) => !!speaker && a.country === speaker.country && !["CIV", "OPP", "REB", "PTY", "MED", "NGO"].includes(a.sector);
  // places ("in Niger") are not who a threat is aimed at; the agent ("by the bloc") often is
  const locative = (m: FoundMention) => /^(in|at|on|near|from|to|across|into|inside|within)$/.test(prepBefore(toks, m, s.tokStart) ?? "");
  return ms.find((m) => m.tokStart > k && m.tokStart < k + 20 && m.kind !== "pronoun" && m.actor && !m.parts.modifierOnly && !m.parts.possessive && !own(m.actor) && !locative(m));
}

/** The doer of the last event reported, when the object is a noun like "the decision" or "the move". */
export function anaphoricTarget({ toks, ms, s }: SentenceScope, from: number, source: Actor, earlier: EventCandidate[]): Actor | undefined {
  let k = from;
  while (k < s.tokEnd && k < from + 4 && (toks[k].pos === "DET" || toks[k].pos === "ADJ" || toks[k].pos === "PRON")) k++;
  if (!toks[k] || !EVENT_ANAPHORS.has(toks[k].lemma) || ms.some((m) => m.tokStart > k && m.tokStart <= k + 2)) return undefined;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    if (e.sent < s.i - 3) break;
    if (e.source.country !== source.country) return e.source;
  }
  return undefined;
}

const AID_GOODS = new Set(["aid", "supplies", "relief", "humanitarian", "goods", "medicine", "medicines", "food", "tents", "assistance", "vaccines", "equipment"]);
const AID_VEHICLES = new Set(["aircraft", "plane", "planes", "flight", "flights", "ship", "ships", "convoy", "convoys", "truck", "trucks", "lorries", "lorry", "shipment", "consignment", "cargo"]);
const DEPART = new Set(["leave", "depart"]);
const ARRIVE = new Set(["arrive", "land", "reach", "head", "fly", "sail", "travel", "set"]);

/**
 * "A second aircraft loaded with humanitarian supplies is set to leave Azerbaijan for Türkiye",
 * "a convoy carrying aid from Jordan arrived in Gaza": aid told as a shipment on the move is
 * given by the country it leaves to the one it goes to (AID).
 */
export function aidShipments({ toks, ms, s, date }: SentenceScope): EventCandidate[] {
  const words = toks.slice(s.tokStart, s.tokEnd);
  if (!words.some((t) => AID_VEHICLES.has(t.lower)) || !words.some((t) => AID_GOODS.has(t.lower))) return [];
  for (let k = s.tokStart; k < s.tokEnd; k++) {
    const t = toks[k];
    if (t.pos !== "VERB" || !(DEPART.has(t.lemma) || ARRIVE.has(t.lemma))) continue;
    const after = ms.filter((m) => m.tokStart > k && m.tokStart <= k + 12 && m.actor && m.actor.country !== "IGO" && !m.parts.possessive);
    const prepOf = (m: FoundMention) => prepBefore(toks, m, s.tokStart);
    const from = DEPART.has(t.lemma) ? after.find((m) => !prepOf(m)) ?? after.find((m) => prepOf(m) === "from") : after.find((m) => prepOf(m) === "from");
    // "for earthquake-stricken Türkiye": the destination's preposition may stand a few words back
    const destPrep = (m: FoundMention) => {
      for (let j = m.tokStart - 1; j >= Math.max(s.tokStart, m.tokStart - 5); j--) {
        if (/^(for|to|in|into)$/.test(toks[j].lower)) return true;
        if (toks[j].pos === "PUNCT" && toks[j].text !== "-") return false;
      }
      return false;
    };
    const to = after.find((m) => m !== from && destPrep(m));
    if (!from?.actor || !to?.actor || from.actor.country === to.actor.country) continue;
    return [{ type: "AID", cameo: "073", source: from.actor, target: to.actor, sent: s.i, trigger: k, pattern: "aid-shipment", date, confidence: 0.6 }];
  }
  return [];
}
