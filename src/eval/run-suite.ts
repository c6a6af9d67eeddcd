// Runs dyad over a peer test suite read from its folder and scores it: used by
// `dyad eval --suite NAME --path DIR` and by `npm run eval`.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CodedEvent } from "../doc/types.js";
import { loadUserActors, withSuiteActorCodes, type UserActor } from "../lexicon/user-actors.js";
import { createCoder, type Coder } from "../pipeline/coder.js";
import {
  formatPetrarchScore, petrCodeOn, petrUserActors, prefixAgentsOf, readPetrarchSuite, scorePetrarch,
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
 * Codes the enabled records of the PETRARCH suite. The suite's actor
 * dictionary becomes dyad user actors with the suite's codes; its date
 * restrictions are resolved at each record's date (dyad's actor files have no
 * validity periods), so one coder is built per distinct resolution.
 * `actorsFile`, a user's own actor file, is checked strictly and added first.
 */
export function codePetrarch(suite: PetrSuite, actorsFile?: string): CodedEvent[][] {
  const own: UserActor[] = actorsFile ? loadUserActors(actorsFile) : [];
  const prefixAgents = prefixAgentsOf(suite.agents);
  const dir = mkdtempSync(join(tmpdir(), "dyad-petrarch2-"));
  try {
    const coders = new Map<string, Coder>();
    return suite.records.map((r) => {
      if (!r.valid) return [];
      const key = suite.actors.map((a) => (a.codes.length > 1 || a.codes.some((c) => c.from || c.to) ? petrCodeOn(a, r.date) : "")).join(",");
      let coder = coders.get(key);
      if (!coder) {
        const file = join(dir, `actors-${coders.size}.json`);
        writeFileSync(file, JSON.stringify({ actors: [...own, ...petrUserActors(suite.actors, r.date, prefixAgents)] }));
        coder = withSuiteActorCodes(() => createCoder({ actorsFile: file }));
        coders.set(key, coder);
      }
      return coder.code({ id: r.id, date: r.date, text: r.text });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Reads, codes and scores one suite. */
export function runSuite(name: AnySuite, path: string, actorsFile?: string): SuiteRun {
  if (name === "petrarch2") {
    let suite: PetrSuite;
    try {
      suite = readPetrarchSuite(path);
    } catch (e) {
      throw new SuiteReadError(`${path}: cannot read the petrarch2 suite (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const coded = codePetrarch(suite, actorsFile);
    const score = scorePetrarch(suite.records, coded, { cameoCodes: suite.cameoCodes, prefixAgents: prefixAgentsOf(suite.agents) });
    return { name, score, text: formatPetrarchScore(score) };
  }
  let records;
  try {
    records = readSuite(name as SuiteName, path);
  } catch (e) {
    throw new SuiteReadError(`${path}: cannot read the ${name} suite (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const coder = createCoder({ actorsFile });
  const coded = records.map((r) => coder.code({ id: r.id, date: r.date, text: r.text }));
  const score = scoreSuite(records, coded);
  return { name, score, text: formatSuiteScore(name, score) };
}
