// Peer test suites read in their own formats (never copied into the project:
// the command takes the suite's path): PLOVER's gold-standard records and the
// CAMEO-manual part of Zero-Shot-PLOVER. Each record is one sentence with one
// gold event type (and, for PLOVER's records, the actors' codes).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CodedEvent } from "../doc/types.js";

export interface SuiteRecord {
  id: string;
  text: string;
  date: string;
  /** The gold type, in today's 16 PLOVER types. */
  type: string;
  /** Where the suite's old type has several of today's (YIELD: CONCEDE or RETREAT), each counts. */
  accepted?: string[];
  /** Gold source and target country codes, where the suite gives them. */
  sources?: string[];
  targets?: string[];
}

export const SUITES = ["plover-gsr", "zsp"] as const;
export type SuiteName = (typeof SUITES)[number];

/** Earlier PLOVER names used by the gold-standard records, in today's 16 types. */
const OLD_PLOVER: Record<string, string> = { DEMAND: "REQUEST", DISAPPROVE: "ACCUSE", INVESTIGATE: "ACCUSE", FIGHT: "ASSAULT" };

/** Codes in the records that differ from ISO 3166-1 alpha-3 as dyad writes it. */
const CODE_FIXES: Record<string, string> = { JAP: "JPN", ITL: "ITA", VTN: "VNM", GMY: "DEU", UK: "GBR" };

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as Record<string, unknown>;
    } catch {
      throw new Error(`${path}:${i + 1}: not JSON`);
    }
  });
}

const codes = (list: unknown): string[] =>
  Array.isArray(list) ? list.map((a) => String((a as { code?: string }).code ?? "")).filter(Boolean).map((c) => CODE_FIXES[c] ?? c) : [];

/** Reads a suite from its folder, in its own format. */
export function readSuite(name: SuiteName, dir: string): SuiteRecord[] {
  if (name === "plover-gsr") {
    return readJsonl(join(dir, "records.jsonl")).map((r) => ({
      id: String(r.id), text: String(r.text), date: String(r.date ?? "2000-01-01"),
      type: OLD_PLOVER[String(r.type)] ?? String(r.type),
      sources: codes(r.actor), targets: codes(r.recipient),
    }));
  }
  return readJsonl(join(dir, "plv_test_cameo.jsonl")).map((r) => {
    const candidates = Array.isArray(r.type_plover16_candidates) ? r.type_plover16_candidates.map(String) : [];
    const type = r.type_plover16 ? String(r.type_plover16) : candidates[0] ?? String(r.type);
    return { id: String(r.id), text: String(r.text), date: "2000-01-01", type, ...(candidates.length > 1 ? { accepted: candidates } : {}) };
  });
}

export interface SuiteScore {
  records: number;
  /** Records whose first coded event has the gold type, over records with any event. */
  precision: number;
  /** Records with an event of the gold type, over all records. */
  recall: number;
  f1: number;
  /** Records with an event of the gold type whose actors match the suite's codes (where given). */
  withActors?: { matched: number; of: number };
  perType: Record<string, { gold: number; found: number }>;
}

/** Scores one suite: `coded[i]` are dyad's events for `records[i]`. */
export function scoreSuite(records: SuiteRecord[], coded: CodedEvent[][]): SuiteScore {
  let withEvents = 0, topRight = 0, found = 0, actorMatched = 0, actorOf = 0;
  const perType: SuiteScore["perType"] = {};
  records.forEach((r, i) => {
    const evs = coded[i] ?? [];
    const t = (perType[r.type] ??= { gold: 0, found: 0 });
    t.gold++;
    if (evs.length) {
      withEvents++;
      const top = [...evs].sort((a, b) => b.confidence - a.confidence || a.evidence.start - b.evidence.start)[0];
      if (top.type === r.type || r.accepted?.includes(top.type)) topRight++;
    }
    const ofType = evs.filter((e) => e.type === r.type || r.accepted?.includes(e.type));
    if (ofType.length) { found++; t.found++; }
    if (r.sources?.length) {
      actorOf++;
      const ok = ofType.some((e) => r.sources!.includes(e.source.country) && (!r.targets?.length || r.targets.includes(e.target.country)));
      if (ok) actorMatched++;
    }
  });
  const precision = withEvents ? topRight / withEvents : 0, recall = records.length ? found / records.length : 0;
  return {
    records: records.length, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    ...(actorOf ? { withActors: { matched: actorMatched, of: actorOf } } : {}),
    perType,
  };
}

export function formatSuiteScore(name: string, s: SuiteScore): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [`suite ${name}: ${s.records} records`, `type   P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}`];
  if (s.withActors) lines.push(`type and actors: ${s.withActors.matched} of ${s.withActors.of} records (${f(s.withActors.matched / s.withActors.of)})`);
  for (const [t, x] of Object.entries(s.perType).sort()) lines.push(`  ${t.padEnd(10)} found ${x.found} of ${x.gold}`);
  return lines.join("\n");
}
