// Dictionary coding: PETRARCH/TABARI verb patterns matched over a sentence's
// words, with actors and agents from PETRARCH/TABARI dictionaries. This is how
// a CAMEO user's own dictionaries code text as written for them: the verb's
// block gives the code, the first pattern that matches around the verb
// refines it, and $ / + / % in the pattern (else the subject before the verb
// and the first actor after it) give the source and target.
import type { Actor, ArticleDoc, EventCandidate, PlovType, Token } from "../doc/types.js";
import {
  petrCodeOn, petrSector, petrVerbForms, type PetrActor, type PetrAgent, type PetrElem, type PetrPattern, type PetrVerb,
  type PetrReadOptions, type PetrVerbBlock, type PetrVerbDict,
} from "./petrarch-dict.js";
import { readPetrarchActorFile, suiteCodesAllowed } from "./user-actors.js";

export interface PetrDictionaries {
  verbs: PetrVerbDict;
  actors: PetrActor[];
  agents: PetrAgent[];
}

/** An actor phrase found in the sentence, with its code on the day (agent merged in). */
export interface PetrMention {
  start: number;
  end: number;
  /** Codes it stands for ("ELR/GAL" gives two). */
  codes: string[];
  /** An agent with no actor ("officials"): its code is ---AGT. */
  bareAgent: boolean;
}

/** A compound of mentions ("Gondor and Osgiliath"). */
export interface PetrGroup {
  start: number;
  end: number;
  members: PetrMention[];
}

export interface PetrEvent {
  source: PetrMention;
  sourceCode: string;
  target: PetrMention;
  targetCode: string;
  code: string;
  /** Token index of the verb. */
  at: number;
  /** What matched: the block and pattern line. */
  rule: string;
}

interface Trie { next: Map<string, Trie>; value?: number }

function addPhrase(t: Trie, words: string[], value: number): void {
  let n = t;
  for (const w of words) {
    let c = n.next.get(w);
    if (!c) n.next.set(w, (c = { next: new Map() }));
    n = c;
  }
  if (n.value === undefined) n.value = value;
}

interface VerbEntry { block: PetrVerbBlock; verb: PetrVerb; words: string[]; head: number }

/** How far an element not joined to the one before may stand from it. */
const GAP = 8;
const BE = new Set(["IS", "ARE", "WAS", "WERE", "BE", "BEEN", "BEING", "'S", "AM"]);
/** Words that may stand between the members of a compound actor. */
const COMPOUND_GLUE = new Set([",", "AND", "OR", "NOR", "NEITHER", "EITHER", "BOTH", "THE", "A", "AN", "&"]);

const upper = (t: Token) => t.text.toUpperCase();

/** Words of a phrase as the tokenizer gives them: "GONDOR'S" → GONDOR 'S, "DIDN'T" → DID N'T. */
function splitWords(p: string): string[] {
  return p.toUpperCase().replace(/(\S)('S)\b/g, "$1 $2").replace(/(\S)(N'T)\b/g, "$1 $2").split(/\s+/).filter(Boolean);
}

export class PetrCoder {
  private actorTrie: Trie = { next: new Map() };
  private agentTrie: Trie = { next: new Map() };
  private verbIndex = new Map<string, VerbEntry[]>();
  private patterns = new Map<PetrVerbBlock, PetrPattern[]>();
  private synWords = new Map<string, string[][]>();

