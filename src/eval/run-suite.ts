// Runs dyad over a peer test suite read from its folder and scores it: used by
// `dyad eval --suite NAME --path DIR` and by `npm run eval`.
import { join } from "node:path";
import type { CodedEvent } from "../doc/types.js";
import { withSuiteActorCodes } from "../lexicon/user-actors.js";
import { DIRECTED } from "../lexicon/petrarch-dict-code.js";
import { createCoder } from "../pipeline/coder.js";
import {
  formatPetrarchScore, PETR_FILES, prefixAgentsOf, readPetrarchSuite, scorePetrarch,
  type PetrScore, type PetrSuite,
} from "./petrarch.js";
import { formatSuiteScore, readSuite, scoreSuite, SUITES, type SuiteName, type SuiteScore } from "./suites.js";

export const ALL_SUITES = [...SUITES, "petrarch2"] as const;
export type AnySuite = (typeof ALL_SUITES)[number];

export const isSuite = (name: string): name is AnySuite => (ALL_SUITES as readonly string[]).includes(name);

export interface SuiteRun {
  name: AnySuite;
  score: SuiteScore | PetrScore;
  /** The printed table. */
  text: string;
}

/** A suite's folder could not be read in its format. */
export class SuiteReadError extends Error {}

/**
 * Codes the enabled records of the PETRARCH suite with a coder built from the
 * suite's own dictionaries: its verbs (PETR.Validate.verbs.txt) and its actors
 * and agents, all read by dyad's PETRARCH/TABARI reader. The dictionaries code
 * each sentence first (their codes kept, as the suite scores them); dyad's own
 * patterns code the sentences they leave. `actorsFile`, a user's own actor
 * file, is added after the suite's.
 */
export function codePetrarch(dir: string, suite: PetrSuite, actorsFile?: string | string[], verbsFile?: string, directed?: Set<CodedEvent>): CodedEvent[][] {
  const coder = withSuiteActorCodes(() => createCoder({
    actorsFile: [join(dir, PETR_FILES.actors), join(dir, PETR_FILES.agents), ...(typeof actorsFile === "string" ? [actorsFile] : actorsFile ?? [])],
    // (a user's own verb file replaces the suite's, to try one's dictionary on the suite)
    verbsFile: verbsFile ?? join(dir, PETR_FILES.verbs),
    // (the suite's verb file has a few typos, listed in suite.problems; PETRARCH skips them too)
    skipBadDictionaryEntries: true,
  }));
  return suite.records.map((r) => {
    if (!r.valid) return [];
    const { doc, events } = coder.analyseArticle({ id: r.id, date: r.date, text: r.text });
    // (events are the document's candidates, in order: the dictionary's one-way ones are marked)
    events.forEach((e, i) => { if (doc.events?.[i]?.pattern.endsWith(DIRECTED)) directed?.add(e); });
    return events;
  });
}

/** Reads, codes and scores one suite. */
export function runSuite(name: AnySuite, path: string, actorsFile?: string | string[], verbsFile?: string): SuiteRun {
  if (name === "petrarch2") {
    let suite: PetrSuite;
    try {
      suite = readPetrarchSuite(path);
    } catch (e) {
      throw new SuiteReadError(`${path}: cannot read the petrarch2 suite (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const directed = new Set<CodedEvent>();
    const coded = codePetrarch(path, suite, actorsFile, verbsFile, directed);
    const score = scorePetrarch(suite.records, coded, { cameoCodes: suite.cameoCodes, prefixAgents: prefixAgentsOf(suite.agents), directed });
    return { name, score, text: formatPetrarchScore(score) };
  }
  let records;
  try {
    records = readSuite(name as SuiteName, path);
  } catch (e) {
    throw new SuiteReadError(`${path}: cannot read the ${name} suite (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const coder = createCoder({ actorsFile, verbsFile });
  const coded = records.map((r) => coder.code({ id: r.id, date: r.date, text: r.text }));
  const score = scoreSuite(records, coded);
  return { name, score, text: formatSuiteScore(name, score) };
}
