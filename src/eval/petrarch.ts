// PETRARCH-2's unit-test records (../shared/peer-suites/petrarch2), read in
// their own format: validation.jsonl and the suite's small PETRARCH
// dictionaries of made-up actors (Arnor = ARN, Gondor = GON …) and agents.
// Nothing of the suite is copied into dyad: the dictionaries are parsed at run
// time and handed to the coder as extra user actors with the suite's codes.
// PETRARCH's verb dictionary is not used: dyad codes with its own predicates.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CodedEvent, Sector } from "../doc/types.js";
import type { UserActor } from "../lexicon/user-actors.js";
import { SYMMETRIC } from "../stages/dedupe/dedupe.js";
import { prf, type Prf } from "./score.js";

// ---------------------------------------------------------------------------
// Records

export interface PetrExpected { source: string; target: string; code: string }

export interface PetrRecord {
  seq: number;
  id: string;
  /** YYYY-MM-DD, as dyad takes it (the file has YYYYMMDD). */
  date: string;
  section: string;
  /** The record's sentence="true|false": the old runner skipped false ones. */
  valid: boolean;
  text: string;
  expected: PetrExpected[];
  noevents: boolean;
  error: string | null;
}

/** Reads validation.jsonl; `file` names the file in errors. */
export function parsePetrRecords(text: string, file = "validation.jsonl"): PetrRecord[] {
  return text.split("\n").flatMap((line, i) => {
    if (!line.trim()) return [];
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`${file}:${i + 1}: not JSON`);
    }
    const d = String(r.date ?? "");
    if (!/^\d{8}$/.test(d)) throw new Error(`${file}:${i + 1}: expected a date YYYYMMDD, got ${JSON.stringify(r.date)}`);
    if (!Array.isArray(r.expected)) throw new Error(`${file}:${i + 1}: expected a list "expected"`);
    return [{
      seq: Number(r.seq ?? i + 1), id: String(r.id), date: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`,
      section: String(r.section ?? ""), valid: r.valid !== false, text: String(r.text ?? ""),
      expected: (r.expected as Record<string, unknown>[]).map((e) => ({ source: String(e.source), target: String(e.target), code: String(e.code) })),
      noevents: r.noevents === true, error: r.error == null ? null : String(r.error),
    }];
  });
}

// ---------------------------------------------------------------------------
// Dictionaries (PETRARCH's format: docs/source/dictionaries.rst in petrarch2)

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

/** Drops <!-- --> comments (also over several lines), # and ; comments. */
function stripComments(text: string): string[] {
  const noXml = text.replace(/<!?\s*--[\s\S]*?-->/g, (m) => m.replace(/[^\n]/g, ""));
  return noXml.split("\n").map((l) => l.replace(/[#;].*$/, "").replace(/\s+$/, ""));
}

/** A YYMMDD date as YYYYMMDD (PETRARCH reads two-digit years as 19YY). */
function fullDate(d: string): string {
  if (/^\d{8}$/.test(d)) return d;
  if (/^\d{6}$/.test(d)) return `19${d}`;
  throw new Error(`bad date "${d}"`);
}

/** "[HOBGOV 19950601 - 19990815]", "[HOB < 950601]", "[ARN]" → a code block. */
function codeBlock(inner: string): PetrCodeBlock {
  const m = /^\s*(\S+)\s*(.*)$/.exec(inner);
  if (!m) throw new Error(`empty code block`);
  const code = m[1].toUpperCase();
  const rest = m[2].replace(/\s+/g, "");
  if (!rest) return { code };
  let r: RegExpExecArray | null;
  if ((r = /^<(\d+)$/.exec(rest))) return { code, to: fullDate(r[1]) };
  if ((r = /^>(\d+)$/.exec(rest))) return { code, from: fullDate(r[1]) };
  if ((r = /^(\d+)-(\d+)$/.exec(rest))) return { code, from: fullDate(r[1]), to: fullDate(r[2]) };
  throw new Error(`bad date restriction "${inner}"`);
}

/** "ARNOR_" → "ARNOR", "MINAS_TIRITH" → "MINAS TIRITH". */
const phrase = (s: string) => s.trim().replace(/_+$/, "").replace(/[_\s]+/g, " ").trim();

/** Reads a PETRARCH actor dictionary. */
export function parsePetrActors(text: string, file = "actors.txt"): PetrActor[] {
  const out: PetrActor[] = [];
  let cur: PetrActor | undefined;
  stripComments(text).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      if (/^\s/.test(line) && /^\s*\[/.test(line)) {
        // a tab-indented code block of the entry above
        if (!cur) throw new Error("a code block before any actor");
        for (const m of line.matchAll(/\[([^\]]*)\]/g)) cur.codes.push(codeBlock(m[1]));
        return;
      }
      const t = line.trim();
      const m = /^(\+?)([^[]*?)\s*(?:\[([^\]]*)\])?\s*$/.exec(t);
      if (!m) throw new Error(`cannot read "${t}"`);
      const name = phrase(m[2]);
      if (m[1]) {
        if (!cur) throw new Error("a synonym before any actor");
        if (name) cur.names.push(name);
        if (m[3] !== undefined) cur.codes.push(codeBlock(m[3]));
        return;
      }
      if (!name) throw new Error(`no phrase in "${t}"`);
      cur = { names: [name], codes: m[3] !== undefined ? [codeBlock(m[3])] : [] };
      out.push(cur);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
    }
  });
  return out;
}

/** Regular English plural as PETRARCH forms it: +S, Y → IES, SS → SSES. */
function petrPlural(p: string): string {
  if (/[^AEIOU]Y$/i.test(p)) return p.slice(0, -1) + "IES";
  if (/SS$/i.test(p)) return p + "ES";
  return p + "S";
}

/** Reads a PETRARCH agent dictionary: `PHRASE {PLURAL} [~CODE]`, with !MARKER! = A, B substitutions. */
export function parsePetrAgents(text: string, file = "agents.txt"): PetrAgent[] {
  const subs = new Map<string, string[]>();
  const out: PetrAgent[] = [];
  stripComments(text).forEach((line, i) => {
    const t = line.trim();
    if (!t) return;
    const sub = /^(![A-Z]+!)\s*=\s*(.+)$/i.exec(t);
    if (sub) { subs.set(sub[1].toUpperCase(), sub[2].split(",").map((s) => s.trim()).filter(Boolean)); return; }
    const m = /^(.*?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(t);
    if (!m) throw new Error(`${file}:${i + 1}: cannot read "${t}"`);
    const raw = m[1].trim(), code = m[3];
    const prefix = /~$/.test(code) && !/^~/.test(code);
    const c = code.replace(/~/g, "").toUpperCase();
    if (!raw || !c) throw new Error(`${file}:${i + 1}: cannot read "${t}"`);
    const marker = /![A-Z]+!/i.exec(raw);
    let forms: string[];
    if (marker) {
      // every listed form stands for the marker, with no plural formed
      const list = subs.get(marker[0].toUpperCase());
      if (!list) throw new Error(`${file}:${i + 1}: unknown substitution ${marker[0]}`);
      forms = list.map((s) => raw.replace(marker[0], s));
    } else if (m[2] !== undefined) {
      // {} : no plural; {PLURAL}: that plural
      forms = m[2].trim() ? [raw, m[2].trim()] : [raw];
    } else forms = [raw, petrPlural(raw.replace(/_+$/, ""))];
    out.push({ names: [...new Set(forms.map(phrase))], code: c, prefix });
  });
  return out;
}

/** The actor's code on a date (YYYYMMDD): the first date restriction that holds, else the default, else the null code ---. */
export function petrCodeOn(actor: PetrActor, date: string): string {
  const d = date.replace(/-/g, "");
  const dated = actor.codes.find((c) => (c.from || c.to) && (!c.from || c.from <= d) && (!c.to || d <= c.to));
  return (dated ?? actor.codes.find((c) => !c.from && !c.to))?.code ?? "---";
}

// ---------------------------------------------------------------------------
// Codes and sectors

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

/**
 * The country/actor root of a suite code, the part dyad can be compared on:
 * the first three characters, after an agent code the agents dictionary puts
 * in front (NGOARNGOV → ARN). A new actor named by its text ("INJURY TOLL")
 * is its own root (dyad never writes one).
 */
export function petrRoot(code: string, prefixAgents: PrefixAgents = new Set(["NGO"])): string {
  const c = code.trim().toUpperCase();
  if (c.startsWith('"')) return c;
  const head = c.slice(0, 3);
  return prefixAgents.has(head) && c.length >= 6 ? c.slice(3, 6) : head;
}

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

/** "MINAS TIRITH" → "Minas Tirith"; "U.N." stays. */
const displayName = (s: string) => s.toLowerCase().replace(/(^|[\s.-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());

/**
 * The suite's actors as dyad user actors on a date (date restrictions
 * resolved), with the suite's codes as their country: a user's translation of
 * the dictionary. Sectors come from the code's agent part where obvious, else
 * GOV for a bare three-letter code (dyad's reading of a bare country name) or OTH.
 */
export function petrUserActors(actors: PetrActor[], date: string, prefixAgents?: PrefixAgents): UserActor[] {
  return actors.map((a) => {
    const code = petrCodeOn(a, date);
    const sector = code.split("/").map((c) => petrSector(c, prefixAgents)).find(Boolean) ?? (/^[A-Z]{3}$/.test(code) ? "GOV" : "OTH");
    return { names: [...new Set(a.names.map(displayName))], country: code, sector };
  });
}

// ---------------------------------------------------------------------------
// The suite

export interface PetrSuite {
  records: PetrRecord[];
  actors: PetrActor[];
  agents: PetrAgent[];
  /** Codes of the CAMEO list (cameo_codes.tsv), roots included. */
  cameoCodes: Set<string>;
}

export const PETR_FILES = {
  records: "validation.jsonl",
  actors: join("dictionaries", "PETR.Validate.actors.txt"),
  agents: join("dictionaries", "PETR.Validate.agents.txt"),
  cameo: "cameo_codes.tsv",
} as const;

/** Reads the suite from its folder (../shared/peer-suites/petrarch2). */
export function readPetrarchSuite(dir: string): PetrSuite {
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  const cameoCodes = new Set(read(PETR_FILES.cameo).split("\n").slice(1).map((l) => l.split("\t")[0].trim()).filter(Boolean));
  return {
    records: parsePetrRecords(read(PETR_FILES.records), PETR_FILES.records),
    actors: parsePetrActors(read(PETR_FILES.actors), PETR_FILES.actors),
    agents: parsePetrAgents(read(PETR_FILES.agents), PETR_FILES.agents),
    cameoCodes,
  };
}

export const prefixAgentsOf = (agents: PetrAgent[]): PrefixAgents => new Set(agents.filter((a) => a.prefix).map((a) => a.code.slice(0, 3)));

// ---------------------------------------------------------------------------
// Scoring

export interface Tuple { src: string; tgt: string; code: string; srcSector?: string; tgtSector?: string }

export interface PetrCounts {
  /** Enabled records scored. */
  records: number;
  /** Expected events, and dyad's events as directed pairs (see dyadTuples), on records that expect events. */
  gold: number;
  pred: number;
  /** Matches on (source root, target root, first two digits of the code) and on the full code. */
  rootTp: number;
  fullTp: number;
  /** Expected events dyad could match at all: CAMEO root 01–20 (root level) / code in the CAMEO list (full), actors with a code. */
  rootComparable: number;
  fullComparable: number;
  /** Records that expect no event, and those where dyad coded nothing. */
  noEvent: number;
  noEventRight: number;
  /** dyad's directed pairs on the records that expect none. */
  noEventFalse: number;
  /** On root-level matches: expected actors whose agent has a dyad sector, and how many dyad gave that sector. */
  agentOf: number;
  agentRight: number;
}

export interface PetrScore extends PetrCounts {
  /** Records left out because the suite disables them (valid: false). */
  disabled: number;
  root: Prf;
  full: Prf;
  /** Recall over the comparable expected events only. */
  rootComparableRecall: number;
  fullComparableRecall: number;
  noEventAccuracy: number;
  perSection: Record<string, PetrCounts & { root: Prf; full: Prf }>;
}

const zero = (): PetrCounts => ({
  records: 0, gold: 0, pred: 0, rootTp: 0, fullTp: 0, rootComparable: 0, fullComparable: 0,
  noEvent: 0, noEventRight: 0, noEventFalse: 0, agentOf: 0, agentRight: 0,
});

/**
 * dyad's events as the suite's directed tuples. An actor coded "ELR/GAL" (a
 * compound code) stands for each of its codes. An event of a type dyad treats
 * as symmetric (CONSULT, AGREE, COOPERATE: one event per pair, in either
 * order) stands for both directions, as PETRARCH codes "A and B agreed".
 */
export function dyadTuples(evs: CodedEvent[]): Tuple[] {
  const out: Tuple[] = [];
  for (const e of evs) {
    for (const s of (e.source.country || "---").split("/")) {
      for (const t of (e.target.country || "---").split("/")) {
        out.push({ src: s, tgt: t, code: e.cameo, srcSector: e.source.sector, tgtSector: e.target.sector });
        if (SYMMETRIC.has(e.type) && s !== t) out.push({ src: t, tgt: s, code: e.cameo, srcSector: e.target.sector, tgtSector: e.source.sector });
      }
    }
  }
  return out;
}

/** Greedy one-to-one matching of expected to dyad's tuples under `key` (optimal, since keys are compared for equality). */
function match(gold: Tuple[], pred: Tuple[], key: (t: Tuple) => string): [Tuple, Tuple][] {
  const pool = new Map<string, Tuple[]>();
  for (const p of pred) {
    const k = key(p);
    (pool.get(k) ?? pool.set(k, []).get(k)!).push(p);
  }
  const pairs: [Tuple, Tuple][] = [];
  for (const g of gold) {
    const p = pool.get(key(g))?.shift();
    if (p) pairs.push([g, p]);
  }
  return pairs;
}

export interface PetrScoreOptions {
  /** Codes of the CAMEO list, for the "comparable" recall (all codes count when absent). */
  cameoCodes?: ReadonlySet<string>;
  prefixAgents?: PrefixAgents;
}

/**
 * Scores dyad on the suite's own terms: `coded[i]` are dyad's events for
 * `records[i]`. Disabled records are skipped. A record with expected events
 * adds them to recall and dyad's events to precision; a record that expects
 * none (noevents, an error, or no coding given) counts as right when dyad
 * codes nothing. Actors compare on their root (see petrRoot).
 */
export function scorePetrarch(records: PetrRecord[], coded: CodedEvent[][], opts: PetrScoreOptions = {}): PetrScore {
  const prefixAgents = opts.prefixAgents ?? new Set(["NGO"]);
  const root = (c: string) => petrRoot(c, prefixAgents);
  const rootKey = (t: Tuple) => `${root(t.src)}|${root(t.tgt)}|${t.code.slice(0, 2)}`;
  const fullKey = (t: Tuple) => `${root(t.src)}|${root(t.tgt)}|${t.code}`;
  const total = zero();
  const sections = new Map<string, PetrCounts>();
  let disabled = 0;
  records.forEach((r, i) => {
    if (!r.valid) { disabled++; return; }
    const sec = sections.get(r.section) ?? sections.set(r.section, zero()).get(r.section)!;
    const add = (f: (c: PetrCounts) => void) => { f(total); f(sec); };
    add((c) => c.records++);
    const pred = dyadTuples(coded[i] ?? []);
    if (!r.expected.length) {
      add((c) => { c.noEvent++; c.noEventFalse += pred.length; if (!pred.length) c.noEventRight++; });
      return;
    }
    const gold: Tuple[] = r.expected.map((e) => ({ src: e.source, tgt: e.target, code: e.code }));
    const known = (t: Tuple) => !t.src.startsWith('"') && !t.tgt.startsWith('"') && !t.src.startsWith("#") && !t.tgt.startsWith("#");
    const rootOk = gold.filter((g) => known(g) && /^(0[1-9]|1\d|20)$/.test(g.code.slice(0, 2))).length;
    const fullOk = gold.filter((g) => known(g) && (!opts.cameoCodes || opts.cameoCodes.has(g.code))).length;
    const rootPairs = match(gold, pred, rootKey);
    const fullTp = match(gold, pred, fullKey).length;
    let agentOf = 0, agentRight = 0;
    for (const [g, p] of rootPairs) {
      for (const [code, got] of [[g.src, p.srcSector], [g.tgt, p.tgtSector]] as const) {
        const want = petrSector(code, prefixAgents);
        if (!want) continue;
        agentOf++;
        if (got === want) agentRight++;
      }
    }
    add((c) => {
      c.gold += gold.length; c.pred += pred.length; c.rootTp += rootPairs.length; c.fullTp += fullTp;
      c.rootComparable += rootOk; c.fullComparable += fullOk; c.agentOf += agentOf; c.agentRight += agentRight;
    });
  });
  const withPrf = (c: PetrCounts) => ({ ...c, root: prf(c.rootTp, c.pred, c.gold), full: prf(c.fullTp, c.pred, c.gold) });
  return {
    ...withPrf(total),
    disabled,
    rootComparableRecall: total.rootComparable ? total.rootTp / total.rootComparable : 0,
    fullComparableRecall: total.fullComparable ? total.fullTp / total.fullComparable : 0,
    noEventAccuracy: total.noEvent ? total.noEventRight / total.noEvent : 0,
    perSection: Object.fromEntries([...sections].map(([k, c]) => [k, withPrf(c)])),
  };
}

export function formatPetrarchScore(s: PetrScore): string {
  const f = (x: number) => x.toFixed(3);
  const line = (name: string, p: Prf) => `${name.padEnd(6)} P ${f(p.p)}  R ${f(p.r)}  F1 ${f(p.f1)}  (${p.tp} of ${p.gold} expected, ${p.pred} coded)`;
  const lines = [
    `suite petrarch2: ${s.records} enabled records (${s.disabled} disabled, skipped); ${s.records - s.noEvent} expect ${s.gold} events, ${s.noEvent} expect none`,
    "actors compare on their root (first 3 letters of the suite code, after a prefixed agent such as NGO); root = first 2 digits",
    "of the code, full = the whole code; coded = dyad's events as directed pairs (symmetric types both ways)",
    line("root", s.root),
    line("full", s.full),
    `recall on the expected events dyad can produce: root ${f(s.rootComparableRecall)} (of ${s.rootComparable}), full ${f(s.fullComparableRecall)} (of ${s.fullComparable})`,
    `no-event records: ${s.noEventRight} of ${s.noEvent} right (${f(s.noEventAccuracy)}); ${s.noEventFalse} events coded on them`,
  ];
  if (s.agentOf) lines.push(`agents on root matches: ${s.agentRight} of ${s.agentOf} expected agents with a dyad sector agree (${f(s.agentRight / s.agentOf)})`);
  lines.push("", `${"section".padEnd(58)} recs  gold coded  root  full  rootF1 fullF1 no-event`);
  for (const [name, c] of Object.entries(s.perSection)) {
    lines.push(
      `${name.slice(0, 58).padEnd(58)} ${String(c.records).padStart(4)} ${String(c.gold).padStart(5)} ${String(c.pred).padStart(5)} ${String(c.rootTp).padStart(5)} ${String(c.fullTp).padStart(5)}  ${f(c.root.f1)}  ${f(c.full.f1)} ${c.noEvent ? `${c.noEventRight}/${c.noEvent}` : "-"}`,
    );
  }
  return lines.join("\n");
}