  constructor(private dict: PetrDictionaries) {
    dict.actors.forEach((a, i) => { for (const n of a.names) addPhrase(this.actorTrie, splitWords(n), i); });
    dict.agents.forEach((a, i) => { for (const n of a.names) addPhrase(this.agentTrie, splitWords(n), i); });
    for (const block of dict.verbs.blocks) {
      for (const verb of block.verbs) {
        const forms = verb.forms ?? petrVerbForms(verb.words[verb.head]).map((f) => verb.words.map((w, k) => (k === verb.head ? f : w)));
        if (verb.forms) forms.push(verb.words);
        for (const words of forms) {
          // an irregular form keeps the verb at the place the base form has it
          const head = Math.min(verb.head, words.length - 1);
          const e: VerbEntry = { block, verb, words, head };
          const l = this.verbIndex.get(words[head]);
          if (l) l.push(e); else this.verbIndex.set(words[head], [e]);
        }
      }
      // the most specific pattern first (more elements that must match), else file order
      const weight = (p: PetrPattern) => [...p.pre, ...p.post].filter((e) => e.kind !== "skip").length;
      this.patterns.set(block, [...block.patterns].sort((a, b) => weight(b) - weight(a) || a.line - b.line));
    }
  }

  /** A synset's alternatives as word lists. */
  private syn(name: string): string[][] {
    let w = this.synWords.get(name);
    if (!w) {
      const expand = (n: string, seen: Set<string>): string[][] => {
        if (seen.has(n)) return [];
        return (this.dict.verbs.synsets.get(n) ?? []).flatMap((alt) => {
          let acc: string[][] = [[]];
          for (const e of alt) {
            if (e.kind === "word") acc = acc.map((a) => [...a, ...splitWords(e.word)]);
            else if (e.kind === "syn") {
              const sub = expand(e.name, new Set([...seen, n]));
              acc = acc.flatMap((a) => sub.map((s) => [...a, ...s]));
            }
          }
          return acc;
        });
      };
      this.synWords.set(name, (w = expand(name, new Set()).filter((x) => x.length)));
    }
    return w;
  }

  /** Actor and agent phrases of a sentence, longest first, agents joined to the actor they qualify. */
  mentions(toks: Token[], from: number, to: number, date: string): PetrMention[] {
    type Raw = { start: number; end: number; actor?: number; agent?: number };
    const raw: Raw[] = [];
    const longest = (trie: Trie, i: number): [number, number] | undefined => {
      let n: Trie | undefined = trie, best: [number, number] | undefined;
      for (let k = i; k < to && n; k++) {
        n = n.next.get(upper(toks[k]));
        if (n?.value !== undefined) best = [k + 1, n.value];
      }
      return best;
    };
    for (let i = from; i < to; ) {
      const a = longest(this.actorTrie, i), g = longest(this.agentTrie, i);
      if (a && (!g || a[0] >= g[0])) { raw.push({ start: i, end: a[0], actor: a[1] }); i = a[0]; }
      else if (g) { raw.push({ start: i, end: g[0], agent: g[1] }); i = g[0]; }
      else i++;
    }
    // an agent qualifies the actor next to it: "Arnor cleric", "Gondor's government",
    // "the government of Gondor", "lawmakers in Fornost", "Osgiliath soldiers"
    const out: PetrMention[] = [];
    const used = new Set<Raw>();
    const between = (a: Raw, b: Raw) => toks.slice(a.end, b.start).map(upper);
    const withAgent = (actor: Raw, agent: Raw): string[] => {
      const ag = this.dict.agents[agent.agent!];
      return petrCodeOn(this.dict.actors[actor.actor!], date).split("/").map((c) => (ag.prefix ? ag.code + c : c + ag.code));
    };
    for (let k = 0; k < raw.length; k++) {
      const r = raw[k];
      if (used.has(r)) continue;
      const next = raw[k + 1];
      if (r.actor !== undefined && next?.agent !== undefined && !used.has(next)) {
        const gap = between(r, next);
        // adjectives between ("Gondor's main opposition group" is one agent phrase)
        if (gap.length <= 3 && gap.every((w, j) => (j === 0 && w === "'S") || /^[A-Z-]+$/.test(w)) && !gap.some((w) => COMPOUND_GLUE.has(w) || w === "OF" || w === "IN")) {
          out.push({ start: r.start, end: next.end, codes: withAgent(r, next), bareAgent: false });
          used.add(r).add(next);
          continue;
        }
      }
      if (r.agent !== undefined && next?.actor !== undefined) {
        const gap = between(r, next);
        if (gap.length === 0 || (gap.length <= 2 && /^(OF|IN|FROM)$/.test(gap[0]) && (gap.length === 1 || gap[1] === "THE"))) {
          out.push({ start: r.start, end: next.end, codes: withAgent(next, r), bareAgent: false });
          used.add(r).add(next);
          continue;
        }
      }
      if (r.actor !== undefined) out.push({ start: r.start, end: r.end, codes: petrCodeOn(this.dict.actors[r.actor], date).split("/"), bareAgent: false });
      else out.push({ start: r.start, end: r.end, codes: ["---" + this.dict.agents[r.agent!].code], bareAgent: true });
      used.add(r);
    }
    // a name right after its title or country ("Prime Minister Falastur", "Dagolath's … Telemar") is the same actor
    const merged: PetrMention[] = [];
    for (const m of out) {
      const prev = merged[merged.length - 1];
      if (prev && (m.start === prev.end || (upper(toks[prev.end]) === "'S" && m.start === prev.end + 1))) {
        if (prev.bareAgent && !m.bareAgent) merged[merged.length - 1] = { ...m, start: prev.start };
        else prev.end = m.end;
        continue;
      }
      merged.push(m);
    }
    return merged.filter((m) => !m.codes.every((c) => c === "---"));
  }

