// Per-article de-duplication by the guideline's rule: one event per
// (source country, type, target country), symmetric types in canonical order;
// the kept event is the most confident, earliest reported.
import type { EventCandidate, PlovType } from "../../doc/types.js";

/** Types done together: "A met B" and "B met A" are one event. */
export const SYMMETRIC = new Set<PlovType>(["CONSULT", "AGREE", "COOPERATE"]);

export function eventKey(e: { type: PlovType; source: { country: string }; target: { country: string } }): string {
  let s = e.source.country, t = e.target.country;
  if (SYMMETRIC.has(e.type) && t < s) [s, t] = [t, s];
  return `${s}|${e.type}|${t}`;
}

export function dedupeEvents(events: EventCandidate[]): EventCandidate[] {
  const best = new Map<string, EventCandidate>();
  // "the two leaders will hold talks on Monday" during a visit already reported: the meeting is
  // part of the visit (CONSULT), not a promise (the guideline's boundary case)
  const consulted = new Set(events.filter((e) => e.type === "CONSULT").map((e) => eventKey({ ...e, type: "CONSULT" })));
  events = events.filter((e) => !(e.type === "AGREE" && e.cameo === "036" && consulted.has(eventKey({ ...e, type: "CONSULT" }))));
  for (const e of events) {
    const k = eventKey(e);
    const b = best.get(k);
    if (!b || e.confidence > b.confidence || (e.confidence === b.confidence && e.sent < b.sent)) {
      // keep a mode (phone, visit) learnt from any report of the same act
      if (b?.mode && !e.mode) e.mode = b.mode;
      best.set(k, e);
    } else if (!b.mode && e.mode) b.mode = e.mode;
  }
  return [...best.values()].sort((a, b) => a.sent - b.sent || a.trigger - b.trigger);
}
