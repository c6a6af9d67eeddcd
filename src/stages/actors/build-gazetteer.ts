// Builds the phrase index of actor names from the loaded lexicon (and a
// user's own actor file). Plural forms of role nouns are generated here so the
// matcher can stay a plain token trie.
import type { Lexicon, UserActor } from "../../lexicon/index.js";
import { tokenizePhrase } from "../analyse/analyse.js";
import { Gazetteer, type GazetteerEntry } from "./gazetteer.js";

/** English plural of a role noun's last word: minister → ministers, militia → militias, police stays. */
export function pluralOf(words: string): string {
  const parts = words.split(" ");
  const last = parts.pop()!;
  let pl: string;
  if (/(s|x|ch|sh)$/.test(last)) pl = last + "es";
  else if (/[^aeiou]y$/.test(last)) pl = last.slice(0, -1) + "ies";
  else if (/man$/.test(last)) pl = last.slice(0, -3) + "men";
  else if (/person$/.test(last)) pl = last.slice(0, -6) + "people";
  else pl = last + "s";
  return [...parts, pl].join(" ");
}

/** Anything but letters and single spaces: such a form needs wink's tokenizer. */
const NOT_PLAIN = /[^A-Za-z ]| {2}|^ | $/;

export function buildGazetteer(lex: Lexicon, userActors: UserActor[] = []): Gazetteer {
  const cache = new Map<string, string[]>();
  const g = new Gazetteer((form) => {
    let t = cache.get(form);
    if (!t) cache.set(form, (t = tokenizePhrase(form)));
    return t;
  });
  const addForms = (forms: Iterable<string>, caseSensitive: Set<string> | string[] | undefined, entry: GazetteerEntry) => {
    const cs = caseSensitive instanceof Set ? caseSensitive : new Set(caseSensitive ?? []);
    for (const f of forms) {
      if (!f) continue;
      g.add(f, cs.has(f) ? { ...entry, exact: f } : entry);
    }
  };
  for (const c of lex.countries) {
    addForms(c.names, c.caseSensitive, { kind: "country", country: c.country, name: c.names[0] });
    addForms(c.demonyms, c.caseSensitive, { kind: "demonym", country: c.country, name: c.names[0] });
    addForms(c.capitals, c.caseSensitive, { kind: "capital", country: c.country, name: c.names[0] });
    // a state or province places a role in its country ("police in Borno State", "North Dakota
    // Governor X") and, like a capital, is a place, not a target, after "in"; alone it is no actor
    addForms(c.regions, c.caseSensitive, { kind: "capital", country: c.country, name: c.names[0], region: true });
  }
  for (const o of lex.igos) addForms(o.names, o.caseSensitive, { kind: "igo", country: "IGO", sector: "IGO", name: o.names[0], igo: o.code });
  for (const gr of lex.groups) addForms(gr.names, gr.caseSensitive, { kind: "group", country: gr.country ?? "", sector: gr.sector, name: gr.names[0] });
  for (const p of lex.people) {
    const e: GazetteerEntry = { kind: "person", country: p.country, sector: p.sector, name: p.name, role: p.role, periods: p.periods };
    addForms([p.name, ...(p.aliases ?? [])], undefined, e);
  }
  for (const r of lex.roles) {
    const e: GazetteerEntry = { kind: "role", country: "", sector: r.sector, name: r.words, titleBeforeName: r.titleBeforeName, plural: r.plural, unidentified: r.unidentifiedByDefault };
    g.add(r.words, e);
    if (!r.plural) g.add(pluralOf(r.words), { ...e, plural: true });
  }
  // phrases that hold a country's name but name no actor ("Latin America") win by being longer
  for (const phrase of lex.notActorPhrases) g.add(phrase, { kind: "block", country: "", name: phrase });
  addPhoenix(g, lex);
  for (const u of userActors) {
    const kind = u.country === "IGO" ? "igo" : "group";
    addForms(u.names, undefined, { kind, country: u.country, sector: u.sector, name: u.names[0], igo: kind === "igo" ? u.names[0] : undefined });
  }
  return g;
}

/**
 * Adds the imported Phoenix names after the hand-written data, skipping every
 * form the hand-written files already index: people.json, groups.json and
 * roles.json win on conflict.
 */
function addPhoenix(g: Gazetteer, lex: Lexicon): void {
  const ph = lex.phoenix;
  if (!ph) return;
  // Forms of letters and spaces split at the spaces, as wink would split them; the few with
  // punctuation ("Abdel Fattah el-Sisi") go through wink in one call (~0.1 ms a call otherwise),
  // " | " separating them without changing how any form is tokenised.
  const odd = new Map<string, string[]>();
  const oddForms = [...new Set([...ph.people.flatMap((p) => [p.name, ...(p.aliases ?? [])]), ...ph.organisations.flatMap((o) => o.names)])].filter((f) => NOT_PLAIN.test(f) && !f.includes("|"));
  if (oddForms.length) {
    const groups: string[][] = [[]];
    for (const w of tokenizePhrase(oddForms.join(" | "))) {
      if (w === "|") groups.push([]);
      else groups[groups.length - 1].push(w);
    }
    if (groups.length === oddForms.length) oddForms.forEach((f, i) => odd.set(f, groups[i]));
    else oddForms.forEach((f) => odd.set(f, tokenizePhrase(f)));
  }
  const toks = (f: string) => odd.get(f) ?? f.toLowerCase().split(" ");
  const addNew = (forms: string[], e: GazetteerEntry) => {
    for (const f of forms) {
      const t = toks(f);
      if (!g.hasTokens(t)) g.addTokens(t, e);
    }
  };
  for (const p of ph.people) addNew([p.name, ...(p.aliases ?? [])], { kind: "person", country: p.country, sector: p.sector, name: p.name, periods: p.periods, imported: true });
  // agent nouns ("constable", "insurgent", "herdsman") after roles.json, which wins
  for (const a of ph.agents) {
    // (the few with hyphens or apostrophes would need wink's tokenizer: left out)
    if (NOT_PLAIN.test(a.words)) continue;
    const toks = a.words.split(" ");
    if (g.hasTokens(toks)) continue;
    // plural forms come listed ("policemen"); singular ones get the regular plural
    const plural = /(men|people|ers)$/.test(a.words) && !/(man|person)$/.test(a.words) ? /(men|people)$/.test(a.words) : false;
    const e: GazetteerEntry = { kind: "role", country: "", sector: a.sector, name: a.words, plural, imported: true };
    g.addTokens(toks, e);
    if (!plural) {
      const pl = pluralOf(a.words).split(" ");
      if (!g.hasTokens(pl)) g.addTokens(pl, { ...e, plural: true });
    }
  }
  for (const o of ph.organisations) {
    addNew(o.names, o.country === "IGO"
      ? { kind: "igo", country: "IGO", sector: "IGO", name: o.names[0], imported: true }
      : { kind: "group", country: o.country ?? "", sector: o.sector, name: o.names[0], imported: true });
  }
}
