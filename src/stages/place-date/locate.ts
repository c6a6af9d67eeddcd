// Event location: a place named in the sentence ("in Istanbul", "at the UN
// in New York"), nearest the predicate, else the dateline's city.
import type { ArticleDoc, Place, Sentence } from "../../doc/types.js";
import type { Gazetteer } from "../actors/gazetteer.js";
import { lookupCity } from "./places.js";

export interface PlaceMention { tok: number; place: Place }

// ("on": "a missile attack on Kharkiv" names where it struck)
const PLACE_PREPS = new Set(["in", "at", "inside", "near", "outside", "on"]);
const PLACE_NOUNS = new Set(["city", "town", "village", "capital", "port", "province", "region", "district", "state", "island", "resort"]);
/** Common nouns that are also city names somewhere. */
const NOT_PLACES = new Set(["march", "may", "june", "july", "a", "the", "university", "president", "parliament", "police", "army", "government", "ministry"]);

/** Places introduced by a locative preposition in one sentence. */
export function placesIn(doc: ArticleDoc, s: Sentence, gaz: Gazetteer, articleCountries: Set<string>): PlaceMention[] {
  const toks = doc.tokens;
  const out: PlaceMention[] = [];
  const lower = toks.map((t) => t.lower), text = toks.map((t) => t.text);
  for (let i = s.tokStart; i < s.tokEnd - 1; i++) {
    if (!PLACE_PREPS.has(toks[i].lower)) continue;
    let k = i + 1;
    if (toks[k].lower === "the") k++;
    // "in the Turkish city of Istanbul", "in the southern port city of Aden"
    let j = k;
    while (j < s.tokEnd && j < k + 4 && (toks[j].pos === "ADJ" || toks[j].pos === "PROPN" || toks[j].pos === "NOUN") && !PLACE_NOUNS.has(toks[j].lower)) j++;
    if (PLACE_NOUNS.has(toks[j]?.lower) && toks[j + 1]?.lower === "of") k = j + 2;
    else if (PLACE_NOUNS.has(toks[j]?.lower) && toks[j + 1]?.text === ",") k = j + 2;
    if (!/^\p{Lu}/u.test(toks[k]?.text ?? "")) continue;
    // a country name is a place too ("in Ecuador")
    const hit = gaz.longestAt(lower, text, k, s.tokEnd);
    const country = hit?.entries.find((e) => e.kind === "country");
    // longest capitalised run that is a known city
    let found: Place | undefined;
    for (let len = Math.min(3, s.tokEnd - k); len >= 1 && !found; len--) {
      const run = toks.slice(k, k + len);
      if (!run.every((t) => /^\p{Lu}/u.test(t.text))) continue;
      const name = run.map((t) => t.text).join(" ");
      if (NOT_PLACES.has(name.toLowerCase())) continue;
      found = lookupCity(name, articleCountries);
    }
    if (found) out.push({ tok: k, place: found });
    else if (country && hit) out.push({ tok: k, place: { name: text.slice(k, k + hit.len).join(" "), country: country.country } });
  }
  return out;
}

/** The place nearest to token `at`, else the fallback (the dateline). */
export function nearestPlace(places: PlaceMention[], at: number, fallback?: Place): Place | undefined {
  let best: PlaceMention | undefined;
  for (const p of places) if (!best || Math.abs(p.tok - at) < Math.abs(best.tok - at)) best = p;
  return best?.place ?? fallback;
}
