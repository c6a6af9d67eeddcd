import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { CodedEvent } from "../doc/types.js";
import { readSuite, scoreSuite, type SuiteRecord } from "./suites.js";

const peer = fileURLToPath(new URL("../../../shared/peer-suites/", import.meta.url));
const TYPES = new Set(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]);

const ev = (type: string, source: string, target: string, confidence = 0.8) =>
  ({ type, source: { country: source }, target: { country: target }, confidence, evidence: { start: 0 } }) as unknown as CodedEvent;

describe("peer suites", () => {
  it("scores type precision on the first event, recall on any, and actors where given", () => {
    const records: SuiteRecord[] = [
      { id: "1", text: "", date: "2000-01-01", type: "AGREE", sources: ["HUN"], targets: ["ROU"] },
      { id: "2", text: "", date: "2000-01-01", type: "ACCUSE", sources: ["IRN"], targets: [] },
      { id: "3", text: "", date: "2000-01-01", type: "ASSAULT" },
    ];
    const s = scoreSuite(records, [[ev("AGREE", "HUN", "ROU")], [ev("REJECT", "IRN", "USA", 0.9), ev("ACCUSE", "IRN", "USA", 0.6)], []]);
    assert.equal(s.precision, 0.5);
    assert.equal(s.recall.toFixed(3), "0.667");
    assert.deepEqual(s.withActors, { matched: 2, of: 2 });
    assert.deepEqual(s.perType.ASSAULT, { gold: 1, found: 0 });
  });

  it("reads PLOVER's gold-standard records with today's type names", { skip: !existsSync(peer + "plover-gsr") && "../shared/peer-suites not present" }, () => {
    const recs = readSuite("plover-gsr", peer + "plover-gsr");
    assert.equal(recs.length, 322);
    assert.ok(recs.every((r) => TYPES.has(r.type)), "a record kept an old PLOVER name");
    assert.ok(recs.filter((r) => r.sources?.length).length > 300);
  });

  it("reads the CAMEO-manual part of Zero-Shot-PLOVER", { skip: !existsSync(peer + "zsp") && "../shared/peer-suites not present" }, () => {
    const recs = readSuite("zsp", peer + "zsp");
    assert.equal(recs.length, 336);
    assert.ok(recs.every((r) => TYPES.has(r.type)), "a record kept a non-PLOVER-16 type");
  });
});
