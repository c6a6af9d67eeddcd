// Arguments of a predicate read from the dependency parse: the subject
// (nsubj, inherited through conj, xcomp, participles and relative clauses),
// the direct object, prepositional objects by their case marker, the passive
// agent, and an event noun's possessor, modifier, "by"/"of" agent and
// prepositional targets. A phrase stands for the actor mention it holds; a
// head that only speaks for another ("dozens of men", "the office of X") is
// looked through; coordination ("A, B and C") widens either side.
import type { Sentence, Token } from "../../doc/types.js";
import type { FoundMention } from "../actors/mentions.js";

/** The parse of one sentence, with each token's dependents. */
export interface SentenceTree {
  s: Sentence;
  /** Dependents of each token, by index relative to the sentence start. */
  kids: number[][];
}

/** Nouns that speak or act for the actor in their "of"/"for" phrase ("the office of X", "dozens of men"). */
const TRANSPARENT = new Set(["thousand", "hundred", "dozen", "million", "score", "group", "crowd", "number", "office", "spokesman", "spokeswoman", "spokesperson", "representative", "delegation", "embassy", "government", "administration", "team", "lawyer", "envoy", "leadership", "supporter", "member", "force", "troop", "ministry", "cabinet", "head", "chief", "leader", "side", "unit", "part", "rest", "some", "many", "all", "most", "one", "two", "three", "four", "five", "several", "each", "both", "none"]);
/** Verbs whose infinitive complement is done by their object: "urged Iran to return", "ordered troops to withdraw". */
const OBJECT_CONTROL = new Set(["urge", "ask", "order", "direct", "call", "tell", "force", "compel", "allow", "permit", "invite", "encourage", "persuade", "press", "pressure", "authorize", "authorise", "instruct", "request", "help", "enable", "lead", "convince", "appeal", "warn"]);
const RELATIVE_PRONOUNS = new Set(["who", "which", "that", "whom"]);

/** The parse of sentence `s`, or undefined when the analyser gave no parse. */
export function sentenceTree(toks: Token[], s: Sentence): SentenceTree | undefined {
  if (s.tokEnd <= s.tokStart || toks[s.tokStart].dep === undefined || process.env.DYAD_TREE === "0") return undefined;
  const kids: number[][] = Array.from({ length: s.tokEnd - s.tokStart }, () => []);
  for (let i = s.tokStart; i < s.tokEnd; i++) {
    const h = toks[i].head ?? -1;
    if (h >= s.tokStart && h < s.tokEnd && h !== i) kids[h - s.tokStart].push(i);
  }
  return { s, kids };
}

const rel = (t: Token | undefined) => t?.dep ?? "";
const base = (d: string) => d.split(":")[0];

function kidsOf(tree: SentenceTree, i: number): number[] {
  return tree.kids[i - tree.s.tokStart] ?? [];
}

function kidsWith(tree: SentenceTree, toks: Token[], i: number, test: (dep: string) => boolean): number[] {
  return kidsOf(tree, i).filter((k) => test(rel(toks[k])));
}

/** The preposition (case marker) of a nominal: "with" in "with X"; multiword "on behalf of" joined. */
export function caseOf(tree: SentenceTree, toks: Token[], n: number): string | undefined {
  const c = kidsWith(tree, toks, n, (d) => d === "case")[0];
  if (c === undefined) return undefined;
  const fixed = kidsWith(tree, toks, c, (d) => d === "fixed").map((k) => toks[k].lower);
  return [toks[c].lower, ...fixed].join(" ");
}

function usable(m: FoundMention): boolean {
  if (m.parts.possessive && m.kind === "pronoun") return false;
  return !!(m.actor || m.members?.length || (m.kind === "pronoun" && ["we", "us", "i"].includes(m.parts.pronoun!))) && !m.parts.modifierOnly && !m.parts.transparent;
}

/** The mention holding token `k`, if any. */
export function mentionAt(ms: FoundMention[], k: number): FoundMention | undefined {
  return ms.find((m) => m.tokStart <= k && k < m.tokEnd);
}

/**
 * The actor mention a nominal stands for: the mention that holds its head, else the one
 * that modifies it ("Israeli air strikes", "Hamas fighters"), else, for a head that speaks
 * for another, the mention of its "of"/"for" phrase ("dozens of young men").
 */
