// Scoring by the guideline's rules: per article, gold and predicted events
// reduced to (source country, type, target country) triples (symmetric types
// in canonical order), micro-averaged P/R/F1; secondary figures on matched
// events; per-type figures; and, beyond the shared scorer, a confusion of
// types on matched dyads and the misses and false alarms for error analysis.
import type { PlovType } from "../doc/types.js";
import { PLOV_TYPES } from "../lexicon/common.js";
import { SYMMETRIC as SYMMETRIC_TYPES } from "../stages/dedupe/dedupe.js";

const PLOVER_TYPES: readonly PlovType[] = PLOV_TYPES;
const SYMMETRIC: ReadonlySet<string> = SYMMETRIC_TYPES;

/** An event as gold files and dyad's output both give it. */
export interface ScoredEvent {
  source?: { country?: string; sector?: string } | string;
  target?: { country?: string; sector?: string } | string;
  type?: string;
  location?: { country?: string };
  date?: string;
  evidence?: string | { text?: string };
}

export interface Prf { p: number; r: number; f1: number; tp: number; pred: number; gold: number }

export interface ScoreReport {
  articles: number;
  triples: Prf;
  dyads: Prf;
  sectorAccuracy: number | null;
  locationAccuracy: number | null;
  dateAccuracy: number | null;
  perType: Record<string, Prf>;
  /** gold type → predicted type → count, on the same pair of countries in an article. */
  confusion: Record<string, Record<string, number>>;
  misses: { article: string; key: string; evidence: string }[];
  falseAlarms: { article: string; key: string; evidence: string }[];
  predArticlesNotInGold: number;
}

const country = (a: ScoredEvent["source"]) => (a && typeof a === "object" ? a.country : a) || "---";
const sector = (a: ScoredEvent["source"]) => (a && typeof a === "object" ? a.sector : undefined) || "";
const evidenceOf = (e: ScoredEvent) => (typeof e.evidence === "string" ? e.evidence : e.evidence?.text) ?? "";

/** The triple key of an event: "IRN|CONSULT|PAK", symmetric types ordered. */
export function tripleKey(e: ScoredEvent): string {
  let s = country(e.source), t = country(e.target);
  const type = String(e.type ?? "").toUpperCase();
  if (SYMMETRIC.has(type) && t < s) [s, t] = [t, s];
  return `${s}|${type}|${t}`;
}

function dyadKey(e: ScoredEvent): string {
  let s = country(e.source), t = country(e.target);
  if (SYMMETRIC.has(String(e.type ?? "").toUpperCase()) && t < s) [s, t] = [t, s];
  return `${s}|${t}`;
}

export function prf(tp: number, np: number, ng: number): Prf {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, pred: np, gold: ng };
}

/** Events per article, the first event kept for each triple (as the shared scorer does). */
export function groupByArticle(rows: { id?: string; article?: string; events?: ScoredEvent[] }[]): Map<string, Map<string, ScoredEvent>> {
  const out = new Map<string, Map<string, ScoredEvent>>();
  for (const r of rows) {
    const isArticle = Array.isArray(r.events);
    const events: (ScoredEvent & { article?: string })[] = isArticle ? r.events!.map((e) => ({ ...e, article: r.id })) : [r as ScoredEvent & { article?: string }];
    if (isArticle && r.id !== undefined && !out.has(r.id)) out.set(r.id, new Map());
    for (const e of events) {
      const id = e.article;
      if (id === undefined) continue;
      if (!out.has(id)) out.set(id, new Map());
      const m = out.get(id)!, k = tripleKey(e);
      if (!m.has(k)) m.set(k, e);
    }
  }
  return out;
}

