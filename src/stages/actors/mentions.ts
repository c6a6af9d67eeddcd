// Actor mentions: finds the spans that name or point to actors, sentence by
// sentence. Lexicon hits (countries, demonyms, IGOs, groups, people, roles)
// are joined into noun phrases: "Iran's Acting Foreign Minister Ali Bagheri",
// "Police in Belarus", "Elmedin Konaković, the foreign minister of Bosnia".
import type { ActorMention, ArticleDoc, Sector, Token } from "../../doc/types.js";
import type { Gazetteer, GazetteerEntry } from "./gazetteer.js";
import { lookupCity } from "../place-date/places.js";
import { distributeCountry, markAppositives, markQuoted } from "./phrase-relations.js";

/** A mention as found, before resolution: what its parts say. */
export interface MentionParts {
  country?: string;
  countryFrom?: "name" | "capital" | "demonym" | "igo" | "group" | "person" | "possessive" | "postmodifier";
  sector?: Sector;
  role?: string;
  igo?: string;
  name?: string;
  surname?: string;
  /** Known-person entry, for office periods. */
  person?: GazetteerEntry;
  /** The role is collective (police, protesters) or the noun is plural. */
  plural?: boolean;
  /** A demonym modifying a noun that is no actor ("the Turkish city"). */
  modifierOnly?: boolean;
  /** Pronoun or group-word text, lower-cased. */
  pronoun?: string;
  /** Members of a coordinated postmodifier ("counterparts from A, B and C"). */
  transparent?: boolean;
  /** Head noun lemma of the phrase. */
  head?: string;
  /** The role names a person (a title, "spokesman") rather than a body ("ministry", "army"). */
  personRole?: boolean;
  /** The role is unnamed by default ("gunmen"): no country from context. */
  unidentified?: boolean;
  /** A plural role with a postmodifier that is no country ("leaders from several countries"). */
  generic?: boolean;
  /** A known person's office, for "the king" / "the minister" later on. */
  roleHint?: string;
  /** Named by a group entry (a party, agency, armed group). */
  isGroup?: boolean;
  /** Possessive pronoun (his, her, its, their). */
  possessive?: boolean;
  /** Inside quotation marks. */
  quoted?: boolean;
  /** Renames the mention before it: "his counterpart, Foreign Minister Dmytro Kuleba". */
  appositive?: boolean;
  /** A news agency credited at the top ("ABU DHABI (WAM) --"): no actor, but the article's country. */
  credit?: boolean;
  /** The country came from a city or region the role acts in ("police in Lagos", "Lagos police"). */
  placed?: boolean;
  /** A state or province alone ("in Helmand"): tells where the story is, names no actor. */
  placeOnly?: boolean;
}

export type FoundMention = ActorMention & { parts: MentionParts };

const PRONOUNS = new Set(["he", "she", "him", "her", "it", "they", "them", "we", "us", "i"]);
const POSSESSIVES = new Set(["his", "her", "its", "their", "our"]);
/** Role nouns that name a person even without a title before a name. */
const PERSON_HEADS = new Set(["spokesman", "spokeswoman", "spokesperson", "official", "diplomat", "envoy", "leader", "chief", "head", "minister", "officer", "counterpart", "lawmaker", "legislator", "senator", "ambassador", "secretary", "adviser", "advisor", "representative", "commander", "general", "president", "premier", "king", "queen", "monarch", "ruler", "governor", "mayor", "judge", "prosecutor", "activist", "politician", "deputy", "aide", "negotiator", "emissary"]);
/** "the two sides", "both leaders", "the two delegations": the two actors named before. */
const PLURAL_NOUNS = new Set(["sides", "countries", "leaders", "ministers", "nations", "governments", "neighbours", "neighbors", "men", "women", "delegations", "presidents", "parties", "states", "capitals", "foreign ministers", "prime ministers", "officials", "allies", "rivals", "teams", "armies", "militaries", "navies"]);
/** "The leaders agreed …": a bare plural title stands for the two parties when nothing narrows it. */
const BARE_PLURAL_REFS = new Set(["leaders", "sides", "ministers", "presidents", "foreign ministers"]);
function pluralRefAt(lower: string[], i: number, end: number): number {
  let k = i;
  if (lower[k] === "the" && lower[k + 1] === "two") k += 2;
  else if (lower[k] === "both") k += 1;
  else if (lower[k] === "the" && BARE_PLURAL_REFS.has(lower[k + 1]) && !/^(of|from|in|at|who|for)$/.test(lower[k + 2] ?? "")) return 2;
  else return 0;
  if (k < end && PLURAL_NOUNS.has(lower[k])) return k + 1 - i;
  if (k + 1 < end && PLURAL_NOUNS.has(`${lower[k]} ${lower[k + 1]}`)) return k + 2 - i;
  return 0;
}

