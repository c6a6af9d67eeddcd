// Relations between the noun phrases of one sentence, found after they are
// built: quotation, apposition ("X, the foreign minister of Y"), and titles
// joined by "and" that share one country.
import type { Token } from "../../doc/types.js";
import type { FoundMention } from "./mentions.js";

/** Marks mentions inside quotation marks (a speaker's own words). */
export function markQuoted(ms: FoundMention[], toks: Token[], start: number, end: number): void {
  let open = false;
  const inside = new Set<number>();
  for (let k = start; k < end; k++) {
    const t = toks[k].text;
    if (t === "“") open = true;
    else if (t === "”") open = false;
    else if (t === '"') open = !open;
    else if (open) inside.add(k);
  }
  for (const m of ms) if (inside.has(m.tokStart)) m.parts.quoted = true;
}

/** "X, the foreign minister of Y," and "his counterpart, Foreign Minister Z": the second names the first again. */
export function markAppositives(ms: FoundMention[], lower: string[]): void {
  for (let i = 1; i < ms.length; i++) {
    const a = ms[i - 1], b = ms[i];
    if (b.tokStart !== a.tokEnd + 1 || lower[a.tokEnd] !== ",") continue;
    if (b.kind !== "person" && b.kind !== "role") continue;
    if (a.kind === "pronoun" || a.kind === "plural") continue;
    // a list ("A, B and C") is no apposition
    const after = lower[b.tokEnd];
    if (after === "and" || (after === "," && ms[i + 1]?.tokStart === b.tokEnd + 1)) continue;
    b.parts.appositive = true;
    if (!b.parts.country && a.parts.country) { b.parts.country = a.parts.country; b.parts.countryFrom = a.parts.countryFrom; }
  }
}

/**
 * Titles joined by "and" share a country named on one of them: "the Iranian
 * president and foreign minister", "the prime minister and other officials of Pakistan".
 */
export function distributeCountry(ms: FoundMention[], lower: string[]): void {
  const joined = (a: FoundMention, b: FoundMention) => {
    const between = lower.slice(a.tokEnd, b.tokStart).filter((w) => w !== "the" && w !== "other" && w !== "its" && w !== "high" && w !== "senior");
    return between.length === 1 && (between[0] === "and" || between[0] === ",");
  };
  const bare = (m: FoundMention) => !m.parts.country && !!m.parts.role && !m.parts.name;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i], b = ms[i + 1];
    if (!joined(a, b)) continue;
    if (a.parts.country && a.parts.role && (a.parts.countryFrom === "demonym" || a.parts.countryFrom === "possessive") && bare(b)) {
      b.parts.country = a.parts.country; b.parts.countryFrom = a.parts.countryFrom;
    }
  }
  for (let i = ms.length - 1; i > 0; i--) {
    const a = ms[i - 1], b = ms[i];
    if (joined(a, b) && b.parts.country && b.parts.countryFrom === "postmodifier" && bare(a)) {
      a.parts.country = b.parts.country; a.parts.countryFrom = "postmodifier";
    }
  }
}