  /** Compounds: mentions joined by commas, and, or, nor and articles. */
  groups(toks: Token[], ms: PetrMention[]): PetrGroup[] {
    const out: PetrGroup[] = [];
    for (const m of ms) {
      const g = out[out.length - 1];
      const gap = g ? toks.slice(g.end, m.start) : [];
      if (g && gap.length && gap.some((t) => /^(AND|NOR|OR|&)$/.test(upper(t))) && gap.every((t) => COMPOUND_GLUE.has(upper(t)) || t.pos === "ADJ")) {
        g.members.push(m);
        g.end = m.end;
      } else if (g && gap.length && gap.every((t) => t.text === ",") && toks.slice(m.end).some((t, j) => j < 40 && /^(AND|NOR|OR)$/.test(upper(t)))) {
        // "Mordor, Rohan, Fornost and Bree": a comma list that goes on to an "and"
        g.members.push(m);
        g.end = m.end;
      } else out.push({ start: m.start, end: m.end, members: [m] });
    }
    return out;
  }

  /** The verbs of the dictionary in a sentence, as [token of the verb, entry, first token, end]. */
  private verbsIn(toks: Token[], from: number, to: number, ms: PetrMention[]): { at: number; e: VerbEntry; start: number; end: number }[] {
    const out: { at: number; e: VerbEntry; start: number; end: number }[] = [];
    for (let i = from; i < to; i++) {
      if (ms.some((m) => m.start <= i && i < m.end)) continue;
      const t = toks[i];
      const w = upper(t);
      const cands = this.verbIndex.get(w);
      if (!cands) continue;
      // the tagger's reading decides between a verb and a noun ("an attack by"); an inflected form
      // after no article is a verb the tagger missed ("Soldiers … wire tapped")
      const prev = toks[i - 1];
      const verbish = t.pos === "VERB" || t.pos === "AUX" || (/(ED|ING)$/.test(w) && !!prev && !/^(DET|ADP)$/.test(prev.pos));
      if (!verbish) continue;
      let best: { at: number; e: VerbEntry; start: number; end: number } | undefined;
      for (const e of cands) {
        const start = i - e.head, end = start + e.words.length;
        if (start < from || end > to) continue;
        if (!e.words.every((x, k) => upper(toks[start + k]) === x)) continue;
        if (!best || e.words.length > best.e.words.length) best = { at: i, e, start, end };
      }
      if (best) { out.push(best); i = best.end - 1; }
    }
    return out;
  }

