// Arguments of a predicate without a parser: the subject is the nearest actor
// phrase to the left that is not inside a prepositional phrase nor another
// verb's object; the target sits in the pattern's slot to the right (direct
// object or a given preposition). Coordination ("A and B", "A, B and C")
// widens either side; passive voice ("was attacked by A") swaps them.
import type { Token } from "../../doc/types.js";
import type { FoundMention } from "../actors/mentions.js";

/** Verbs whose following noun phrase is the subject of a new clause, not an object. */
const SPEECH = new Set(["say", "add", "state", "announce", "claim", "believe", "note", "declare", "insist", "report", "tell", "write", "stress", "confirm", "reveal", "argue", "think", "hope", "fear", "suggest", "assert", "allege", "warn", "accuse", "deny"]);
const SKIP_BACK = new Set(["due", "set", "expected", "scheduled", "going", "likely", "slated", "poised", "about", "able", "ready", "willing", "keen", "eager", "planning", "trying", "seeking", "hoping", "preparing", "also", "then", "later", "further", "again", "swiftly", "quickly", "immediately", "reportedly", "jointly", "separately", "today", "yesterday", "already", "formally", "strongly", "sharply", "publicly", "officially", "personally", "repeatedly", "subsequently", "nonetheless", "however", "too", "once", "duly", "firmly", "earlier", "recently", "now"]);
const CLAUSE_STOP = new Set([";", "while", "whereas", "because", "although", "though", "but", "unless", "if", "since", "after", "before", "when", "as"]);
const BE = new Set(["be", "get"]);
const POSS_PRON = new Set(["his", "her", "its", "their", "our", "my", "your"]);
const RELATIVE = new Set(["that", "which", "who"]);
const CLAUSE_CONJ = new Set(["as", "after", "before", "since", "until", "because", "while", "once", "when", "though", "although", "if", "unless"]);
/** Participles that tie a thing to its owner or doer: "a building used by", "the march organised by". */
const OWNING = new Set(["belonging", "linked", "used", "owned", "run", "operated", "controlled", "backed", "staged", "organised", "organized", "led", "held", "called"]);
/** Nouns that speak or act for the actor in their "of"/"for" phrase. */
const TRANSPARENT_HEADS = new Set(["thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "score", "scores", "group", "crowd", "number", "office", "spokesman", "spokeswoman", "spokesperson", "representative", "delegation", "embassy", "government", "administration", "team", "lawyers", "lawyer", "envoy", "statement", "leadership", "supporters", "members", "forces", "troops", "ministry", "cabinet"]);

/** The noun right before the preposition that governs a mention ("the office of X" → office). */
function headBeforePrep(toks: Token[], m: FoundMention, sentStart: number): string | undefined {
  let k = m.tokStart - 1;
  while (k >= sentStart && toks[k].pos !== "ADP") k--;
  const h = toks[k - 1];
  return h && (h.pos === "NOUN" || h.pos === "NUM" || h.pos === "PROPN") ? h.lower : undefined;
}

export interface ArgMention { m: FoundMention; prep?: string }

/** The preposition governing a mention, looking back over determiners and adjectives. */
export function prepBefore(toks: Token[], m: FoundMention, sentStart: number): string | undefined {
  let k = m.tokStart - 1;
  for (;;) {
    while (k >= sentStart && (toks[k].pos === "DET" || toks[k].pos === "NUM" || toks[k].pos === "ADJ" || POSS_PRON.has(toks[k].lower) || (toks[k].pos === "ADV" && toks[k].lower !== "then"))) k--;
    // a hyphenated modifier: "to war-torn Mozambique", "against Iran-backed militias"
    // (the tagger may read either half as a verb: "war/VERB -/PUNCT torn/VERB")
    if (k - 1 > sentStart && toks[k].text === "-" && toks[k].start === toks[k - 1].end && toks[k + 1]?.start === toks[k].end) { k -= 2; continue; }
    if (k - 2 > sentStart && toks[k - 1].text === "-" && toks[k - 1].end === toks[k].start && toks[k - 2].end === toks[k - 1].start) { k -= 3; continue; }
    // quantifiers: "to more than 40,000 displaced people", "at least 18 people"
    if (k > sentStart && toks[k].lower === "than" && /^(more|less|fewer)$/.test(toks[k - 1].lower)) { k -= 2; continue; }
    if (k > sentStart && /^(least|most)$/.test(toks[k].lower) && toks[k - 1].lower === "at") { k -= 2; continue; }
    if (k >= sentStart && toks[k].lower === "at" && /^(least|most)$/.test(toks[k + 1]?.lower ?? "")) { k -= 1; continue; }
    if (k > sentStart && toks[k].lower === "to" && toks[k - 1].lower === "up" && toks[k + 1]?.pos === "NUM") { k -= 2; continue; }
    break;
  }
  if (k < sentStart) return undefined;
  const t = toks[k];
  // "as Israel resumed air strikes": a conjunction before a clause's subject is no preposition
  if (CLAUSE_CONJ.has(t.lower)) {
    let n = m.tokEnd;
    while (toks[n]?.pos === "ADV") n++;
    if (toks[n]?.pos === "VERB" || toks[n]?.pos === "AUX") return undefined;
  }
  // "infrastructure belonging to the Islamic Jihad": the owner inside an object phrase
  if ((t.lower === "to" || t.lower === "by") && OWNING.has(toks[k - 1]?.lower ?? "")) return "of";
  if (t.pos === "ADP" || t.lower === "to" || t.lower === "including") return t.lower;
  // an acronym in brackets after a name ("the Organization … (D-8)") is no argument of its own
  if (t.text === "(" || t.text === "[") return "(";
  return undefined;
}

function usable(m: FoundMention): boolean {
  if (m.parts.possessive) return false;
  return !!(m.actor || m.members?.length || (m.kind === "pronoun" && ["we", "us", "i"].includes(m.parts.pronoun!))) && !m.parts.modifierOnly && !m.parts.transparent;
}

/** Whether the verb at `v` is in the passive voice ("was attacked", "were killed"). */
export function isPassive(toks: Token[], v: number, sentStart: number): boolean {
  const t = toks[v];
  if (t.pos !== "VERB") return false;
  // irregular participles ("are shot dead", "was hit", "were struck") pass too; a form in -ing
  // or -s after "be" is progressive or no verb form at all
  if (!/(ed|en|wn|ht|lt|ne|id|un|ung)$/.test(t.lower) && (/(ing|s)$/.test(t.lower) || t.lower === t.lemma && !/^(hit|cut|put|set|shut|hurt|beat|cast|upset)$/.test(t.lower))) return false;
  for (let k = v - 1; k >= Math.max(sentStart, v - 3); k--) {
    const w = toks[k];
    if (BE.has(w.lemma) && (w.pos === "AUX" || w.pos === "VERB")) return true;
    if (w.pos !== "ADV" && w.pos !== "PART") return false;
  }
  return false;
}

/** Mentions coordinated with `m` on one side: "A, B and C". */
function coordinated(toks: Token[], ms: FoundMention[], idx: number, dir: 1 | -1): FoundMention[] {
  const out: FoundMention[] = [];
  let cur = ms[idx];
  for (let j = idx + dir; j >= 0 && j < ms.length; j += dir) {
    const next = ms[j];
    const [a, b] = dir === 1 ? [cur.tokEnd, next.tokStart] : [next.tokEnd, cur.tokStart];
    const between = toks.slice(a, b).map((t) => t.lower).filter((w) => w !== "the");
    const glue = between.join(" ");
    if (!(glue === "and" || glue === "," || glue === ", and" || glue === "as well as" || glue === "or" || glue === ", as well as")) break;
    if (dir === 1 && glue.endsWith("and") && toks[next.tokEnd]?.pos === "VERB" && toks[next.tokEnd]?.lemma !== "be") { /* "A and B met" is fine */ }
    if (!usable(next)) break;
    if (next.parts.appositive || cur.parts.appositive) { cur = next; continue; }
    out.push(next);
    cur = next;
  }
  return out;
}

/** Subject mentions of the predicate at token `v` (several when coordinated). */
export function findSubject(toks: Token[], ms: FoundMention[], v: number, sentStart: number, depth = 0): FoundMention[] {
  const inMention = (k: number) => ms.find((m) => m.tokStart <= k && k < m.tokEnd);
  // "Prague's decision to expel …": the doer of an infinitive after a noun is that noun's owner
  if (toks[v - 1]?.lower === "to" && toks[v - 2]?.pos === "NOUN" && !inMention(v - 2)) {
    let j = v - 2;
    while (j - 1 >= sentStart && /^(NOUN|ADJ)$/.test(toks[j - 1].pos) && !inMention(j - 1)) j--;
    const owner = inMention(j - 1);
    if (owner && usable(owner) && owner.tokEnd === j) return [owner];
    // no owner: "Moscow kept the right to respond" — the subject of the verb that has the noun
    let g = j - 1;
    while (g >= sentStart && toks[g].pos === "DET") g--;
    if (depth < 3 && g >= sentStart && toks[g].pos === "VERB") return findSubject(toks, ms, g, sentStart, depth + 1);
    return [];
  }
  let k = v - 1;
  while (k > sentStart && (toks[k].pos === "ADV" || toks[k].pos === "AUX" || toks[k].pos === "PART" || SKIP_BACK.has(toks[k].lower))) k--;
  // a participle clause (", killing …") or a coordinated verb phrase ("met X and praised Y"):
  // the subject is that of the verb before
  const participle = toks[v].lower.endsWith("ing") && toks[k]?.text === ",";
  if (depth < 3 && k > sentStart && (participle || toks[k].lower === "and" || toks[k].lower === ",") && !inMention(k - 1)?.parts.country) {
    // the verb it is coordinated with has the same shape: "said … had provoked … and cautioned"
    // joins "cautioned" to "said", not to "had provoked"
    const hasAux = (q: number) => toks[q - 1]?.pos === "AUX" || (toks[q - 1]?.pos === "ADV" && toks[q - 2]?.pos === "AUX");
    const auxHere = hasAux(v);
    for (let p = k - 1; p >= sentStart; p--) {
      if (toks[p].pos === "VERB" && !inMention(p) && (participle || hasAux(p) === auxHere || toks[p].lower.endsWith("ing"))) {
        // (after a verb of saying, names belong to what was said: "said Azerbaijan had provoked … and cautioned")
        const between = SPEECH.has(toks[p].lemma) ? [] : ms.filter((m) => m.tokStart > p && m.tokEnd <= k && usable(m) && !m.parts.appositive && !prepBefore(toks, m, sentStart) && !isObjectOfVerb(toks, m, sentStart));
        if (!between.length || participle) return findSubject(toks, ms, p, sentStart, depth + 1);
        break;
      }
    }
  }
  // a relative clause set off by commas before the verb ("The war, which also drew in state
  // forces, has killed …"): the subject stands before it
  let scanEnd = v;
  if (toks[k]?.text === ",") {
    for (let w = k - 1; w > sentStart + 1 && w > k - 25; w--) {
      if ((toks[w].lower === "which" || toks[w].lower === "who") && toks[w - 1].text === ",") { k = w - 2; scanEnd = w - 1; break; }
    }
  }
  // a relative clause ("fighting … that has killed"): the subject is what the pronoun stands for
  // ("that" right before a verb is a relative pronoun whatever its tag: a complementizer is followed by a subject)
  if (k >= sentStart && RELATIVE.has(toks[k].lower)) {
    const ante = ms.find((m) => m.tokEnd === k || (m.tokEnd === k - 1 && toks[k - 1].text === ","));
    return ante && usable(ante) ? [ante] : [];
  }
  // the noun phrase right before the verb is its subject: a non-actor there ("the earthquake
  // struck") means no actor acts; an actor modifying it ("Israeli air strikes") is the one acting
  const t = toks[k];
  if (k >= sentStart && (t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "NUM") && !inMention(k)) {
    let j = k;
    while (j - 1 >= sentStart && /^(NOUN|PROPN|ADJ|NUM)$/.test(toks[j - 1].pos) && !inMention(j - 1)) j--;
    let b = j - 1;
    const mod = b >= sentStart ? inMention(b) : undefined;
    if (mod && mod.tokEnd === j && usable(mod) && !mod.parts.possessive && !prepBefore(toks, mod, sentStart) && !isObjectOfVerb(toks, mod, sentStart)) return [mod];
    while (b >= sentStart && (toks[b].pos === "DET" || POSS_PRON.has(toks[b].lower))) b--;
    const before = b >= sentStart ? toks[b] : undefined;
    // an object of a participle ("ships escorting the mission were blocked") is not the subject either
    const participleObject = before?.pos === "VERB" && /(ing|ed)$/.test(before.lower);
    if (!before || !(before.pos === "ADP" || before.text === "," || before.lower === "'s" || before.lower === "’s" || participleObject)) return [];
  }
  for (let j = ms.length - 1; j >= 0; j--) {
    const m = ms[j];
    if (m.tokEnd > scanEnd) continue;
    const between = toks.slice(m.tokEnd, scanEnd);
    // a clause boundary between the mention and the verb: the subject had to come after it
    if (between.some((t) => CLAUSE_STOP.has(t.lower) && (t.pos === "SCONJ" || t.pos === "PUNCT" || t.lower === "but" || t.lower === "as" || t.lower === "when")) && !between.some((t) => t.pos === "VERB" || t.pos === "AUX")) {
      return [];
    }
    if (!usable(m)) continue;
    const prep = prepBefore(toks, m, sentStart);
    // "The office of Nepal's Prime Minister … conveyed": a head that only speaks for its owner
    if ((prep === "of" || prep === "for") && TRANSPARENT_HEADS.has(headBeforePrep(toks, m, sentStart) ?? "") && !between.some((t) => t.pos === "VERB")) return [m];
    // the agent of a participle on the subject: "rocket salvoes launched by militants … killed"
    if (prep === "by" && toks[m.tokStart - 1]?.lower === "by" && /ed$/.test(toks[m.tokStart - 2]?.lower ?? "") && !between.some((t) => t.pos === "VERB")) return [m];
    if (prep) continue;
    if (m.parts.appositive) continue;
    if (isObjectOfVerb(toks, m, sentStart)) continue;
    return [m, ...coordinated(toks, ms, j, -1)].reverse();
  }
  return [];
}

/** True when the mention directly follows a (non-speech) verb, i.e. is its object. */
export function isObjectOfVerb(toks: Token[], m: FoundMention, sentStart: number): boolean {
  let k = m.tokStart - 1;
  while (k >= sentStart && (toks[k].pos === "DET" || toks[k].pos === "ADJ" || toks[k].pos === "NUM" || toks[k].pos === "ADV")) k--;
  if (k < sentStart) return false;
  const t = toks[k];
  return t.pos === "VERB" && !SPEECH.has(t.lemma) && !BE.has(t.lemma);
}

/**
 * Target mentions of a trigger: the first slot (in the pattern's order) that
 * holds an actor, searched to the right of the trigger within its clause.
 */
export function findTarget(toks: Token[], ms: FoundMention[], from: number, slots: string[], sentEnd: number, skip: Set<FoundMention>): FoundMention[] {
  const limit = Math.min(sentEnd, from + 25);
  let clauseEnd = limit;
  for (let k = from; k < limit; k++) {
    const t = toks[k];
    if (t.text === ";" || (t.pos === "SCONJ" && CLAUSE_STOP.has(t.lower)) || t.lower === "while" || t.lower === "but") { clauseEnd = k; break; }
  }
  const cands = ms.filter((m) => m.tokStart >= from && m.tokStart < clauseEnd && !skip.has(m));
  // the nearest actor in any of the pattern's slots: "voiced concern over China's conduct …
  // a visit to Taiwan" takes China, though "to" comes before "over" in the slot list
  for (const m of cands) {
    if (!usable(m)) continue;
    const prep = prepBefore(toks, m, Math.max(0, from - 1));
    // the direct object may hold an "of" phrase: "appreciated the kindness of the people of Pakistan"
    // ("met in Abuja": after "in", a capital is where, not whom)
    const fits = slots.some((slot) => (slot === "obj" ? (!prep || prep === "of") && directObject(toks, from, m.tokStart) : prep === slot && !(slot === "in" && m.parts.countryFrom === "capital")));
    if (!fits) continue;
    const idx = ms.indexOf(m);
    return [m, ...coordinated(toks, ms, idx, 1)];
  }
  return [];
}

/** Only determiners, adjectives, nouns and "of"/"'s" between the predicate and the mention. */
export function directObject(toks: Token[], from: number, to: number): boolean {
  if (to - from > 10) return false;
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "NUM" || t.pos === "NOUN" || t.pos === "PROPN" || t.pos === "ADV" || POSS_PRON.has(t.lower) || t.lower === "of" || t.lower === "'s" || t.lower === "’s" || t.text === "-") continue;
    if (t.pos === "PART" && t.lower !== "to") continue;
    // quantifiers: "killed at least 18 people", "more than 40,000"
    if ((t.lower === "at" && /^(least|most)$/.test(toks[k + 1]?.lower ?? "")) || (t.lower === "than" && /^(more|less|fewer)$/.test(toks[k - 1]?.lower ?? "")) || (t.lower === "up" && toks[k + 1]?.lower === "to")) { if (t.lower !== "than") k++; continue; }
    // "rocket-launching infrastructure": a gerund modifying a noun
    if (t.pos === "VERB" && t.lower.endsWith("ing") && /^(NOUN|PROPN)$/.test(toks[k + 1]?.pos ?? "")) continue;
    // "infrastructure belonging to the Islamic Jihad", "a building used by the Health Ministry"
    if (OWNING.has(t.lower) && /^(to|by)$/.test(toks[k + 1]?.lower ?? "")) { k++; continue; }
    return false;
  }
  return true;
}
