// Query filters from text (CLI options now, HTTP query parameters later),
// checked with zod so a bad value is refused with the parameter's name, and
// turned into one SQL condition that every backend shares.
import { z } from "zod";
import { knownCountryCodes, PLOV_TYPES, SECTORS } from "../lexicon/index.js";
import type { EventFilter, Interval } from "./types.js";

/** A filter value the user got wrong: names the parameter and what was expected. */
export class FilterError extends Error {
  constructor(readonly param: string, message: string) {
    super(`${param}: ${message}`);
  }
}

export const INTERVALS: Interval[] = ["day", "week", "month", "year"];

const country = z.string().transform((s) => s.trim().toUpperCase()).refine((c) => c === "IGO" || knownCountryCodes().has(c), {
  message: "expected a country code (ISO 3166-1 alpha-3, like IRN or PAK) or IGO",
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(d + "T00:00:00Z")) && new Date(d + "T00:00:00Z").toISOString().startsWith(d), "not a calendar date");
const sector = z.string().transform((s) => s.trim().toUpperCase()).pipe(z.enum(SECTORS, { message: `expected one of ${SECTORS.join(", ")}` }));
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const types = z.string().transform((s) => list(s.toUpperCase())).pipe(z.array(z.enum(PLOV_TYPES, { message: `expected PLOVER types from ${PLOV_TYPES.join(", ")}` })).min(1));
const quads = z.string().transform((s) => list(s).map(Number)).pipe(z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: "expected quad classes 1–4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict)" })).min(1));
const cameo = z.string().trim().regex(/^\d{2,4}$/, "expected a CAMEO code or prefix of 2 to 4 digits, like 04 or 043");
const text = z.string().trim().min(1, "expected words to search for").max(500, "at most 500 characters");
const article = z.string().min(1);

/** The raw filter parameters, as text. `between` is "A,B" or two values. */
export interface RawFilter {
  actor?: string; source?: string; target?: string; between?: string | string[];
  sector?: string; sourceSector?: string; targetSector?: string;
  type?: string; cameo?: string; quad?: string; since?: string; until?: string;
  place?: string; text?: string; article?: string;
}

/** Names of the filter parameters as the CLI spells them (the API uses the same with camelCase). */
export const FILTER_PARAMS: Record<keyof RawFilter, string> = {
  actor: "actor", source: "source", target: "target", between: "between",
  sector: "sector", sourceSector: "source-sector", targetSector: "target-sector",
  type: "type", cameo: "cameo", quad: "quad", since: "since", until: "until",
  place: "place", text: "text", article: "article",
};

function check<T>(schema: z.ZodType<T>, value: string, param: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new FilterError(param, `${r.error.issues[0]?.message ?? "invalid"}; got "${value}"`);
}

/**
 * Checks raw filter values and returns a typed filter.
 * @param names how to name each parameter in errors (`--since` on the CLI, `since` in the API)
 * @example parseFilter({ between: "IRN,PAK", since: "2024-01-01", type: "CONSULT" })
 */
export function parseFilter(raw: RawFilter, names: (k: keyof RawFilter) => string = (k) => `--${FILTER_PARAMS[k]}`): EventFilter {
  const f: EventFilter = {};
  const n = names;
  if (raw.actor !== undefined) f.actor = check(country, raw.actor, n("actor"));
  if (raw.source !== undefined) f.source = check(country, raw.source, n("source"));
  if (raw.target !== undefined) f.target = check(country, raw.target, n("target"));
  if (raw.between !== undefined) {
    const parts = Array.isArray(raw.between) ? raw.between.flatMap(list) : list(raw.between);
    if (parts.length !== 2) throw new FilterError(n("between"), `expected two country codes, like IRN,PAK; got "${parts.join(",")}"`);
    f.between = [check(country, parts[0], n("between")), check(country, parts[1], n("between"))];
  }
  if (raw.sector !== undefined) f.sector = check(sector, raw.sector, n("sector"));
  if (raw.sourceSector !== undefined) f.sourceSector = check(sector, raw.sourceSector, n("sourceSector"));
  if (raw.targetSector !== undefined) f.targetSector = check(sector, raw.targetSector, n("targetSector"));
  if (raw.type !== undefined) f.types = check(types, raw.type, n("type"));
  if (raw.cameo !== undefined) f.cameo = check(cameo, raw.cameo, n("cameo"));
  if (raw.quad !== undefined) f.quad = check(quads, raw.quad, n("quad"));
  if (raw.since !== undefined) f.since = check(isoDate, raw.since, n("since"));
  if (raw.until !== undefined) f.until = check(isoDate, raw.until, n("until"));
  if (f.since && f.until && f.since > f.until) throw new FilterError(n("until"), `${f.until} is before ${n("since")} ${f.since}`);
  if (raw.place !== undefined) f.place = check(country, raw.place, n("place"));
  if (raw.text !== undefined) f.text = check(text, raw.text, n("text"));
  if (raw.article !== undefined) f.article = check(article, raw.article, n("article"));
  return f;
}

export function parseInterval(v: string, param = "--by"): Interval {
  if ((INTERVALS as string[]).includes(v)) return v as Interval;
  throw new FilterError(param, `expected one of ${INTERVALS.join(", ")}; got "${v}"`);
}

/** The first CAMEO code after every code with this prefix ("04" → "05", "043" → "044"). */
export function nextPrefix(p: string): string {
  return p.slice(0, -1) + String.fromCharCode(p.charCodeAt(p.length - 1) + 1);
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The WHERE condition for a filter over `events e`, with `?` placeholders.
 * `textMatch` gives the backend's full-text condition for the evidence search.
 */
export function filterCondition(f: EventFilter, textMatch: (words: string) => SqlCondition): SqlCondition {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => { parts.push(sql); params.push(...p); };
  if (f.actor) add("(e.source_country = ? OR e.target_country = ?)", f.actor, f.actor);
  if (f.source) add("e.source_country = ?", f.source);
  if (f.target) add("e.target_country = ?", f.target);
  if (f.between) {
    const [a, b] = f.between;
    add("((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))", a, b, b, a);
  }
  if (f.sector) add("(e.source_sector = ? OR e.target_sector = ?)", f.sector, f.sector);
  if (f.sourceSector) add("e.source_sector = ?", f.sourceSector);
  if (f.targetSector) add("e.target_sector = ?", f.targetSector);
  if (f.types?.length) add(`e.type IN (${f.types.map(() => "?").join(", ")})`, ...f.types);
  if (f.cameo) add("e.cameo >= ? AND e.cameo < ?", f.cameo, nextPrefix(f.cameo));
  if (f.quad?.length) add(`e.quad IN (${f.quad.map(() => "?").join(", ")})`, ...f.quad);
  if (f.since) add("e.date >= ?", f.since);
  if (f.until) add("e.date <= ?", f.until);
  if (f.place) add("e.place_country = ?", f.place);
  if (f.article) add("e.id IN (SELECT m.event_id FROM mentions m WHERE m.article_id = ?)", f.article);
  if (f.text) {
    const t = textMatch(f.text);
    add(t.sql, ...t.params);
  }
  return { sql: parts.length ? parts.join(" AND ") : "1 = 1", params };
}

/** Words of a user's search as an FTS5 query: each a quoted phrase, all required (no query syntax to get wrong). */
export function ftsQuery(words: string): string {
  const terms = words.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ");
}