  /**
   * Matches elements forwards from token `pos` (dir 1) or backwards (dir -1,
   * elements given in reverse order). Returns the slots filled, or undefined.
   */
  private matchSeq(
    toks: Token[], elems: PetrElem[], k: number, pos: number, lo: number, hi: number, dir: 1 | -1,
    groups: PetrGroup[], firstJoined: boolean, slots: Map<string, PetrGroup>,
  ): boolean {
    if (k >= elems.length) return true;
    const e = elems[k];
    // forwards, an element's own flag says whether it stands right after the one before;
    // backwards, the flag of the element after it (to its right) does
    const joined = dir === 1 ? (k === 0 ? firstJoined || e.joined : e.joined) : k === 0 ? firstJoined : elems[k - 1].joined;
    const maxGap = joined ? 0 : GAP;
    for (let gap = 0; gap <= maxGap; gap++) {
      const p = pos + dir * gap;
      if (p < lo || p >= hi) break;
      for (const [len, slot] of this.elemAt(toks, e, p, lo, hi, dir, groups)) {
        const filled = new Map(slots);
        if (slot) filled.set(slot[0], slot[1]);
        if (this.matchSeq(toks, elems, k + 1, p + dir * len, lo, hi, dir, groups, false, filled)) {
          for (const [a, b] of filled) slots.set(a, b);
          return true;
        }
      }
    }
    return false;
  }

  /** The ways an element matches at `p`: tokens used, and an actor slot filled. */
  private elemAt(toks: Token[], e: PetrElem, p: number, lo: number, hi: number, dir: 1 | -1, groups: PetrGroup[]): [number, [string, PetrGroup] | undefined][] {
    const words = (ws: string[]): number | undefined => {
      const seq = dir === 1 ? ws : [...ws].reverse();
      for (let j = 0; j < seq.length; j++) {
        const q = p + dir * j;
        if (q < lo || q >= hi || upper(toks[q]) !== seq[j]) return undefined;
      }
      return seq.length;
    };
    switch (e.kind) {
      case "word": { const n = words(splitWords(e.word)); return n ? [[n, undefined]] : []; }
      case "syn": return this.syn(e.name).map((ws) => words(ws)).filter((n): n is number => !!n).sort((a, b) => b - a).map((n) => [n, undefined]);
      case "skip": {
        // a phrase: a run of nominal words
        let n = 0;
        while (p + dir * n >= lo && p + dir * n < hi && /^(DET|ADJ|NOUN|PROPN|NUM|PRON|PART)$/.test(toks[p + dir * n].pos) && n < 6) n++;
        return n ? [[n, undefined]] : [];
      }
      default: {
        const g = groups.find((x) => (dir === 1 ? x.start : x.end - 1) === p);
        return g ? [[g.end - g.start, [e.kind, g]]] : [];
      }
    }
  }