export function nominalMention(tree: SentenceTree, toks: Token[], ms: FoundMention[], n: number, depth = 0): FoundMention | undefined {
  const own = mentionAt(ms, n);
  if (own) return usable(own) ? own : undefined;
  if (depth > 3) return undefined;
  for (const k of kidsWith(tree, toks, n, (d) => d === "amod" || d === "compound" || d === "nmod:poss" || d === "flat")) {
    const m = mentionAt(ms, k);
    if (m && usable(m) && !(m.kind === "pronoun" && m.parts.possessive)) return m;
  }
  if (TRANSPARENT.has(toks[n].lemma) || toks[n].pos === "NUM" || toks[n].pos === "PRON") {
    for (const k of kidsWith(tree, toks, n, (d) => base(d) === "nmod")) {
      const c = caseOf(tree, toks, k);
      if (c === "of" || c === "for" || c === "from") {
        const m = nominalMention(tree, toks, ms, k, depth + 1);
        if (m) return m;
      }
    }
  }
  return undefined;
}

/** A nominal and the nominals coordinated with it ("A, B and C"), as mentions. */
function withConjuncts(tree: SentenceTree, toks: Token[], ms: FoundMention[], n: number): FoundMention[] {
  const out: FoundMention[] = [];
  const seen = new Set<FoundMention>();
  const walk = (k: number, depth: number) => {
    const m = nominalMention(tree, toks, ms, k);
    if (m && !seen.has(m)) { seen.add(m); out.push(m); }
    if (depth < 8) for (const c of kidsWith(tree, toks, k, (d) => d === "conj")) walk(c, depth + 1);
    // an apposition renames: "his counterpart, Foreign Minister X"
    if (!m && depth < 8) for (const c of kidsWith(tree, toks, k, (d) => d === "appos")) walk(c, depth + 1);
  };
  walk(n, 0);
  return out;
}

/** Whether the verb at `v` is passive: it has a passive auxiliary or subject. */
export function treePassive(tree: SentenceTree, toks: Token[], v: number): boolean {
  // (a passive auxiliary that is a form of "be" or "get": a subject labelled passive alone is too often the parser's slip)
  return kidsOf(tree, v).some((k) => rel(toks[k]) === "aux:pass" && /^(be|get)$/.test(toks[k].lemma));
}

/** The verb a predicate word belongs to: the event noun's light verb is not asked here. */
function subjectNode(tree: SentenceTree, toks: Token[], v: number, passive: boolean, depth = 0): { node: number; viaObject?: boolean } | undefined {
  const want = passive ? "nsubj:pass" : "nsubj";
  // (of two, the one nearest the verb: a dateline run into the sentence may be read as a subject too)
  const subjs = kidsWith(tree, toks, v, (d) => d === want || (!passive && d === "csubj"));
  const subj = subjs.filter((k) => k < v).pop() ?? subjs[0];
  if (subj !== undefined) {
    // a relative pronoun stands for the noun its clause modifies
    if (RELATIVE_PRONOUNS.has(toks[subj].lower) && rel(toks[v]).startsWith("acl")) return { node: toks[v].head! };
    return { node: subj };
  }
  if (depth > 4) return undefined;
  const h = toks[v].head ?? -1;
  if (h < tree.s.tokStart || h >= tree.s.tokEnd) return undefined;
  const d = rel(toks[v]);
  // "met X and praised Y": a coordinated verb shares its subject
  if (d === "conj") return subjectNode(tree, toks, h, false, depth + 1);
  // "agreed to work", "urged Iran to return": the infinitive's doer is the governing verb's subject or object
  if (d === "xcomp") {
    if (OBJECT_CONTROL.has(toks[h].lemma)) {
      const o = kidsWith(tree, toks, h, (x) => x === "obj" || x === "iobj")[0];
      if (o !== undefined) return { node: o, viaObject: true };
    }
    return subjectNode(tree, toks, h, treePassive(tree, toks, h), depth + 1);
  }
  // ", killing three guards": a participle clause has its main clause's subject
  if (d === "advcl" && /ing$/.test(toks[v].lower) && !kidsWith(tree, toks, v, (x) => x === "mark").length) return subjectNode(tree, toks, h, false, depth + 1);
  // "the relative clause's antecedent" without a pronoun subject: "the troops sent to the border"
  if (d === "acl" && !passive && /ing$/.test(toks[v].lower)) return { node: h };
  return undefined;
}

