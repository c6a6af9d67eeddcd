// Readers for PETRARCH/TABARI-format dictionaries (the formats of the
// openeventdata/petrarch2 dictionaries and of many CAMEO users' own files):
// verb dictionaries (synsets, verb blocks, forms and phrase patterns), actor
// dictionaries (names, codes, dated roles, synonyms) and agent dictionaries
// (nouns with ~codes). Parsed into plain data; nothing is looked up here.
// Errors name the file, the line and the problem.
import type { Sector } from "../doc/types.js";

/** A problem in a dictionary file, with where it is. */
export class PetrDictError extends Error {
  constructor(readonly file: string, readonly line: number, readonly problem: string) {
    super(`${file}:${line}: ${problem}`);
  }
}

export interface PetrReadOptions {
  /**
   * Where to report a bad entry and go on without it (the field's large files
   * have a few typos); without it, the first problem throws.
   */
  onProblem?: (e: PetrDictError) => void;
}

/** Throws the problem, or hands it to onProblem to skip the entry. */
function problem(opts: PetrReadOptions, file: string, line: number, e: unknown): void {
  const err = e instanceof PetrDictError ? e : new PetrDictError(file, line, (e as Error).message);
  if (!opts.onProblem) throw err;
  opts.onProblem(err);
}

// ---------------------------------------------------------------------------
// Comments

/**
 * Drops <!-- --> comments (also over several lines) and # comments, keeping
 * line numbers. `;` starts a comment too in the actor and agent files (TABARI),
 * never in verb files, whose patterns do not use it.
 */
function stripComments(text: string, semicolon: boolean): string[] {
  const noXml = text.replace(/<!?\s*--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ""));
  const re = semicolon ? /[#;].*$/ : /#.*$/;
  return noXml.split(/\r?\n/).map((l) => l.replace(re, "").replace(/\s+$/, ""));
}

/** "ARNOR_" → "ARNOR", "MINAS_TIRITH" → "MINAS TIRITH". */
const phrase = (s: string) => s.trim().replace(/_+$/, "").replace(/[_\s]+/g, " ").trim();

// ---------------------------------------------------------------------------
// Actors

/** One code block of an actor: a default (no dates) or a date restriction, dates YYYYMMDD, limits inclusive. */
export interface PetrCodeBlock { code: string; from?: string; to?: string }

export interface PetrActor {
  /** The primary phrase and its synonyms, as written (underscores as spaces). */
  names: string[];
  /** Code blocks in file order: the one on the primary line, then the tab-indented ones. */
  codes: PetrCodeBlock[];
}

export interface PetrAgent {
  /** The phrase, its plural(s) and substitutions, as written (underscores as spaces). */
  names: string[];
  code: string;
  /** The code goes before the actor's (NGO~), not after it (~GOV). */
  prefix: boolean;
}

/** A YYMMDD date as YYYYMMDD (PETRARCH reads two-digit years as 19YY). */
function fullDate(d: string): string {
  if (/^\d{8}$/.test(d)) return d;
  if (/^\d{6}$/.test(d)) return `19${d}`;
  throw new Error(`bad date "${d}" (expected YYMMDD or YYYYMMDD)`);
}

/** "[HOBGOV 19950601 - 19990815]", "[HOB < 950601]", "[ARN]" → a code block. */
function codeBlock(inner: string): PetrCodeBlock {
  const m = /^\s*(\S+)\s*(.*)$/.exec(inner);
  if (!m) throw new Error(`empty code block "[]"`);
  const code = m[1].toUpperCase();
  const rest = m[2].replace(/\s+/g, "");
  if (!rest) return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d+)$/.exec(rest))) return { code, to: fullDate(r[1]) };
  if ((r = /^>(\d+)$/.exec(rest))) return { code, from: fullDate(r[1]) };
  if ((r = /^(\d+)-(\d+)$/.exec(rest))) return { code, from: fullDate(r[1]), to: fullDate(r[2]) };
  throw new Error(`bad date restriction "[${inner}]" (expected [CODE], [CODE >DATE], [CODE <DATE] or [CODE DATE-DATE])`);
}

