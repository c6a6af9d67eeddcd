// Loads and checks data/verbs.json, the event predicates, and indexes them by
// the lemma of their first word so each token looks up only its own patterns.
import { readFileSync } from "node:fs";
import { z } from "zod";
import type { PlovType } from "../../doc/types.js";
import { PLOV_TYPES } from "../../lexicon/common.js";


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
  defaultTarget: z.enum(["population"]).optional(),
}).strict().refine((p) => p.verbs || p.nouns || p.adjectives, { message: "a pattern needs verbs, nouns or adjectives" });

const FileSchema = z.object({ version: z.literal(1), description: z.string(), patterns: z.array(PatternSchema) });

export type VerbPattern = z.infer<typeof PatternSchema> & { type: PlovType };

/** One way a pattern can fire: its words, the first matched on lemma. */
export interface PatternForm {
  pattern: VerbPattern;
  words: string[];
  kind: "verb" | "noun" | "adjective";
  /** Object noun phrases (split into words) for light-verb patterns. */
  objects?: string[][];
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

/** Reads, validates and indexes a verb-pattern file; errors name the file and the entry. */
export function loadPatterns(file: string | URL): PatternIndex {
  const path = file instanceof URL ? file.pathname : file;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join(".");
    throw new Error(`${path}: ${where}: ${issue.message}`);
  }
  return indexPatterns(parsed.data.patterns as VerbPattern[]);
}

function split(s: string): string[] {
  return s.toLowerCase().split(/\s+/).filter(Boolean);
}

export function indexPatterns(patterns: VerbPattern[]): PatternIndex {
  const byFirst = new Map<string, PatternForm[]>();
  const inflections = new Map<string, string>();
  const add = (f: PatternForm) => {
    const k = f.words[0];
    let l = byFirst.get(k);
    if (!l) byFirst.set(k, (l = []));
    l.push(f);
  };
  for (const p of patterns) {
    const objects = (p.objects ?? p.objectsAny)?.map(split);
    for (const v of p.verbs ?? []) {
      const words = split(v);
      add({ pattern: p, words, kind: "verb", objects, objectIsActor: !!p.objectsAny });
      for (const f of inflect(words[0])) if (!inflections.has(f)) inflections.set(f, words[0]);
    }
    for (const n of p.nouns ?? []) add({ pattern: p, words: split(n), kind: "noun" });
    for (const a of p.adjectives ?? []) add({ pattern: p, words: split(a), kind: "adjective" });
  }
  // Light-verb forms (with objects) first, then longer phrases: the most specific reading wins.
  // On a tie the pattern with a condition on its subject goes first ("protesters protest against",
  // else "the ministry protested against": ACCUSE).
  for (const l of byFirst.values()) l.sort((a, b) => (b.objects ? 1 : 0) - (a.objects ? 1 : 0) || b.words.length - a.words.length || (b.pattern.subjectSectors ? 1 : 0) - (a.pattern.subjectSectors ? 1 : 0));
  return { byFirst, inflections, patterns };
}