/** Scores predictions against gold, both grouped by article. */
export function score(gold: Map<string, Map<string, ScoredEvent>>, pred: Map<string, Map<string, ScoredEvent>>): ScoreReport {
  let tp = 0, np = 0, ng = 0, dTp = 0, dNp = 0, dNg = 0;
  const tTp: Record<string, number> = {}, tNp: Record<string, number> = {}, tNg: Record<string, number> = {};
  let sec = 0, secN = 0, loc = 0, locN = 0, date = 0, dateN = 0;
  const confusion: Record<string, Record<string, number>> = {};
  const misses: ScoreReport["misses"] = [], falseAlarms: ScoreReport["falseAlarms"] = [];
  for (const [id, g] of gold) {
    const p = pred.get(id) ?? new Map<string, ScoredEvent>();
    np += p.size; ng += g.size;
    for (const [k, ge] of g) {
      const type = String(ge.type);
      tNg[type] = (tNg[type] ?? 0) + 1;
      const pe = p.get(k);
      if (!pe) { misses.push({ article: id, key: k, evidence: evidenceOf(ge) }); continue; }
      tp++; tTp[type] = (tTp[type] ?? 0) + 1;
      for (const side of ["source", "target"] as const) {
        if (sector(ge[side])) { secN++; if (sector(ge[side]) === sector(pe[side])) sec++; }
      }
      if (ge.location?.country) { locN++; if (pe.location?.country === ge.location.country) loc++; }
      if (ge.date) { dateN++; if (pe.date === ge.date) date++; }
    }
    for (const [k, pe] of p) {
      tNp[String(pe.type)] = (tNp[String(pe.type)] ?? 0) + 1;
      if (!g.has(k)) falseAlarms.push({ article: id, key: k, evidence: evidenceOf(pe) });
    }
    const gd = new Set([...g.values()].map(dyadKey)), pd = new Set([...p.values()].map(dyadKey));
    dNg += gd.size; dNp += pd.size;
    for (const d of pd) if (gd.has(d)) dTp++;
    // types confused on the same pair of countries, whichever the direction
    const pair = (e: ScoredEvent) => [country(e.source), country(e.target)].sort().join("|");
    for (const ge of g.values()) {
      const same = [...p.values()].filter((pe) => pair(pe) === pair(ge));
      const gt = String(ge.type);
      confusion[gt] ??= {};
      if (!same.length) confusion[gt]["(none)"] = (confusion[gt]["(none)"] ?? 0) + 1;
      else {
        // a prediction not matched to another gold event is the one that stood for this one
        const spare = same.filter((pe) => !g.has(tripleKey(pe)));
        const pt = same.some((pe) => pe.type === ge.type) ? gt : String((spare[0] ?? same[0]).type);
        confusion[gt][pt] = (confusion[gt][pt] ?? 0) + 1;
      }
    }
  }
  const perType = Object.fromEntries(PLOVER_TYPES.map((t) => [t, prf(tTp[t] ?? 0, tNp[t] ?? 0, tNg[t] ?? 0)]));
  return {
    articles: gold.size, triples: prf(tp, np, ng), dyads: prf(dTp, dNp, dNg),
    sectorAccuracy: secN ? sec / secN : null, locationAccuracy: locN ? loc / locN : null, dateAccuracy: dateN ? date / dateN : null,
    perType, confusion, misses, falseAlarms,
    predArticlesNotInGold: [...pred.keys()].filter((id) => !gold.has(id)).length,
  };
}

/** The report as the shared scorer prints it (its last line `F1 <value>`), with the extras before that line. */
export function formatReport(r: ScoreReport, opts: { byType?: boolean; errors?: boolean } = {}): string {
  const f = (x: number | null) => (x === null ? "  n/a" : x.toFixed(3));
  const lines = [
    `articles ${r.articles}  gold events ${r.triples.gold}  predicted ${r.triples.pred}  matched ${r.triples.tp}`,
    `triples  P ${f(r.triples.p)}  R ${f(r.triples.r)}  F1 ${f(r.triples.f1)}`,
    `dyads    P ${f(r.dyads.p)}  R ${f(r.dyads.r)}  F1 ${f(r.dyads.f1)}`,
    `on matched events: sector ${f(r.sectorAccuracy)}  location ${f(r.locationAccuracy)}  date ${f(r.dateAccuracy)}`,
  ];
  if (r.predArticlesNotInGold) lines.push(`predictions for ${r.predArticlesNotInGold} article ids that are not in the gold file`);
  if (opts.byType) {
    for (const t of PLOVER_TYPES) {
      const x = r.perType[t];
      if (x.gold || x.pred) lines.push(`  ${t.padEnd(10)} P ${f(x.p)}  R ${f(x.r)}  F1 ${f(x.f1)}  (gold ${x.gold}, pred ${x.pred})`);
    }
  }
  if (opts.errors) {
    lines.push("", "confusion (gold type → predicted type on the same dyad):");
    for (const [g, row] of Object.entries(r.confusion)) {
      lines.push(`  ${g.padEnd(10)} ${Object.entries(row).sort((a, b) => b[1] - a[1]).map(([p, n]) => `${p} ${n}`).join(", ")}`);
    }
    lines.push("", `misses (${r.misses.length}):`, ...r.misses.map((m) => `  ${m.article}  ${m.key}  | ${m.evidence.slice(0, 160)}`));
    lines.push("", `false alarms (${r.falseAlarms.length}):`, ...r.falseAlarms.map((m) => `  ${m.article}  ${m.key}  | ${m.evidence.slice(0, 160)}`));
    lines.push("");
  }
  lines.push(`F1 ${r.triples.f1.toFixed(3)}`);
  return lines.join("\n");
}
