// Loads and checks data/verbs.json, the event predicates, and indexes them by
// the lemma of their first word so each token looks up only its own patterns.
// A user's verb file (dyad's JSON or a PETRARCH/TABARI dictionary) and the
// imported CAMEO verbs (data/cameo-verbs.json) are indexed with them, at a
// priority of their own: user first, then dyad's hand-written patterns, then
// the import.
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import type { PlovType } from "../../doc/types.js";
import { PLOV_TYPES } from "../../lexicon/common.js";
import { cameoType } from "../../lexicon/petrarch-dict-code.js";
import { expandSynset, isPetrarchVerbs, parsePetrVerbs, type PetrElem, type PetrReadOptions, type PetrVerbDict } from "../../lexicon/petrarch-dict.js";


const PatternSchema = z.object({
  id: z.string().min(1),
  type: z.enum(PLOV_TYPES),
  cameo: z.string().regex(/^\d{2,4}$/),
  mode: z.string().optional(),
  verbs: z.array(z.string().min(1)).optional(),
  objects: z.array(z.string().min(1)).optional(),
  objectsAny: z.array(z.string().min(1)).optional(),
  nouns: z.array(z.string().min(1)).optional(),
  adjectives: z.array(z.string().min(1)).optional(),
  target: z.array(z.string()),
  reciprocal: z.boolean().optional(),
  requiresJoint: z.boolean().optional(),
  excludeJoint: z.boolean().optional(),
  requiresActorObject: z.boolean().optional(),
  subjectSectors: z.array(z.string()).optional(),
  needsInfinitive: z.boolean().optional(),
  requiresFuture: z.boolean().optional(),
  defaultTarget: z.enum(["population", "government"]).optional(),
}).strict().refine((p) => p.verbs || p.nouns || p.adjectives, { message: "a pattern needs verbs, nouns or adjectives" });

const FileSchema = z.object({ version: z.literal(1), description: z.string(), patterns: z.array(PatternSchema) });

export type VerbPattern = z.infer<typeof PatternSchema> & { type: PlovType };

/**
 * data/cameo-verbs.json: patterns imported from PETRARCH-2's CAMEO verbs
 * (scripts/import-cameo-verbs.mjs), with the dictionary's licence notice, and
 * "use": which of them the coder takes. CAMEO's verbs are broad and noisy;
 * the selection is measured on the dev sets (docs/accuracy.md).
 */
export const cameoVerbsFileSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  source: z.string().min(1),
  notice: z.string().min(1),
  use: z.object({
    /** PLOVER types taken (none: the import is off). */
    types: z.array(z.enum(PLOV_TYPES)),
    /** Take only patterns with an object noun or a particle (not a bare verb's default code). */
    requireObject: z.boolean(),
    /** Pattern ids never taken (false alarms found on the dev sets); an id ending in "-" stands for a verb block's every pattern. */
    deny: z.array(z.string()),
    /** Pattern ids taken whatever the rules above say. */
    allow: z.array(z.string()).optional(),
  }).strict(),
  patterns: z.array(PatternSchema),
}).strict();