  /** Codes one sentence (tokens [from, to)) on a date (YYYY-MM-DD). */
  codeSentence(toks: Token[], from: number, to: number, date: string): PetrEvent[] {
    const ms = this.mentions(toks, from, to, date);
    const groups = this.groups(toks, ms);
    const out: PetrEvent[] = [];
    let lastSource: PetrGroup | undefined, lastEnd = -1;
    const usedTargets = new Set<PetrGroup>();
    for (const v of this.verbsIn(toks, from, to, ms)) {
      let code: string | null | undefined;
      let reverse: string | null = null;
      let rule = `${v.e.block.name}`;
      const slots = new Map<string, PetrGroup>();
      for (const p of this.patterns.get(v.e.block) ?? []) {
        const s = new Map<string, PetrGroup>();
        const post = this.matchSeq(toks, p.post, 0, v.end, from, to, 1, groups, false, s);
        if (!post) continue;
        const pre = this.matchSeq(toks, [...p.pre].reverse(), 0, v.start - 1, from, to, -1, groups, p.preJoined, s);
        if (!pre) continue;
        code = p.code;
        reverse = p.reverse;
        rule = `${v.e.block.name}:${p.line}`;
        for (const [a, b] of s) slots.set(a, b);
        break;
      }
      if (code === undefined) {
        // no pattern: the verb's own code, else its block's (each with its reverse code)
        const own = v.e.verb.code !== undefined;
        code = own ? v.e.verb.code! : v.e.block.code;
        reverse = (own ? v.e.verb.reverse : v.e.block.reverse) ?? null;
      }
      if (!code && !reverse) continue;
      // a later verb codes only when it is coordinated with the one coded before ("condemned … and
      // promised"), or has its own subject after that event
      const coordinated = lastEnd >= 0 && toks.slice(lastEnd, v.start).some((t) => /^(AND|BUT)$/.test(upper(t)));
      const before = groups.filter((g) => g.end <= v.start);
      let src = slots.get("source") ?? slots.get("compound");
      let tgt = slots.get("target");
      const compound = !!slots.get("compound") && !slots.get("source");
      if (!src) {
        if (lastEnd >= 0 && coordinated && lastSource) src = lastSource;
        else src = before.find((g) => g.start >= (lastEnd >= 0 ? lastEnd : from) && !usedTargets.has(g) && !prepBefore(toks, g.start, from)) ?? (lastEnd < 0 ? before[0] : undefined);
      }
      if (!src) continue;
      if (!tgt) {
        // passive with an agent: "was opposed by Osgiliath"
        const passive = !slots.size && /(ED|EN)$/.test(upper(toks[v.at])) && isBe(toks, v.start - 1, from);
        const after = groups.filter((g) => g.start >= v.end && g !== src);
        if (passive) {
          const by = after.find((g) => upper(toks[g.start - 1]) === "BY");
          if (by) { tgt = src; src = by; }
        }
        tgt ??= after[0];
      }
      const pairs: [PetrMention, PetrMention][] = [];
      if (compound && src.members.length > 1 && (!tgt || tgt === src)) {
        for (const a of src.members) for (const b of src.members) if (a !== b) pairs.push([a, b]);
      } else if (tgt && tgt !== src) {
        for (const a of src.members) for (const b of tgt.members) pairs.push([a, b]);
      }
      if (!pairs.length) continue;
      for (const [a, b] of pairs) {
        for (const ac of a.codes) for (const bc of b.codes) {
          // an actor acting on itself is no dyad
          if (ac === bc) continue;
          if (code) out.push({ source: a, sourceCode: ac, target: b, targetCode: bc, code, at: v.at, rule });
          if (reverse && !compound) out.push({ source: b, sourceCode: bc, target: a, targetCode: ac, code: reverse, at: v.at, rule });
        }
      }
      lastSource = src;
      lastEnd = v.end;
      if (tgt) usedTargets.add(tgt);
    }
    return out;
  }
}

/** Whether a preposition stands right before token `i` ("in Fornost"). */
function prepBefore(toks: Token[], i: number, from: number): boolean {
  return i > from && toks[i - 1].pos === "ADP" && !/^(of)$/i.test(toks[i - 1].text);
}

/** Whether a form of "be" ends at token `i` (adverbs skipped): a passive's auxiliary. */
function isBe(toks: Token[], i: number, from: number): boolean {
  for (let k = i; k >= from && k >= i - 3; k--) {
    if (BE.has(upper(toks[k]))) return true;
    if (toks[k].pos !== "ADV") return false;
  }
  return false;
}

// ---------------------------------------------------------------------------
// Dictionary events as dyad's event candidates

/**
 * CAMEO root → PLOVER type (the PLOVER manual's correspondence). Roots 01
 * (public statement) has none. A code outside CAMEO's roots (a user's or an
 * old WEIS code) keeps its code and takes the type of the WEIS root where
 * there is an obvious one (21 seize → COERCE, 22 force → ASSAULT), else CONCEDE,
 * PLOVER's nearest to "other cooperative act" without a direction of its own.
 */
export const ROOT_TYPES: Readonly<Record<string, PlovType>> = {
  "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID", "08": "CONCEDE",
  "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
  "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT", "21": "COERCE", "22": "ASSAULT",
};

