import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Actor, EventCandidate, PlovType } from "../../doc/types.js";
import { dedupeEvents, eventKey } from "./dedupe.js";

const actor = (country: string, text = country): Actor => ({ text, country, sector: "GOV" });
const ev = (type: PlovType, s: string, t: string, sent: number, confidence = 0.8, extra: Partial<EventCandidate> = {}): EventCandidate =>
  ({ type, cameo: "040", source: actor(s), target: actor(t), sent, trigger: 0, pattern: "p", date: "2024-06-09", confidence, ...extra });

describe("per-article de-duplication", () => {
  it("keys symmetric types in canonical order and directed types as given", () => {
    assert.equal(eventKey(ev("CONSULT", "PAK", "IRN", 0)), eventKey(ev("CONSULT", "IRN", "PAK", 0)));
    assert.notEqual(eventKey(ev("SUPPORT", "PAK", "IRN", 0)), eventKey(ev("SUPPORT", "IRN", "PAK", 0)));
  });

  it("keeps one event per (source country, type, target country), the most confident and earliest", () => {
    const out = dedupeEvents([ev("SUPPORT", "IRN", "PAK", 3, 0.6), ev("SUPPORT", "IRN", "PAK", 5, 0.8), ev("SUPPORT", "IRN", "PAK", 2, 0.8)]);
    assert.equal(out.length, 1);
    assert.equal(out[0].sent, 2);
  });

  it("keeps a meeting set during a visit as CONSULT, not as a promise", () => {
    const out = dedupeEvents([ev("CONSULT", "IND", "USA", 0, 0.8, { mode: "visit" }), ev("AGREE", "USA", "IND", 2, 0.6, { cameo: "036" })]);
    assert.deepEqual(out.map((e) => e.type), ["CONSULT"]);
    assert.equal(out[0].mode, "visit");
  });
});
