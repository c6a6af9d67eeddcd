// "Events of country X on either side", read as two index-ordered queries
// (X as doer, X as target) that each stop at the page's limit, merged here.
// One OR query would fetch and sort every event of a busy country first.
// Shared by every backend.
import type { EventFilter, Page, StoredEvent } from "./types.js";

/** True when `events(f, page)` should be split into the doer's and the target's reads. */
export function splitsEitherSide(f: EventFilter, page: Page): boolean {
  return !!(f.actor && !f.source && !f.target && page.limit);
}

export async function eventsOnEitherSide(
  f: EventFilter, page: Page, read: (f: EventFilter, page: Page) => Promise<StoredEvent[]>,
): Promise<StoredEvent[]> {
  const { actor, ...rest } = f;
  const asSource = await read({ ...rest, source: actor }, page);
  const asTarget = await read({ ...rest, target: actor }, page);
  const sign = page.order === "desc" ? -1 : 1;
  const seen = new Set<number>();
  return [...asSource, ...asTarget]
    .sort((a, b) => sign * (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id))
    .filter((e) => !seen.has(e.id) && !!seen.add(e.id))
    .slice(0, page.limit);
}
