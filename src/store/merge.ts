// The cross-article merge rule, the same for every backend: a report joins an
// event already stored when it has the same source country, type and target
// country (either order for types done together, as in the coder's own
// de-duplication) and its date is within the merge window of that event's
// date. Among several such events the nearest in date wins, then the oldest.
import type { CodedEvent } from "../doc/types.js";
import { SYMMETRIC } from "../stages/dedupe/dedupe.js";
import type { MergeOptions } from "./types.js";

export const DEFAULT_MERGE: MergeOptions = { windowDays: 0 };

const DAY_MS = 86_400_000;

/** Days from a to b (ISO dates), whole days. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / DAY_MS);
}

/** The ISO date `n` days after `d`. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(d + "T00:00:00Z") + n * DAY_MS).toISOString().slice(0, 10);
}

/** The (source, target) orders a stored event may have to match `e`. */
export function mergePairs(e: Pick<CodedEvent, "type" | "source" | "target">): [string, string][] {
  const s = e.source.country, t = e.target.country;
  return SYMMETRIC.has(e.type) && s !== t ? [[s, t], [t, s]] : [[s, t]];
}

/** The date range a matching stored event must fall in, or undefined when merging is off. */
export function mergeRange(date: string, opts: MergeOptions): [string, string] | undefined {
  if (opts.windowDays < 0) return undefined;
  return [addDays(date, -opts.windowDays), addDays(date, opts.windowDays)];
}

/** Of the stored events that match, the one a report dated `date` joins. */
export function pickMergeTarget<T extends { id: number; date: string }>(candidates: T[], date: string): T | undefined {
  let best: T | undefined, bestGap = Infinity;
  for (const c of candidates) {
    const gap = Math.abs(daysBetween(c.date, date));
    if (gap < bestGap || (gap === bestGap && best && c.id < best.id)) { best = c; bestGap = gap; }
  }
  return best;
}
