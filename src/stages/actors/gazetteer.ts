// A phrase index over the lexicon: every surface form of a country, capital,
// demonym, IGO, group, known person and role, keyed by lower-cased tokens.
// Written by hand because matching has to run on wink-nlp's own tokens (so
// offsets and POS line up) and be case-sensitive only for some forms ("WHO").
import type { Sector } from "../../doc/types.js";

export type EntryKind = "country" | "capital" | "demonym" | "igo" | "group" | "person" | "role" | "block";

export interface GazetteerEntry {
  kind: EntryKind;
  /** ISO3, "IGO", or "" for groups whose country comes from context. */
  country: string;
  sector?: Sector;
  /** Canonical name: country or IGO name, person's full name, role words. */
  name: string;
  igo?: string;
  /** Roles only: the title usually stands before a person's name. */
  titleBeforeName?: boolean;
  /** Roles only: a collective noun (police, protesters) rather than one person. */
  plural?: boolean;
  /** Roles only: unnamed attackers ("gunmen") unless the text names them. */
  unidentified?: boolean;
  /** Exact-case surface form required. */
  exact?: string;
  /** People only: the office they are known by ("Prime Minister"). */
  role?: string;
  /** A state or province (kind "capital"): places a role in its country, is no actor alone. */
  region?: boolean;
  /** From the imported Phoenix dictionaries rather than the hand-written data. */
  imported?: boolean;
  /** People only: validity periods for time-bound offices. */
  periods?: { from?: string; to?: string; sector?: Sector; role?: string; country?: string }[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: GazetteerEntry[];
}

/** Splits a surface form the way wink-nlp tokenises it, near enough for matching. */
export function surfaceTokens(form: string): string[] {
  return form
    .replace(/[’]/g, "'")
    .replace(/('s)\b/g, " $1")
    .replace(/([,()])/g, " $1 ")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

export class Gazetteer {
  private root: TrieNode = { next: new Map() };
  size = 0;

  /** `tokenize` must split phrases as the analyser splits text; whitespace splitting by default. */
  constructor(private tokenize: (form: string) => string[] = surfaceTokens) {}

  add(form: string, entry: GazetteerEntry): void {
    this.addTokens(this.tokenize(form), entry);
  }

  /** Whether these tokens are already indexed (any entry), so an imported name can yield to a hand-written one. */
  hasTokens(toks: readonly string[]): boolean {
    let node: TrieNode | undefined = this.root;
    for (const t of toks) {
      node = node.next.get(t);
      if (!node) return false;
    }
    return !!node.entries?.length;
  }

  /** Adds a form already split into lower-cased tokens. */
  addTokens(toks: readonly string[], entry: GazetteerEntry): void {
    if (!toks.length) return;
    let node = this.root;
    for (const t of toks) {
      let n = node.next.get(t);
      if (!n) { n = { next: new Map() }; node.next.set(t, n); }
      node = n;
    }
    (node.entries ??= []).push(entry);
    this.size++;
  }

  /**
   * Longest match starting at token `i`. `lower[k]` and `text[k]` are the
   * token strings; exact-case entries compare the original text.
   */
  longestAt(lower: string[], text: string[], i: number, end: number, glued?: boolean[]): { len: number; entries: GazetteerEntry[] } | undefined {
    let node = this.root;
    let best: { len: number; entries: GazetteerEntry[] } | undefined;
    for (let k = i; k < end; k++) {
      let key = lower[k] === "’s" ? "'s" : lower[k];
      let n = node.next.get(key);
      // wink splits some accented words ("erdo" + "ğan"): join fragments glued to the word
      while (!n && glued && k + 1 < end && glued[k + 1] && /^\p{L}+$/u.test(lower[k + 1])) {
        key += lower[++k];
        n = node.next.get(key);
      }
      if (!n) break;
      node = n;
      if (node.entries) {
        const surface = text.slice(i, k + 1).join(" ").replace(/ ('s|’s)/g, "'s");
        const ok = node.entries.filter((e) => (e.imported && e.kind !== "role" ? capitalised(text, i, k + 1) : !e.exact || e.exact.replace(/’/g, "'") === surface.replace(/’/g, "'") || sameTokens(e.exact, text, i, k + 1)));
        if (ok.length) best = { len: k + 1 - i, entries: ok };
      }
    }
    return best;
  }
}

/** Name particles that stay lower case inside a name ("Abu Bakr al-Baghdadi", "Army of the Pure"). */
const PARTICLES = new Set(["of", "the", "and", "for", "in", "on", "al", "el", "bin", "ibn", "de", "da", "du", "van", "von", "der", "la", "le", "des", "-", "'", "'s", ".", ",", "&", "to", "at", "with"]);

/**
 * Imported names match only as names: every word capitalised ("Red Flag" the group, not "red
 * flag laws"), and a short one-word form only in capitals, as an acronym ("FEMA", not "Fema").
 */
function capitalised(text: string[], a: number, b: number): boolean {
  if (b - a === 1 && text[a].replace(/[^\p{L}]/gu, "").length <= 4) return text[a] === text[a].toUpperCase();
  for (let k = a; k < b; k++) {
    const w = text[k];
    if (PARTICLES.has(w.toLowerCase())) continue;
    const c = w.charAt(0);
    if (c === c.toLowerCase() && c !== c.toUpperCase()) return false;
  }
  return true;
}

function sameTokens(form: string, text: string[], a: number, b: number): boolean {
  const ft = form.replace(/[’]/g, "'").split(/\s+/).filter(Boolean);
  const tt = text.slice(a, b).join(" ").replace(/[’]/g, "'").split(/\s+/);
  return ft.join(" ") === tt.join(" ") || ft.join("") === tt.join("");
}