/** Nouns after a demonym that make it a place or topic, not an actor. */
const NON_ACTOR_HEADS = new Set([
  "city", "town", "village", "province", "state", "region", "capital", "island", "islands", "border",
  "territory", "soil", "airspace", "waters", "coast", "port", "issue", "cause", "question", "language",
  "nation", "economy", "market", "currency", "side's", "origin", "descent", "embassy's", "new", "year",
]);
const GLUE_ADJ = new Set(["acting", "senior", "top", "former", "then", "new", "deputy", "chief", "interim", "caretaker", "outgoing", "incoming", "visiting", "late", "veteran", "powerful", "leading"]);
const NAME_PARTICLES = new Set(["bin", "bint", "al", "al-", "de", "da", "van", "von", "der", "la", "le", "ibn", "abu", "el", "ul", "ud"]);

function isCap(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && t.text[0] !== t.text[0].toLowerCase());
}

/** A run of capitalised name tokens starting at i (e.g. "Mohammad Ishaq Dar", "S. Jaishankar"). */
function nameRun(toks: Token[], i: number, end: number): number {
  let k = i;
  while (k < end) {
    const t = toks[k];
    // wink splits some accented names ("Konakovi" + "ć"): a fragment glued to the name continues it
    if (k > i && t.start === toks[k - 1].end && /^\p{L}+$/u.test(t.text)) { k++; continue; }
    if ((t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "X" || t.pos === "ADJ" || t.pos === "VERB") && isCap(t) && /^[\p{L}][\p{L}.'’-]*$/u.test(t.text)) { k++; continue; }
    if (k > i && NAME_PARTICLES.has(t.lower) && k + 1 < end && isCap(toks[k + 1])) { k++; continue; }
    if (k > i && (t.text === "'" || t.text === "‘") ) break;
    break;
  }
  return k;
}

interface Hit { a: number; b: number; entries: GazetteerEntry[] }

/** Honorific words that stand before a title or a name and add nothing to who it is. */
const HONORIFIC_NOUNS = new Set(["highness", "excellency", "majesty", "holiness", "eminence", "beatitude", "highnesses", "excellencies", "majesties"]);
const HONORIFIC_TITLES = new Set(["h.e.", "h.e", "h.h.", "h.r.h.", "hrh", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "hon", "hon.", "honourable", "honorable", "mister", "madam", "sheikh", "sheikha", "shaikh", "shaikha", "sheik"]);

/**
 * End of an honorific at token i ("His Highness", "Her Royal Highness", "H.E.", "His Excellency
 * Mr.", "Sheikh" before a name), or i when there is none. The name or title after it is what
 * the gazetteer and the phrase builder read.
 */
export function honorificEnd(toks: Token[], lower: string[], i: number, end: number, isHit: (k: number) => boolean = () => false): number {
  let k = i;
  for (;;) {
    // a lexicon name that starts with the honorific ("Sheikh Hasina") is read whole
    if (isHit(k)) return k;
    if ((lower[k] === "his" || lower[k] === "her" || lower[k] === "their" || lower[k] === "your") && k + 1 < end) {
      let j = k + 1;
      if (lower[j] === "royal" || lower[j] === "serene") j++;
      if (HONORIFIC_NOUNS.has(lower[j]) && isCap(toks[j])) { k = j + 1; continue; }
    }
    if (k < end && HONORIFIC_NOUNS.has(lower[k]) && isCap(toks[k])) { k++; continue; }
    // "Sheikh", "Mr.", "H.E." only before a capitalised word (so "the sheikh said" stays a role)
    if (k + 1 < end && HONORIFIC_TITLES.has(lower[k]) && isCap(toks[k]) && isCap(toks[k + 1])) {
      k++;
      if (lower[k] === ".") k++;
      continue;
    }
    // "H.E." split by the tokenizer as "H.E" + "."
    if (k + 2 < end && lower[k] === "h.e" && lower[k + 1] === ".") { k += 2; continue; }
    return k;
  }
}

/** Sectors whose actors are placed by where they act: "police in Lagos", "Lagos police", "militants in Borno". */
const PLACED_SECTORS = new Set<Sector | undefined>(["POL", "MIL", "REB", "CIV", "JUD", "OTH"]);
/**
 * A city whose name alone says the country, in a country the article does not name (Lagos,
 * Karachi); smaller ones count only in a country the article names (Kent, Surrey and Virginia
 * are also cities in the USA, Canada and South Africa).
 */
const CITY_MIN_POPULATION = 1_000_000;

function pickEntry(entries: GazetteerEntry[]): GazetteerEntry {
  // Prefer the most specific kind when one surface form has several readings.
  const order = ["person", "group", "igo", "country", "demonym", "capital", "role"];
  return [...entries].sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind))[0];
}

