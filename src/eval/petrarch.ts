// PETRARCH-2's unit-test records (../shared/peer-suites/petrarch2), read in
// their own format: validation.jsonl and the suite's small PETRARCH
// dictionaries of made-up actors (Arnor = ARN, Gondor = GON …) and agents.
// Nothing of the suite is copied into dyad: the dictionaries (verbs, actors,
// agents) are parsed at run time by dyad's PETRARCH/TABARI reader and handed
// to a coder built from them (see run-suite.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CodedEvent, Sector } from "../doc/types.js";
import { parsePetrActors, parsePetrAgents, parsePetrVerbs, petrCodeOn, petrSector, type PetrActor, type PrefixAgents, type PetrAgent, type PetrVerbDict } from "../lexicon/petrarch-dict.js";
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
// Dictionaries: read by the general PETRARCH/TABARI reader (src/lexicon/petrarch-dict.ts)

export { AGENT_SECTORS, parsePetrActors, parsePetrAgents, petrCodeOn, petrSector, type PetrActor, type PetrAgent, type PetrCodeBlock, type PrefixAgents } from "../lexicon/petrarch-dict.js";

// ---------------------------------------------------------------------------
// Codes and sectors


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
  verbs: PetrVerbDict;
  /** Entries of the dictionaries the reader skipped, with file, line and problem (the suite's files have a few). */
  problems: string[];
  /** Codes of the CAMEO list (cameo_codes.tsv), roots included. */
  cameoCodes: Set<string>;
}

export const PETR_FILES = {
  records: "validation.jsonl",
  actors: join("dictionaries", "PETR.Validate.actors.txt"),
  agents: join("dictionaries", "PETR.Validate.agents.txt"),
  verbs: join("dictionaries", "PETR.Validate.verbs.txt"),
  cameo: "cameo_codes.tsv",
} as const;

/** Reads the suite from its folder (../shared/peer-suites/petrarch2). */
export function readPetrarchSuite(dir: string): PetrSuite {
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  const cameoCodes = new Set(read(PETR_FILES.cameo).split("\n").slice(1).map((l) => l.split("\t")[0].trim()).filter(Boolean));
  const problems: string[] = [];
  const onProblem = (e: Error) => problems.push(e.message);
  return {
    records: parsePetrRecords(read(PETR_FILES.records), PETR_FILES.records),
    actors: parsePetrActors(read(PETR_FILES.actors), PETR_FILES.actors, { onProblem }),
    agents: parsePetrAgents(read(PETR_FILES.agents), PETR_FILES.agents, { onProblem }),
    verbs: parsePetrVerbs(read(PETR_FILES.verbs), PETR_FILES.verbs, { onProblem }),
    problems,
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
  /** Expected events in CAMEO's codes: root 01–20 (root level) / a code of the CAMEO list (full), with actors the suite names. */
  rootComparable: number;
  fullComparable: number;
  /** Of those, how many were matched. */
  rootComparableTp: number;
  fullComparableTp: number;
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
  records: 0, gold: 0, pred: 0, rootTp: 0, fullTp: 0, rootComparable: 0, fullComparable: 0, rootComparableTp: 0, fullComparableTp: 0,
  noEvent: 0, noEventRight: 0, noEventFalse: 0, agentOf: 0, agentRight: 0,
});

/**
 * dyad's events as the suite's directed tuples. An actor coded "ELR/GAL" (a
 * compound code) stands for each of its codes. An event of a type dyad treats
 * as symmetric (CONSULT, AGREE, COOPERATE: one event per pair, in either
 * order) stands for both directions, as PETRARCH codes "A and B agreed";
 * not one in `directed`, coded one way by a dictionary pattern that gives it
 * its direction.
 */
export function dyadTuples(evs: CodedEvent[], directed?: ReadonlySet<CodedEvent>): Tuple[] {
  const out: Tuple[] = [];
  for (const e of evs) {
    for (const s of (e.source.country || "---").split("/")) {
      for (const t of (e.target.country || "---").split("/")) {
        out.push({ src: s, tgt: t, code: e.cameo, srcSector: e.source.sector, tgtSector: e.target.sector });
        if (SYMMETRIC.has(e.type) && s !== t && !directed?.has(e)) out.push({ src: t, tgt: s, code: e.cameo, srcSector: e.target.sector, tgtSector: e.source.sector });
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
  /** Events coded one way by a dictionary pattern: not read both ways (see dyadTuples). */
  directed?: ReadonlySet<CodedEvent>;
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
    const pred = dyadTuples(coded[i] ?? [], opts.directed);
    if (!r.expected.length) {
      add((c) => { c.noEvent++; c.noEventFalse += pred.length; if (!pred.length) c.noEventRight++; });
      return;
    }
    const gold: Tuple[] = r.expected.map((e) => ({ src: e.source, tgt: e.target, code: e.code }));
    const known = (t: Tuple) => !t.src.startsWith('"') && !t.tgt.startsWith('"') && !t.src.startsWith("#") && !t.tgt.startsWith("#");
    const rootCameo = (g: Tuple) => known(g) && /^(0[1-9]|1\d|20)$/.test(g.code.slice(0, 2));
    const fullCameo = (g: Tuple) => known(g) && (!opts.cameoCodes || opts.cameoCodes.has(g.code));
    const rootOk = gold.filter(rootCameo).length;
    const fullOk = gold.filter(fullCameo).length;
    const rootPairs = match(gold, pred, rootKey);
    const fullPairs = match(gold, pred, fullKey);
    const fullTp = fullPairs.length;
    // (matches of CAMEO-coded expectations only, for the recall over them)
    const rootCameoTp = rootPairs.filter(([g]) => rootCameo(g)).length, fullCameoTp = fullPairs.filter(([g]) => fullCameo(g)).length;
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
      c.rootComparable += rootOk; c.fullComparable += fullOk; c.rootComparableTp += rootCameoTp; c.fullComparableTp += fullCameoTp; c.agentOf += agentOf; c.agentRight += agentRight;
    });
  });
  const withPrf = (c: PetrCounts) => ({ ...c, root: prf(c.rootTp, c.pred, c.gold), full: prf(c.fullTp, c.pred, c.gold) });
  return {
    ...withPrf(total),
    disabled,
    rootComparableRecall: total.rootComparable ? total.rootComparableTp / total.rootComparable : 0,
    fullComparableRecall: total.fullComparable ? total.fullComparableTp / total.fullComparable : 0,
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
    "of the code, full = the whole code; coded = dyad's events as directed pairs (symmetric types both ways, unless a",
    "dictionary pattern coded the event one way); the suite's verb, actor and agent dictionaries code first",
    line("root", s.root),
    line("full", s.full),
    `recall on the expected events in CAMEO's codes (with actors the suite names): root ${f(s.rootComparableRecall)} (of ${s.rootComparable}), full ${f(s.fullComparableRecall)} (of ${s.fullComparable})`,
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