/** The imported CAMEO patterns the file's "use" lets through; none if the file is absent. */
export function loadCameoVerbs(file: string): VerbPattern[] {
  if (!existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = cameoVerbsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".")}: ${issue.message}`);
  }
  const { use, patterns } = parsed.data;
  const types = new Set<string>(use.types), deny = new Set(use.deny), allow = new Set(use.allow ?? []);
  // a deny entry ending in "-" names every pattern of a verb block ("cameo-explain-verbal-")
  const denied = (id: string) => deny.has(id) || use.deny.some((d) => d.endsWith("-") && id.startsWith(d));
  return (patterns as VerbPattern[]).filter((p) => allow.has(p.id) || (types.has(p.type) && !denied(p.id) && (!use.requireObject || !!p.objects || (p.verbs ?? []).every((v) => v.includes(" ")))));
}

/** One way a pattern can fire: its words, the first matched on lemma. */
export interface PatternForm {
  pattern: VerbPattern;
  /** Lower goes first: 0 a user's patterns, 1 dyad's, 2 the imported CAMEO verbs. */
  priority: number;
  words: string[];
  kind: "verb" | "noun" | "adjective";
  /** Object noun phrases (split into words) for light-verb patterns. */
  objects?: string[][];
  /** The same, by first word: an imported pattern may list dozens (a synset opened), and each token looks up only its own. */
  objectsByFirst?: Map<string, string[][]>;
  objectIsActor?: boolean;
}

export interface PatternIndex {
  byFirst: Map<string, PatternForm[]>;
  /** Regular inflections of verbs' first words → the verb, for tokens the tagger got wrong ("honored"/NOUN). */
  inflections: Map<string, string>;
  patterns: VerbPattern[];
}

/** Regular English inflections of a verb: -s, -ed, -ing, with e-dropping, y→i and consonant doubling. */
export function inflect(v: string): string[] {
  const out = new Set<string>();
  const cvc = /[^aeiou][aeiou][bdglmnprt]$/.test(v) && v.length <= 5;
  const stem = cvc ? v + v[v.length - 1] : v;
  if (/(s|x|z|ch|sh|o)$/.test(v)) out.add(v + "es"); else if (/[^aeiou]y$/.test(v)) out.add(v.slice(0, -1) + "ies"); else out.add(v + "s");
  if (v.endsWith("e")) { out.add(v + "d"); out.add(v.slice(0, -1) + "ing"); }
  else if (/[^aeiou]y$/.test(v)) { out.add(v.slice(0, -1) + "ied"); out.add(v + "ing"); }
  else { out.add(stem + "ed"); out.add(stem + "ing"); if (cvc) { out.add(v + "ed"); out.add(v + "ing"); } }
  return [...out];
}

/** Reads and validates a verb-pattern file (dyad's JSON); errors name the file and the entry. */
export function readPatternFile(file: string | URL, text?: string): VerbPattern[] {
  const path = file instanceof URL ? file.pathname : file;
  let raw: unknown;
  try {
    raw = JSON.parse(text ?? readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".");
    throw new Error(`${path}: ${where}: ${issue.message}`);
  }
  return parsed.data.patterns as VerbPattern[];
}

/** Reads, validates and indexes a verb-pattern file; errors name the file and the entry. */
export function loadPatterns(file: string | URL): PatternIndex {
  return indexPatterns(readPatternFile(file));
}

/** A user's verb file: dyad's JSON patterns, or a PETRARCH/TABARI verb dictionary (detected by content) with its patterns converted. */
export interface UserVerbs {
  patterns: VerbPattern[];
  /** The dictionary itself, for dictionary coding (PETRARCH format only). */
  petrarch?: PetrVerbDict;
}

export function loadUserVerbs(path: string, opts: PetrReadOptions = {}): UserVerbs {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!isPetrarchVerbs(text)) return { patterns: readPatternFile(path, text) };
  const petrarch = parsePetrVerbs(text, path, opts);
  return { patterns: petrarchPatterns(petrarch), petrarch };
}

// ---------------------------------------------------------------------------
// PETRARCH patterns as dyad's

/** Words that, right after a verb, are its particle or the preposition of its target. */
const PREPS = new Set(["to", "with", "against", "on", "upon", "for", "from", "in", "into", "at", "over", "about", "of", "by", "off", "up", "down", "out", "back", "away", "through", "toward", "towards", "across", "between", "among", "under", "behind", "before", "after", "along", "around", "within", "without", "onto"]);
/** A particle stays with the verb ("break off"); a preposition may also open the target ("meet with X"). */
const TARGET_DEFAULT = ["obj", "with", "against", "to", "on", "for", "from"];
/** Synset expansions kept per object, so a generic set (&CURRENCY) stays within reason. */
const SYN_LIMIT = 60;

/**
 * A PETRARCH pattern's reading in dyad's shape, where it has one: words before
 * the verb (context such as SAID, WILL NOT) have none; after the verb, a
 * particle joins the verb ("* OFF"), a noun phrase is a light verb's object
 * ("* AID", "* {ARMS SHIPMENT}", "* &FOOD"), a preposition before + names the
 * target's slot ("* (TO +)"), + right after the verb is the direct object.
 * Codes that are no CAMEO code (letters, 01 statements) are left out.
 */
export function petrarchPatterns(dict: PetrVerbDict, idPrefix = "petr"): VerbPattern[] {
  const out: VerbPattern[] = [];
  for (const block of dict.blocks) {
    // multi-word verbs dyad can match from their first word ("give up", "wire tap")
    const verbs = [...new Set(block.verbs.map((v) => v.words.join(" ").toLowerCase()))];
    if (!verbs.length) continue;
    const byCode = new Map<string, string[]>();
    for (const v of block.verbs) {
      const code = v.code !== undefined ? v.code : block.code;
      if (!code) continue;
      const l = byCode.get(code) ?? byCode.set(code, []).get(code)!;
      l.push(v.words.join(" ").toLowerCase());
    }
    for (const [code, vs] of byCode) {
      const type = cameoType(code);
      if (!type || !/^\d{2,4}$/.test(code)) continue;
      out.push({ id: `${idPrefix}-${slug(block.name)}-${block.line}-${code}`, type, cameo: code, verbs: vs, target: TARGET_DEFAULT });
    }
    for (const p of block.patterns) {
      if (!p.code || !/^\d{2,4}$/.test(p.code)) continue;
      const type = cameoType(p.code);
      if (!type) continue;
      // context before the verb: no reading (a $ or % alone marks the subject, dyad's default)
      if (p.pre.some((e) => e.kind !== "source" && e.kind !== "compound")) continue;
      const r = readPost(dict, p.post);
      if (!r) continue;
      const vs = verbs.map((v) => (r.particle ? `${v} ${r.particle}` : v));
      out.push({
        id: `${idPrefix}-${slug(block.name)}-${p.line}`, type, cameo: p.code, verbs: vs,
        ...(r.objects ? { objects: r.objects } : {}),
        target: r.target ?? TARGET_DEFAULT,
      });
    }
  }
  return out;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

/** The part of a pattern after the verb, as particle, object nouns and target slot; undefined where dyad has no reading. */
function readPost(dict: PetrVerbDict, post: PetrElem[]): { particle?: string; objects?: string[]; target?: string[] } | undefined {
  let k = 0;
  let particle: string | undefined;
  let target: string[] | undefined;
  const word = (e: PetrElem | undefined) => (e?.kind === "word" ? e.word.toLowerCase() : undefined);
  // a leading particle or preposition: the target's slot when + follows it, else part of the verb
  const w0 = word(post[0]);
  if (w0 && PREPS.has(w0)) {
    if (post[1]?.kind === "target") { target = [w0]; k = 2; }
    else { particle = w0; k = 1; }
  } else if (post[0]?.kind === "target") { target = ["obj"]; k = 1; }
  // then an object noun phrase: words and synsets in a row
  let objects: string[][] = [[]];
  let sawNoun = false;
  for (; k < post.length; k++) {
    const e = post[k];
    if (e.kind === "word" && !(PREPS.has(e.word.toLowerCase()) && sawNoun)) {
      if (PREPS.has(e.word.toLowerCase()) && !sawNoun) return undefined;
      objects = objects.map((o) => [...o, e.word.toLowerCase()]);
      sawNoun = true;
    } else if (e.kind === "syn") {
      const alts = expandSynset(dict, e.name, SYN_LIMIT).map((a) => a.join(" ").toLowerCase());
      objects = objects.flatMap((o) => alts.map((a) => [...o, a])).slice(0, SYN_LIMIT);
      sawNoun = true;
    } else break;
  }
  // after the object only a target's slot may follow ("* AID (TO +)", "* AID TO")
  if (k < post.length) {
    const p = word(post[k]);
    if (p && PREPS.has(p) && (k + 1 === post.length || (post[k + 1].kind === "target" && k + 2 === post.length))) target = [p];
    else if (post[k].kind === "target" && k + 1 === post.length) target = ["obj"];
    else return undefined;
  }
  if (!sawNoun && !particle && !target) return undefined;
  return { ...(particle ? { particle } : {}), ...(sawNoun ? { objects: objects.map((o) => o.join(" ")) } : {}), ...(target ? { target } : {}) };
}

function split(s: string): string[] {
  return s.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Indexes patterns by their first word. `lower` are further sets at lower
 * priority (each after the one before): where a higher one's reading fires,
 * theirs is never tried. A user's set goes before `patterns` through `first`.
 */
export function indexPatterns(patterns: VerbPattern[], lower: VerbPattern[][] = [], first: VerbPattern[] = []): PatternIndex {
  const byFirst = new Map<string, PatternForm[]>();
  const inflections = new Map<string, string>();
  const sets: [VerbPattern[], number][] = [[first, 0], [patterns, 1], ...lower.map((l, i): [VerbPattern[], number] => [l, 2 + i])];
  const add = (f: PatternForm) => {
    const k = f.words[0];
    let l = byFirst.get(k);
    if (!l) byFirst.set(k, (l = []));
    l.push(f);
  };
  for (const [set, priority] of sets) {
    for (const p of set) {
      const objects = (p.objects ?? p.objectsAny)?.map(split);
      let objectsByFirst: Map<string, string[][]> | undefined;
      if (objects) {
        objectsByFirst = new Map();
        for (const o of objects) {
          const l = objectsByFirst.get(o[0]);
          if (l) l.push(o); else objectsByFirst.set(o[0], [o]);
        }
      }
      for (const v of p.verbs ?? []) {
        const words = split(v);
        add({ pattern: p, priority, words, kind: "verb", objects, objectsByFirst, objectIsActor: !!p.objectsAny });
        for (const f of inflect(words[0])) if (!inflections.has(f)) inflections.set(f, words[0]);
      }
      for (const n of p.nouns ?? []) add({ pattern: p, priority, words: split(n), kind: "noun" });
      for (const a of p.adjectives ?? []) add({ pattern: p, priority, words: split(a), kind: "adjective" });
    }
  }
  // Light-verb forms (with objects) first, then longer phrases: the most specific reading wins.
  // On a tie the pattern with a condition on its subject goes first ("protesters protest against",
  // else "the ministry protested against": ACCUSE).
  // (a set of higher priority before all of a lower one's)
  for (const l of byFirst.values()) l.sort((a, b) => a.priority - b.priority || (b.objects ? 1 : 0) - (a.objects ? 1 : 0) || b.words.length - a.words.length || (b.pattern.subjectSectors ? 1 : 0) - (a.pattern.subjectSectors ? 1 : 0));
  return { byFirst, inflections, patterns: [...first, ...patterns, ...lower.flat()] };
}