/** Reads a PETRARCH/TABARI actor dictionary. */
export function parsePetrActors(text: string, file = "actors.txt", opts: PetrReadOptions = {}): PetrActor[] {
  const out: PetrActor[] = [];
  let cur: PetrActor | undefined;
  stripComments(text, true).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      if (/^\s/.test(line) && /^\s*\[/.test(line)) {
        // a tab-indented code block of the entry above
        if (!cur) throw new Error("a code block before any actor");
        const blocks = [...line.matchAll(/\[([^\]]*)\]/g)];
        if (!blocks.length || line.replace(/\[[^\]]*\]/g, "").trim()) throw new Error(`cannot read "${line.trim()}" (expected [CODE] blocks)`);
        for (const m of blocks) cur.codes.push(codeBlock(m[1]));
        return;
      }
      const t = line.trim();
      const m = /^(\+?)([^[\]]*?)\s*((?:\[[^\]]*\]\s*)*)$/.exec(t);
      if (!m) throw new Error(`cannot read "${t}" (expected NAME [CODE] or +SYNONYM)`);
      const name = phrase(m[2]);
      const codes = [...m[3].matchAll(/\[([^\]]*)\]/g)].map((b) => codeBlock(b[1]));
      if (m[1]) {
        if (!cur) throw new Error("a synonym (+NAME) before any actor");
        if (name) cur.names.push(name);
        cur.codes.push(...codes);
        return;
      }
      if (!name) throw new Error(`no name in "${t}"`);
      cur = { names: [name], codes };
      out.push(cur);
    } catch (e) {
      problem(opts, file, i + 1, e);
    }
  });
  return out;
}

/** Regular English plural as PETRARCH forms it: +S, Y → IES, S/SH/CH/X → +ES. */
function petrPlural(p: string): string {
  if (/[^AEIOU]Y$/i.test(p)) return p.slice(0, -1) + "IES";
  if (/(S|SH|CH|X)$/i.test(p)) return p + "ES";
  return p + "S";
}

/** Reads a PETRARCH agent dictionary: `PHRASE {PLURAL} [~CODE]`, with !MARKER! = A, B substitutions. */
export function parsePetrAgents(text: string, file = "agents.txt", opts: PetrReadOptions = {}): PetrAgent[] {
  const subs = new Map<string, string[]>();
  const out: PetrAgent[] = [];
  stripComments(text, true).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    try {
      readAgent(t, i + 1);
    } catch (e) {
      problem(opts, file, i + 1, e);
    }
  });
  return out;

  function readAgent(t: string, line: number): void {
    const fail = (why: string) => { throw new PetrDictError(file, line, why); };
    const sub = /^(![A-Z]+!)\s*=\s*(.+)$/i.exec(t);
    if (sub) { subs.set(sub[1].toUpperCase(), sub[2].split(",").map((s) => s.trim()).filter(Boolean)); return; }
    const m = /^(.*?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(t);
    if (!m) fail(`cannot read "${t}" (expected PHRASE {PLURAL} [~CODE])`);
    const raw = m![1].trim(), code = m![3];
    if (!code.includes("~")) fail(`agent code "[${code}]" has no ~ (expected [~CODE] or [CODE~])`);
    const prefix = /~$/.test(code) && !/^~/.test(code);
    const c = code.replace(/~/g, "").toUpperCase();
    if (!raw || !c) fail(`cannot read "${t}" (expected PHRASE {PLURAL} [~CODE])`);
    const marker = /![A-Z]+!/i.exec(raw);
    let forms: string[];
    if (marker) {
      // every listed form stands for the marker, with no plural formed
      const list = subs.get(marker[0].toUpperCase());
      if (!list) fail(`unknown substitution ${marker[0]} (define it first: ${marker[0]} = A, B)`);
      forms = list!.map((s) => raw.replace(marker[0], s));
    } else if (m![2] !== undefined) {
      // {} : no plural; {PLURAL}: that plural
      forms = m![2].trim() ? [raw, ...m![2].trim().split(/\s+/)] : [raw];
    } else forms = [raw, petrPlural(raw.replace(/_+$/, ""))];
    out.push({ names: [...new Set(forms.map(phrase))], code: c, prefix });
  }
}

/** The actor's code on a date (YYYYMMDD or YYYY-MM-DD): the first date restriction that holds, else the default, else the null code ---. */
export function petrCodeOn(actor: PetrActor, date: string): string {
  const d = date.replace(/-/g, "");
  const dated = actor.codes.find((c) => (c.from || c.to) && (!c.from || c.from <= d) && (!c.to || d <= c.to));
  return (dated ?? actor.codes.find((c) => !c.from && !c.to))?.code ?? "---";
}

// ---------------------------------------------------------------------------
// Agent codes and dyad sectors