/** Subject mentions of the verb at `v` (several when coordinated); undefined when the tree names no subject. */
export function treeSubjects(tree: SentenceTree, toks: Token[], ms: FoundMention[], v: number, passive = false): FoundMention[] | undefined {
  const n = subjectNode(tree, toks, v, passive);
  if (!n) return undefined;
  return withConjuncts(tree, toks, ms, n.node);
}

/** The passive agent: "by X" under the verb, or a participle's ("a deadline set by X"). */
export function treeAgent(tree: SentenceTree, toks: Token[], ms: FoundMention[], v: number): FoundMention[] {
  for (const k of kidsWith(tree, toks, v, (d) => d === "obl:agent" || base(d) === "obl")) {
    if (rel(toks[k]) === "obl:agent" || caseOf(tree, toks, k) === "by") {
      const found = withConjuncts(tree, toks, ms, k);
      if (found.length) return found;
    }
  }
  return [];
}

/** The nominal whose passive participle modifier is `v`: "the deadline set by X" → deadline. */
export function participleHead(tree: SentenceTree, toks: Token[], v: number): number | undefined {
  return rel(toks[v]) === "acl" && /(ed|en|t|wn)$/.test(toks[v].lower) ? toks[v].head : undefined;
}

/**
 * Target mentions of the predicate at `v` in the pattern's slots, first slot that holds an
 * actor: "obj" the direct (or indirect) object, a preposition the obliques (or, for a light
 * verb, its object noun's modifiers) it marks.
 */
export function treeTargets(tree: SentenceTree, toks: Token[], ms: FoundMention[], v: number, slots: string[], skip: Set<FoundMention>, objectNoun?: number): FoundMention[] {
  const heads = [v, ...(objectNoun !== undefined ? [objectNoun] : [])];
  for (const slot of slots) {
    for (const h of heads) {
      let nodes: number[];
      if (slot === "obj") {
        if (h !== v) continue;
        nodes = kidsWith(tree, toks, h, (d) => d === "obj" || d === "iobj");
      } else {
        nodes = kidsWith(tree, toks, h, (d) => base(d) === "obl" || base(d) === "nmod").filter((k) => caseOf(tree, toks, k) === slot);
      }
      for (const n of nodes) {
        const found = withConjuncts(tree, toks, ms, n).filter((m) => !skip.has(m));
        if (found.length) return found;
        // the object's owner: "rejected China's proposal", "condemned the decision of Russia"
        if (slot === "obj" || slot === "of") {
          const owner = ownerOf(tree, toks, ms, n);
          if (owner && !skip.has(owner)) return [owner];
        }
      }
    }
  }
  return [];
}

/** The actor an inanimate object belongs to or comes from: "China's proposal", "the plan of X", "a deadline set by X". */
function ownerOf(tree: SentenceTree, toks: Token[], ms: FoundMention[], n: number): FoundMention | undefined {
  for (const k of kidsOf(tree, n)) {
    const d = rel(toks[k]);
    if (d === "nmod:poss" || (base(d) === "nmod" && /^(of|by|from)$/.test(caseOf(tree, toks, k) ?? ""))) {
      const m = nominalMention(tree, toks, ms, k);
      if (m) return m;
    }
    if (d === "acl") {
      const a = treeAgent(tree, toks, ms, k)[0];
      if (a) return a;
    }
  }
  return undefined;
}

/** An event noun's doer: its possessor or actor modifier ("Russia's invasion", "Israeli strikes"), else "by X". */
export function nounAgent(tree: SentenceTree, toks: Token[], ms: FoundMention[], n: number): FoundMention[] {
  for (const k of kidsWith(tree, toks, n, (d) => d === "nmod:poss" || d === "amod" || d === "compound")) {
    const m = mentionAt(ms, k);
    if (m && (m.actor || m.members?.length) && !m.parts.modifierOnly) return withConjuncts(tree, toks, ms, k).length ? withConjuncts(tree, toks, ms, k) : [m];
  }
  for (const k of kidsWith(tree, toks, n, (d) => base(d) === "nmod" || d === "obl:agent")) {
    if (caseOf(tree, toks, k) === "by") {
      const found = withConjuncts(tree, toks, ms, k);
      if (found.length) return found;
    }
  }
  return [];
}

/** Whether token `k` lies in the subtree of `root`. */
export function dominates(toks: Token[], root: number, k: number, sentStart: number, sentEnd: number): boolean {
  for (let x = k, n = 0; x >= sentStart && x < sentEnd && n < 64; n++) {
    if (x === root) return true;
    x = toks[x].head ?? -1;
  }
  return false;
}