/**
 * Finds actor mentions in every sentence of the document.
 * `excluded` marks token indices (the dateline) that are never actors.
 */
export function findMentions(doc: ArticleDoc, gaz: Gazetteer, excluded: Set<number> = new Set()): FoundMention[] {
  const toks = doc.tokens;
  const lower = toks.map((t) => t.lower);
  const text = toks.map((t) => t.text);
  const glued = toks.map((t, k) => k > 0 && t.start === toks[k - 1].end);
  const spanText = (a: number, b: number) => doc.text.slice(toks[a].start, toks[b - 1].end);
  const out: FoundMention[] = [];
  const surnames = new Map<string, FoundMention>();

  // 1. lexicon hits, for the whole document first: the countries it names decide which of two
  // namesake cities a role is placed in ("Kent Police" in a British story)
  const hitsBySent = doc.sentences.map((s) => {
    const end = s.tokEnd;
    const hits: Hit[] = [];
    for (let i = s.tokStart; i < end; ) {
      if (excluded.has(i) || toks[i].pos === "SPACE") { i++; continue; }
      const m = gaz.longestAt(lower, text, i, end, glued);
      if (m) {
        if (!m.entries.every((e) => e.kind === "block")) hits.push({ a: i, b: i + m.len, entries: m.entries.filter((e) => e.kind !== "block") });
        i += m.len;
      } else i++;
    }
    return hits;
  });
  const docCountries = new Set<string>();
  for (const hs of hitsBySent) for (const h of hs) for (const e of h.entries) if (e.country && e.country !== "IGO" && (e.kind === "country" || e.kind === "capital" || e.kind === "demonym")) docCountries.add(e.country);
  /** The country of a city named by tokens a..b: one the article names, else a city of a million. */
  const cityCountry = (a: number, b: number): string | undefined => {
    if (b <= a || b - a > 3) return undefined;
    return lookupCity(doc.text.slice(toks[a].start, toks[b - 1].end), docCountries, CITY_MIN_POPULATION)?.country;
  };

  for (const s of doc.sentences) {
    const end = s.tokEnd;
    const hits = hitsBySent[s.i] ?? [];
    const hitAt = new Map<number, Hit>();
    for (const h of hits) hitAt.set(h.a, h);

    // 2. join hits into noun phrases
    const sentMentions: FoundMention[] = [];
    for (let i = s.tokStart; i < end; ) {
      const t = toks[i];
      if (excluded.has(i)) { i++; continue; }
      if (!hitAt.has(i)) {
        const h = honorificEnd(toks, lower, i, end, (k) => hitAt.has(k));
        if (h > i && h < end) { i = h; continue; }
      }
      // a news outlet in parentheses is a credit, no actor: at the top ("ABU DHABI, May 10 (WAM)
      // --") it wrote the story and tells the article's country as a dateline does; at the end of
      // a summary ("(BBC) (Reuters)") it is a source and tells nothing
      if (hitAt.has(i) && lower[i - 1] === "(") {
        const h = hitAt.get(i)!;
        const e = pickEntry(h.entries);
        if (e.kind === "group" && e.sector === "MED" && lower[h.b] === ")") {
          const top = /^(-|--|—|–|:)$/.test(lower[h.b + 1] ?? "") && toks[i].start < 400 && !!e.country;
          sentMentions.push({ kind: "group", tokStart: i, tokEnd: h.b, sent: s.i, parts: { credit: true, ...(top ? { country: e.country, countryFrom: "group" as const } : {}), sector: "MED", name: e.name, modifierOnly: true } });
          i = h.b; continue;
        }
      }
      // plural references: "the two sides"
      const plLen = pluralRefAt(lower, i, end);
      if (plLen) {
        sentMentions.push({ kind: "plural", tokStart: i, tokEnd: i + plLen, sent: s.i, parts: { pronoun: lower.slice(i, i + plLen).join(" "), plural: true } });
        i += plLen; continue;
      }
      if (POSSESSIVES.has(t.lower) && (t.pos === "PRON" || t.pos === "DET") && !(t.lower === "her" && toks[i + 1] && !/^(NOUN|ADJ|PROPN|NUM)$/.test(toks[i + 1].pos))) {
        sentMentions.push({ kind: "pronoun", tokStart: i, tokEnd: i + 1, sent: s.i, parts: { pronoun: t.lower === "our" ? "we" : t.lower === "his" ? "he" : t.lower === "her" ? "she" : t.lower === "its" ? "it" : "they", possessive: true } });
        i++; continue;
      }
      if (PRONOUNS.has(t.lower) && t.pos === "PRON") {
        sentMentions.push({ kind: "pronoun", tokStart: i, tokEnd: i + 1, sent: s.i, parts: { pronoun: t.lower } });
        i++; continue;
      }
      if (!hitAt.has(i) && isCap(t) && t.pos === "PROPN") {
        // a city before a role: "Lagos police", "Kabul Police", "Karachi prosecutors"
        let r = i;
        while (r < end && r - i < 3 && !hitAt.has(r) && isCap(toks[r]) && toks[r].pos === "PROPN") r++;
        const h = hitAt.get(r);
        if (h && r > i && pickEntry(h.entries).kind === "role" && PLACED_SECTORS.has(pickEntry(h.entries).sector) && !surnames.has(lower[r - 1])) {
          const c = cityCountry(i, r);
          const phrase = c ? buildPhrase(r) : undefined;
          if (phrase && !phrase.parts.country) {
            phrase.parts.country = c;
            phrase.parts.countryFrom = "postmodifier";
            phrase.parts.placed = true;
            phrase.tokStart = i;
            sentMentions.push(phrase);
            i = phrase.tokEnd; continue;
          }
        }
      }
      if (!hitAt.has(i)) {
        // a bare name: a surname seen before, or a capitalised run that precedes an appositive role
        if (isCap(t) && (t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "ADJ")) {
          const k = nameRun(toks, i, end);
          if (k > i && !hitAt.has(k - 1)) {
            const known = surnames.get(lower[k - 1]) ?? surnames.get(lower[i]);
            if (known) {
              sentMentions.push({ kind: "person", tokStart: i, tokEnd: k, sent: s.i, parts: { ...known.parts, modifierOnly: false, transparent: false } });
              i = k; continue;
            }
            // appositive: "Elmedin Konaković, the foreign minister of Bosnia and Herzegovina"
            if (k - i >= 2 && toks[k]?.text === "," && (hitAt.has(k + 1) || (lower[k + 1] === "the" && hitAt.has(k + 2)))) {
              const appo = buildPhrase(k + (lower[k + 1] === "the" ? 2 : 1));
              if (appo && appo.parts.role && !appo.parts.name) {
                const name = spanText(i, k);
                const m: FoundMention = { kind: "person", tokStart: i, tokEnd: appo.tokEnd, sent: s.i, parts: { ...appo.parts, name, surname: lower[k - 1], plural: false } };
                sentMentions.push(m); surnames.set(lower[k - 1], m);
                i = appo.tokEnd; continue;
              }
            }
            i = k; continue;
          }
        }
        i++; continue;
      }
      const phrase = buildPhrase(i);
      if (!phrase) { i++; continue; }
      sentMentions.push(phrase);
      if (phrase.parts.surname) surnames.set(phrase.parts.surname, phrase);
      if (phrase.parts.person?.name) {
        const last = surfaceLast(phrase.parts.person.name);
        if (last) surnames.set(last, phrase);
      }
      i = phrase.tokEnd;
    }
    markQuoted(sentMentions, toks, s.tokStart, end);
    distributeCountry(sentMentions, lower);
    markAppositives(sentMentions, lower);
    out.push(...sentMentions);

    // Builds one noun phrase starting at a hit.
    function buildPhrase(start: number): FoundMention | undefined {
      const parts: MentionParts = {};
      let kind: FoundMention["kind"] = "role";
      /** Whether every lexicon hit of the phrase so far is a state or province. */
      let onlyRegion: boolean | undefined;
      let k = start;
      let lastKind: string | undefined;
      let any = false;
      while (k < end) {
        const h = hitAt.get(k);
        if (h) {
          // a second country name after a complete phrase starts a new phrase ("Iran Pakistan"): stop
          const e = pickEntry(h.entries);
          if (any && (e.kind === "country" || e.kind === "capital") && lastKind !== "glue-of") {
            if (lower[k - 1] !== "'s") break;
          }
          if (any && (e.kind === "person") && lastKind === "person") break;
          apply(e, h);
          any = true; lastKind = e.kind; k = h.b;
          // possessive: "Iran's"
          if (lower[k] === "'s" || lower[k] === "’s") { if (e.kind !== "role" && e.kind !== "person") parts.countryFrom = "possessive"; k++; lastKind = "poss"; }
          continue;
        }
        const t = toks[k];
        if (any && (GLUE_ADJ.has(t.lower) || (t.lower === "the" && lastKind === "poss"))) { k++; continue; }
        break;
      }
      if (!any) return undefined;
      const regionOnly = !!onlyRegion;
      // the rest of a known person's name: "Sheikh Abdullah bin Zayed" + "Al Nahyan"
      if (lastKind === "person" && k + 1 < end && NAME_PARTICLES.has(lower[k]) && !hitAt.has(k) && isCap(toks[k + 1]) && !hitAt.has(k + 1)) {
        const r = nameRun(toks, k, end);
        if (r > k + 1 && r - k <= 3) k = r;
      }
      // a person's name after a title or a country: "Foreign Minister Mohammad Ishaq Dar", "Iran's Ali Bagheri"
      if (!parts.name && (lastKind === "role" || lastKind === "poss" || lastKind === "demonym") && k < end && isCap(toks[k])) {
        const titled = lastKind !== "role" || parts.role !== undefined;
        const r = nameRun(toks, k, end);
        if (titled && r > k && !hitAt.has(k) && !(hitAt.has(r - 1))) {
          parts.name = spanText(k, r);
          parts.surname = lower[r - 1];
          parts.plural = false;
          kind = "person";
          k = r;
        }
      }
      // a name in apposition after a title: "Iran's top security official, Ali Shamkhani,"
      if (!parts.name && parts.role && parts.personRole && lower[k] === "," && k + 1 < end && isCap(toks[k + 1]) && !hitAt.has(k + 1)) {
        const r = nameRun(toks, k + 1, end);
        if (r - (k + 1) >= 2 && !hitAt.has(r - 1) && (lower[r] === "," || lower[r] === "." || r === end)) {
          parts.name = spanText(k + 1, r);
          parts.surname = lower[r - 1];
          kind = "person";
          k = r;
        }
      }
      // postmodifier: "the foreign minister of Bosnia", "Police in Belarus", "counterparts from Mexico, ..."
      // (an organisation word, "the bloc in Niger", keeps to the organisation it stands for)
      if (!parts.country && (parts.role || parts.sector) && parts.sector !== "IGO" && k + 1 < end && ["of", "in", "from", "for", "on", "at"].includes(lower[k])) {
        let j = k + 1;
        if (lower[j] === "the") j++;
        const h = hitAt.get(j);
        if (h) {
          const e = pickEntry(h.entries);
          if (e.kind === "country" || e.kind === "igo" || e.kind === "demonym" || e.kind === "capital" || e.kind === "group") {
            // a list of countries after the role: let each country stand as its own mention
            const after = h.b;
            const listNext = (j: number) => { const n = hitAt.get(lower[j] === "the" ? j + 1 : j); return !!n && ["country", "igo", "demonym"].includes(pickEntry(n.entries).kind); };
            if (((lower[after] === "," || lower[after] === "and") && listNext(after + 1)) || lower[after] === "including") {
              parts.transparent = true;
            } else {
              parts.country = e.kind === "igo" ? "IGO" : e.country;
              parts.countryFrom = "postmodifier";
              if (e.kind === "igo") parts.igo = e.igo;
              k = h.b;
              if (lower[k] === "'s") { // "India's Ministry of External Affairs"
                k++;
                const h2 = hitAt.get(k);
                if (h2 && pickEntry(h2.entries).kind === "role") k = h2.b;
              }
            }
          }
        }
      }
      // "police in Lagos", "militants in Maiduguri": a city the role acts in gives its country
      if (!parts.country && parts.role && !parts.name && PLACED_SECTORS.has(parts.sector) && (lower[k] === "in" || lower[k] === "of") && k + 1 < end && !hitAt.has(k + 1) && isCap(toks[k + 1])) {
        let r = k + 1;
        while (r < end && r - (k + 1) < 3 && !hitAt.has(r) && isCap(toks[r]) && toks[r].pos === "PROPN") r++;
        // "Paris, Texas": a city qualified by another place than its own country is not that city
        const qualified = lower[r] === "," && r + 1 < end && isCap(toks[r + 1]) && toks[r + 1].pos === "PROPN";
        const c = cityCountry(k + 1, r);
        const sameCountry = qualified && hitAt.has(r + 1) && pickEntry(hitAt.get(r + 1)!.entries).country === c;
        if (c && (!qualified || sameCountry)) {
          parts.country = c;
          parts.countryFrom = "postmodifier";
          parts.placed = true;
          k = r;
          // "police in Lagos, Nigeria": the country named after the city is the same place
          if (lower[k] === "," && hitAt.has(k + 1) && pickEntry(hitAt.get(k + 1)!.entries).country === c) k = hitAt.get(k + 1)!.b;
        }
      }
      if (!parts.country && parts.role && parts.plural && (lower[k] === "from" || lower[k] === "of" || lower[k] === "in") && /^(several|many|other|various|some|different|a|all|dozens|numerous|across)$/.test(lower[k + 1] ?? "")) parts.generic = true;
      if (parts.modifierOnly && parts.role) parts.modifierOnly = false;
      // a plural demonym standing alone names people ("ethnic Albanians demonstrated", "Serbs in
      // northern Kosovo"): civilians, of the place named after them if any
      if (lastKind === "demonym" && !parts.role && !parts.name && /s$/.test(lower[k - 1]) && !/^(NOUN|PROPN)$/.test(toks[k]?.pos ?? "")) {
        parts.sector = "CIV";
        parts.plural = true;
        if ((lower[k] === "in" || lower[k] === "from") && k + 1 < end) {
          let j = k + 1;
          while (j < end && j < k + 3 && (toks[j].pos === "ADJ" || lower[j] === "the")) j++;
          const h = hitAt.get(j);
          if (h && ["country", "capital"].includes(pickEntry(h.entries).kind)) { parts.country = pickEntry(h.entries).country; parts.countryFrom = "postmodifier"; k = h.b; }
        }
      }
      if (lastKind === "demonym" && !parts.role && !parts.name && parts.sector !== "CIV") {
        // demonym + noun: an actor only when the noun is not a place or topic
        const head = toks[k];
        if (head && NON_ACTOR_HEADS.has(head.lower)) parts.modifierOnly = true;
        if (head) parts.head = head.lemma;
      }
      if (kind === "role") {
        if (parts.isGroup && !parts.person) kind = "group";
        else if (parts.name) kind = "person";
        else if (parts.igo && !parts.role) kind = "igo";
        else if (parts.country && !parts.role) kind = parts.person ? "person" : (parts.sector && parts.countryFrom === "group") ? "group" : "country";
      }
      if (regionOnly && !parts.role && !parts.name && !parts.sector) parts.placeOnly = true;
      return { kind, tokStart: start, tokEnd: k, sent: s.i, parts };

      function apply(e: GazetteerEntry, h: Hit): void {
        onlyRegion = onlyRegion === undefined ? !!e.region : onlyRegion && !!e.region;
        switch (e.kind) {
          case "country": case "capital": case "demonym":
            if (!parts.country) { parts.country = e.country; parts.countryFrom = e.kind === "country" ? "name" : e.kind; }
            break;
          case "igo":
            if (!parts.country) { parts.country = "IGO"; parts.igo = e.igo; parts.countryFrom = "igo"; parts.sector ??= "IGO"; }
            break;
          case "group":
            if (!parts.country && e.country) { parts.country = e.country; parts.countryFrom = "group"; }
            parts.sector = e.sector; parts.name ??= e.name; parts.isGroup = true;
            break;
          case "person":
            // the name as the article writes it ("Ali Bagheri"), the lexicon's full form for a lone surname
            parts.person = e;
            parts.name = h.b - h.a >= 2 ? spanText(h.a, h.b) : surnames.get(lower[h.a])?.parts.name ?? e.name;
            if (h.b - h.a >= 2) parts.surname = lower[h.b - 1];
            if (!parts.country) { parts.country = e.country; parts.countryFrom = "person"; }
            parts.sector = e.sector; parts.roleHint = e.role?.toLowerCase();
            break;
          case "role": {
            parts.role = e.name; parts.sector = e.sector;
            parts.personRole = !!e.titleBeforeName || PERSON_HEADS.has(e.name.split(" ").pop()!);
            if (e.unidentified) parts.unidentified = true;
            const lastTok = toks[h.b - 1];
            parts.plural = !!e.plural || (lastTok.lower !== lastTok.lemma && lastTok.lower.endsWith("s"));
            break;
          }
        }
      }
    }
  }
  return out;
}

function surfaceLast(name: string): string | undefined {
  const parts = name.toLowerCase().split(/\s+/);
  return parts[parts.length - 1];
}