/**
 * Agent codes with an obvious dyad sector. PETRARCH's COP (police) and SPY
 * (intelligence) are where dyad's lexicon puts police and intelligence chiefs
 * (POL); agents with no clear counterpart (ELI, HRI, MUS, LAB, MOP …) have none.
 */
export const AGENT_SECTORS: Readonly<Record<string, Sector>> = {
  GOV: "GOV", MIL: "MIL", LEG: "LEG", JUD: "JUD", OPP: "OPP", REB: "REB", BUS: "BUS", MED: "MED",
  NGO: "NGO", EDU: "EDU", REL: "REL", CIV: "CIV", COP: "POL", SPY: "POL", IGO: "IGO",
};

/** Agent codes the dictionary puts before the actor's code (NGO~). */
export type PrefixAgents = ReadonlySet<string>;

/** The dyad sector a suite code's agent part stands for (ARNGOVFRM → GOV, NGOARN → NGO), if obvious. */
export function petrSector(code: string, prefixAgents: PrefixAgents = new Set(["NGO"])): Sector | undefined {
  const c = code.trim().toUpperCase();
  if (c.startsWith('"')) return undefined;
  const head = c.slice(0, 3);
  if (prefixAgents.has(head) && c.length >= 6) return AGENT_SECTORS[head];
  if (head === "IGO") return "IGO";
  for (let k = 3; k + 3 <= c.length; k += 3) {
    const s = AGENT_SECTORS[c.slice(k, k + 3)];
    if (s) return s;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Verbs

/** One element of a pattern. */
export type PetrElem =
  | { kind: "word"; word: string; joined: boolean }
  | { kind: "syn"; name: string; joined: boolean }
  /** $ the source, + the target, % a compound actor standing for both. */
  | { kind: "source" | "target" | "compound"; joined: boolean }
  /** ^ skips a phrase. */
  | { kind: "skip"; joined: boolean };

export interface PetrPattern {
  /** Elements before the verb (in text order) and after it. */
  pre: PetrElem[];
  /** The last element before the verb stands right before it ("FAILED_TO_*"). */
  preJoined: boolean;
  post: PetrElem[];
  /** The event code; null for the null code "---" (no event). */
  code: string | null;
  /** The code of the reverse event (target → source) after ":", if any. */
  reverse: string | null;
  line: number;
  text: string;
}

export interface PetrVerb {
  /** The verb's words (upper case), e.g. ["BREAK", "DOWN"], ["WIRE", "TAP"]. */
  words: string[];
  /** Index of the verb itself in `words` (marked with + in multi-word verbs). */
  head: number;
  /** Forms written in {…}: each a word list; when given, no regular forms are made. */
  forms?: string[][];
  /** The verb's own code, when written on its line; null for the null code. */
  code?: string | null;
  /** The reverse code written on its line, if any. */
  reverse?: string | null;
  line: number;
}

export interface PetrVerbBlock {
  /** The header's name (--- NAME [code] ---). */
  name: string;
  /** The header's code; null for the null code or none. */
  code: string | null;
  /** The header's reverse code ("[032:033]"), if any. */
  reverse: string | null;
  verbs: PetrVerb[];
  patterns: PetrPattern[];
  line: number;
}

export interface PetrVerbDict {
  /** Synsets by name (with &), each alternative a list of elements (words or nested synsets). */
  synsets: Map<string, PetrElem[][]>;
  blocks: PetrVerbBlock[];
}

/** A code as written in [...]: digits with an optional letter (174K), or anything short the dictionary uses; "---" and "" are the null code. */
function readCode(s: string): string | null {
  const c = s.trim().toUpperCase();
  if (c === "---" || c === "") return null;
  if (!/^[0-9A-Z+]{1,6}$/.test(c)) throw new Error(`bad code "${s.trim()}" (expected digits such as 042 or 1721, or --- for no event)`);
  return c;
}

/** "[030:030]", "[:173]", "[042]" → code and reverse code. */
function readCodes(inner: string): { code: string | null; reverse: string | null } {
  const parts = inner.split(":");
  if (parts.length > 2) throw new Error(`bad code "[${inner}]" (expected [CODE] or [CODE:CODE])`);
  return { code: readCode(parts[0]), reverse: parts.length === 2 ? readCode(parts[1]) : null };
}

/**
 * Splits a pattern's words into elements. `_` joins an element to the one
 * before it (no words between); words inside {…} or (…) are joined to each
 * other as a phrase, except that (…) may have a few words in between (a PETRARCH-2
 * prepositional phrase, "(TO A VOTE)").
 */
function readElems(s: string): PetrElem[] {
  const out: PetrElem[] = [];
  // the marker characters stand apart from words
  const toks = s.replace(/([{}()])/g, " $1 ").replace(/_/g, " _ ").split(/\s+/).filter(Boolean);
  let joinNext = false, inBrace = false, braceStart = false;
  for (const t of toks) {
    if (t === "_") { joinNext = true; continue; }
    if (t === "{") { inBrace = true; braceStart = true; continue; }
    if (t === "}") { inBrace = false; continue; }
    if (t === "(" || t === ")") continue;
    const joined = joinNext || (inBrace && !braceStart);
    joinNext = false;
    braceStart = false;
    if (t === "$") out.push({ kind: "source", joined });
    else if (t === "+") out.push({ kind: "target", joined });
    else if (t === "%") out.push({ kind: "compound", joined });
    else if (t === "^") out.push({ kind: "skip", joined });
    else if (t.startsWith("&")) out.push({ kind: "syn", name: t.toUpperCase(), joined });
    else if (/^[A-Z0-9'.,&\/-]+$/i.test(t)) out.push({ kind: "word", word: t.toUpperCase(), joined });
    else throw new Error(`cannot read "${t}" in a pattern`);
  }
  return out;
}

/** "+BREAK_DOWN", "KLM_NOP_+RST", "HURRY" → words and the verb's place. */
function readVerbWords(s: string): { words: string[]; head: number } {
  const parts = s.split("_").filter(Boolean);
  let head = parts.findIndex((p) => p.startsWith("+"));
  const words = parts.map((p) => p.replace(/^\+/, "").toUpperCase());
  if (head < 0) head = 0;
  if (!words.length || words.some((w) => !/^[A-Z0-9'.-]+$/.test(w))) throw new Error(`cannot read the verb "${s}"`);
  return { words, head };
}

/** Reads a PETRARCH/TABARI verb dictionary. */
export function parsePetrVerbs(text: string, file = "verbs.txt", opts: PetrReadOptions = {}): PetrVerbDict {
  const synsets = new Map<string, PetrElem[][]>();
  const blocks: PetrVerbBlock[] = [];
  let syn: PetrElem[][] | undefined;
  let block: PetrVerbBlock | undefined;
  const lines = stripComments(text, false);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    // a synset's members run on over blank and comment lines, up to the next line that is not one
    if (!line.startsWith("+")) syn = undefined;
    try {
      let m: RegExpExecArray | null;
      if ((m = /^---\s*(.*?)\s*(?:---)?\s*$/.exec(line))) {
        // --- NAME [code] --- (a second [..], as in "--- DELAY [120] [031:031] ---", is ignored)
        const h = /^(.*?)\s*(?:\[([^\]]*)\].*)?$/.exec(m[1])!;
        const codes = h[2] === undefined ? { code: null, reverse: null } : readCodes(h[2]);
        block = { name: phrase(h[1]), code: codes.code, reverse: codes.reverse, verbs: [], patterns: [], line: i + 1 };
        blocks.push(block);
        syn = undefined;
        return;
      }
      if (line.startsWith("&")) {
        const name = line.split(/\s+/)[0].toUpperCase().replace(/_+$/, "");
        if (!/^&[A-Z0-9_]+$/.test(name)) throw new Error(`bad synset name "${line}" (expected &NAME)`);
        syn = [];
        synsets.set(name, syn);
        block = undefined;
        return;
      }
      if (syn && line.startsWith("+")) {
        const alt = readElems(line.slice(1).replace(/_+$/, ""));
        if (!alt.length) throw new Error("an empty synset member");
        // the words of one member go together
        syn.push(alt.map((e, k) => (k ? { ...e, joined: true } : e)));
        return;
      }
      if (!block) throw new Error(`"${line}" stands outside any verb block (expected --- VERB [code] --- first)`);
      if (line.startsWith("-")) {
        const pm = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
        if (!pm) throw new Error(`a pattern without a code: "${line}" (expected - WORDS * WORDS [code])`);
        const body = pm[1];
        const star = body.search(/\*/);
        if (star < 0) throw new Error(`a pattern without * for the verb: "${line}"`);
        if (body.indexOf("*", star + 1) >= 0) throw new Error(`a pattern with two *: "${line}"`);
        const { code, reverse } = readCodes(pm[2]);
        block.patterns.push({ pre: readElems(body.slice(0, star)), preJoined: /_\s*$/.test(body.slice(0, star)), post: readElems(body.slice(star + 1)), code, reverse, line: i + 1, text: line });
        return;
      }
      // a verb line: VERB {FORMS} [code]
      const vm = /^([^{}[\]]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(line);
      if (!vm) throw new Error(`cannot read the verb line "${line}" (expected VERB {FORMS} [code])`);
      // (words may be joined by spaces as well as by _: "LASH OUT")
      const { words, head } = readVerbWords(vm[1].replace(/\s+/g, "_"));
      const verb: PetrVerb = { words, head, line: i + 1 };
      if (vm[2] !== undefined && vm[2].trim()) verb.forms = vm[2].trim().split(/\s+/).map((f) => readVerbWords(f).words);
      if (vm[3] !== undefined) ({ code: verb.code, reverse: verb.reverse } = readCodes(vm[3]));
      block.verbs.push(verb);
    } catch (e) {
      problem(opts, file, i + 1, e);
    }
  });
  // every synset a pattern names must exist (nested ones too)
  const known = (p: PetrPattern) => {
    const bad = [...p.pre, ...p.post].find((e) => e.kind === "syn" && !synsets.has(e.name));
    if (!bad) return true;
    problem(opts, file, p.line, new Error(`unknown synset ${(bad as { name: string }).name} (define it as &NAME with +WORD lines)`));
    return false;
  };
  for (const b of blocks) b.patterns = b.patterns.filter(known);
  return { synsets, blocks };
}

/** Regular forms of a verb word as PETRARCH makes them: -S/-ES, -ED, -ING, with e-dropping, y → i and a doubled final consonant. */
export function petrVerbForms(w: string): string[] {
  const out = new Set([w]);
  if (/(S|SH|CH|X|Z)$/.test(w)) out.add(w + "ES");
  else if (/[^AEIOU]Y$/.test(w)) out.add(w.slice(0, -1) + "IES");
  else out.add(w + "S");
  if (w.endsWith("E")) { out.add(w + "D"); out.add(w.slice(0, -1) + "ING"); }
  else if (/[^AEIOU]Y$/.test(w)) { out.add(w.slice(0, -1) + "IED"); out.add(w + "ING"); }
  else {
    out.add(w + "ED"); out.add(w + "ING");
    // "STOP" → STOPPED: a short word ending consonant-vowel-consonant
    if (/^[^AEIOU]*[AEIOU][BDGLMNPRT]$/.test(w)) { out.add(w + w.slice(-1) + "ED"); out.add(w + w.slice(-1) + "ING"); }
  }
  return [...out];
}

/** Expands a synset into its word lists (nested synsets opened), at most `limit` of them. */
export function expandSynset(dict: PetrVerbDict, name: string, limit = 200, seen = new Set<string>()): string[][] {
  if (seen.has(name)) return [];
  const alts = dict.synsets.get(name) ?? [];
  const out: string[][] = [];
  for (const alt of alts) {
    let acc: string[][] = [[]];
    for (const e of alt) {
      if (e.kind === "word") acc = acc.map((a) => [...a, e.word]);
      else if (e.kind === "syn") {
        const sub = expandSynset(dict, e.name, limit, new Set([...seen, name]));
        acc = acc.flatMap((a) => sub.map((s) => [...a, ...s])).slice(0, limit);
      }
    }
    out.push(...acc);
    if (out.length >= limit) break;
  }
  return out.slice(0, limit);
}

// ---------------------------------------------------------------------------
// Format detection

/** Whether a verb file's text is in PETRARCH/TABARI format (else it is dyad's JSON). */
export function isPetrarchVerbs(text: string): boolean {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  if (t.startsWith("{") || t.startsWith("[")) return false;
  return /^---\s.*---\s*$/m.test(t) || /^-\s.*\*.*\[[^\]]*\]/m.test(t) || /^&\w+/m.test(t);
}

/** Whether an actor file's text is in PETRARCH/TABARI format (else it is dyad's JSON). */
export function isPetrarchActors(text: string): boolean {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  return !(t.startsWith("{") || t.startsWith("["));
}

/** Whether an actor-format text is an agents file (every entry's code carries a ~). */
export function isPetrarchAgents(text: string): boolean {
  const codes = [...stripComments(text, true).join("\n").matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
  return codes.length > 0 && codes.every((c) => c.includes("~"));
}