/** The PLOVER type of a CAMEO code (08's release, withdrawal and de-escalation codes are RETREAT); undefined for 01. */
export function cameoType(code: string): PlovType | undefined {
  if (/^(084|086|087)/.test(code)) return "RETREAT";
  const root = code.slice(0, 2);
  if (root === "01") return undefined;
  return ROOT_TYPES[root] ?? "CONCEDE";
}

export interface DictionaryCodingOptions {
  /** Keep the dictionary's actor codes as the actors' country (a test suite's own codes). */
  rawCodes?: boolean;
}

/** A dictionary code as a dyad actor: country from its first three letters, sector from its agent part. */
function actorOf(code: string, text: string, known: (c: string) => boolean, raw: boolean): Actor | undefined {
  const sector = petrSector(code) ?? (/^[A-Z]{3}$/.test(code) ? "GOV" : "OTH");
  if (raw) return { text, country: code, sector };
  const country = code.startsWith("IGO") ? "IGO" : code.slice(0, 3);
  if (country === "---" || !known(country)) return undefined;
  return { text, country, sector: country === "IGO" ? "IGO" : sector };
}

/**
 * Codes every sentence of an analysed document with the dictionaries. Events
 * are as the dictionary says, PETRARCH's way: no tense or modality filter.
 */
export function dictionaryCandidates(doc: ArticleDoc, coder: PetrCoder, known: (c: string) => boolean, opts: DictionaryCodingOptions = {}): EventCandidate[] {
  const out: EventCandidate[] = [];
  const toks = doc.tokens;
  const text = (m: PetrMention) => doc.text.slice(toks[m.start].start, toks[m.end - 1].end);
  for (const s of doc.sentences) {
    const evs = coder.codeSentence(toks, s.tokStart, s.tokEnd, doc.article.date);
    const both = new Set(evs.map((e) => `${e.sourceCode}|${e.targetCode}|${e.code}`));
    for (const e of evs) {
      const type = cameoType(e.code);
      if (!type) continue;
      const source = actorOf(e.sourceCode, text(e.source), known, !!opts.rawCodes);
      const target = actorOf(e.targetCode, text(e.target), known, !!opts.rawCodes);
      if (!source || !target) continue;
      // an event the dictionary codes one way only keeps its direction, even of a type dyad reads both ways
      const oneWay = !both.has(`${e.targetCode}|${e.sourceCode}|${e.code}`);
      out.push({ type, cameo: e.code, source, target, sent: s.i, trigger: e.at, pattern: `dict:${e.rule}${oneWay ? DIRECTED : ""}`, date: doc.article.date, confidence: 0.85 });
    }
  }
  return out;
}

/** Marks (at the end of a candidate's pattern) a dictionary event coded one way only. */
export const DIRECTED = "|directed";

/** The dictionary's events first: dyad's own events stay only in sentences the dictionary coded nothing in. */
export function withDictionaryPriority(own: EventCandidate[], dict: EventCandidate[]): EventCandidate[] {
  const coded = new Set(dict.map((e) => e.sent));
  return [...dict, ...own.filter((e) => !coded.has(e.sent))];
}

/**
 * A dictionary coder from a PETRARCH verb dictionary and the user's actor
 * files, where some are PETRARCH actor or agent dictionaries (undefined if
 * none is: the verbs then count only as patterns). Inside withSuiteActorCodes
 * the actors keep the dictionary's codes.
 */
export function petrDictionaryCoder(verbs: PetrVerbDict, actorsFile: string | string[], opts: PetrReadOptions = {}): { coder: PetrCoder; rawCodes: boolean } | undefined {
  const actors: PetrActor[] = [], agents: PetrAgent[] = [];
  for (const f of typeof actorsFile === "string" ? [actorsFile] : actorsFile) {
    const d = readPetrarchActorFile(f, opts);
    if (d) { actors.push(...d.actors); agents.push(...d.agents); }
  }
  if (!actors.length) return undefined;
  return { coder: new PetrCoder({ verbs, actors, agents }), rawCodes: suiteCodesAllowed() };
}
