// The coder: runs the stages over one article and returns its coded events.
//   analyse → dateline → actor mentions → resolution/coreference → events
//   → date and place → per-article de-duplication → output records
import { createHash } from "node:crypto";
import type { ArticleDoc, ArticleInput, CodedEvent, EventCandidate, EvidenceSpans, Place } from "../doc/types.js";
import { knownCountryCodes, loadLexicon, loadUserActors, type Lexicon } from "../lexicon/index.js";
import { analyse } from "../stages/analyse/analyse.js";
import { parseSentence } from "../stages/analyse/parse.js";
import { buildGazetteer } from "../stages/actors/build-gazetteer.js";
import type { Gazetteer } from "../stages/actors/gazetteer.js";
import { findMentions } from "../stages/actors/mentions.js";
import { resolveCoreference } from "../stages/actors/resolve.js";
import { dedupeEvents, eventKey } from "../stages/dedupe/dedupe.js";
import { extractEvents } from "../stages/events/extract.js";
import { loadImplicitAgents } from "../stages/events/implicit.js";
import { indexPatterns, loadCameoVerbs, loadUserVerbs, readPatternFile, type PatternIndex } from "../stages/events/patterns.js";
import { dictionaryCandidates, petrDictionaryCoder, withDictionaryPriority } from "../lexicon/petrarch-dict-code.js";
import { eventDate, findDates, type DateMention } from "../stages/place-date/dates.js";
import { nearestPlace, placesIn, type PlaceMention } from "../stages/place-date/locate.js";
import { findDateline, lookupCity } from "../stages/place-date/places.js";

export interface CoderOptions {
  /** Folder of the data files (countries, roles, verbs …); defaults to the package's data/. */
  dataDir?: string;
  /** A user's own actor file(s) (names → country, sector): dyad's JSON, or PETRARCH/TABARI actor and agent dictionaries. */
  actorsFile?: string | string[];
  /**
   * A user's own verb file: dyad's JSON patterns or a PETRARCH/TABARI verb
   * dictionary (detected by content). Its patterns go before dyad's; with
   * PETRARCH-format actors too, sentences are first coded by the dictionaries
   * themselves (see lexicon/petrarch-dict-code.ts).
   */
  verbsFile?: string;
  /** A bad line in a PETRARCH-format verb, actor or agent file fails (default), or is skipped as PETRARCH itself does. */
  skipBadDictionaryEntries?: boolean;
}

export interface Coder {
  code(article: ArticleInput): CodedEvent[];
  /** The analysed document with its events, for debugging and the explorer. */
  analyseArticle(article: ArticleInput): { doc: ArticleDoc; events: CodedEvent[] };
}

const DEFAULT_DATA = new URL("../../data/", import.meta.url);
/** Openings that carry a sentence on from the time of the one before. */
const NARRATIVE_ON = /^((shortly|soon|immediately|hours|days|weeks|months|a (day|week|month) ) ?after\b|afterwards\b|in the (aftermath|wake) of\b|the (next|following) (day|morning|week)\b|that (day|night|week)\b)/i;
const MULTILATERAL = /\b(sidelines|fringes?|margins?)\b/i;

export function createCoder(opts: CoderOptions = {}): Coder {
  const dataDir = opts.dataDir ?? DEFAULT_DATA.pathname;
  const lexicon: Lexicon = loadLexicon(dataDir);
  const skip = opts.skipBadDictionaryEntries ? { onProblem: () => {} } : {};
  const userActors = opts.actorsFile ? loadUserActors(opts.actorsFile, skip) : [];
  const gaz = buildGazetteer(lexicon, userActors);
  const userVerbs = opts.verbsFile ? loadUserVerbs(opts.verbsFile, skip) : undefined;
  // the imported CAMEO verbs come last: tried only where no pattern of dyad's fires
  const patterns: PatternIndex = indexPatterns(readPatternFile(joinPath(dataDir, "verbs.json")), [loadCameoVerbs(joinPath(dataDir, "cameo-verbs.json"))], userVerbs?.patterns);
  const dictionary = userVerbs?.petrarch && opts.actorsFile ? petrDictionaryCoder(userVerbs.petrarch, opts.actorsFile, skip) : undefined;
  const implicit = loadImplicitAgents(joinPath(dataDir, "implicit-agents.json"));

  function analyseArticle(article: ArticleInput) {
    // sentences are parsed when the event stage finds a predicate in them
    const doc = analyse(article, { parse: "on-demand" });
    const dl = findDateline(doc.tokens, doc.text);
    const excluded = new Set<number>();
    let datelinePlace: Place | undefined;
    if (dl) {
      // the dateline and any page clutter above it name no actors
      for (let k = 0; k < dl.tokEnd; k++) excluded.add(k);
      datelinePlace = lookupCity(dl.name, new Set(), 1000);
    }
    const mentions = findMentions(doc, gaz, excluded);
    resolveCoreference(doc, mentions, datelinePlace?.country);
    doc.mentions = mentions;
    const articleCountries = new Set(mentions.map((m) => m.actor?.country).filter((c): c is string => !!c));
    if (dl && datelinePlace && !articleCountries.has(datelinePlace.country)) {
      // an ambiguous dateline city: prefer one in a country the article names
      datelinePlace = lookupCity(dl.name, articleCountries, 1000) ?? datelinePlace;
    }
    doc.dateline = datelinePlace;
    if (dl) doc.datelineEnd = doc.tokens[dl.tokEnd - 1]?.end;
    const placesBySent = new Map<number, PlaceMention[]>();
    const placeCountry = (sent: number, at: number) => {
      let places = placesBySent.get(sent);
      if (!places) placesBySent.set(sent, (places = placesIn(doc, doc.sentences[sent], gaz, articleCountries)));
      // (not the dateline's: it says where the story was filed, and a passive's doer or a
      // victim's country must not be guessed from that)
      return nearestPlace(places, at)?.country;
    };
    const candidates = extractEvents(doc, mentions, patterns, { implicit, placeCountry });
    let dated = placeAndDate(doc, candidates, gaz, articleCountries, (lemma) => patterns.byFirst.has(lemma));
    // a user's PETRARCH dictionaries code first, as they say (no tense filter); dyad's events fill the rest
    if (dictionary) dated = withDictionaryPriority(dated, dictionaryCandidates(doc, dictionary.coder, isKnownCountry, { rawCodes: dictionary.rawCodes }));
    doc.events = dedupeEvents(dated);
    return { doc, events: doc.events.map((e) => toCoded(doc, e, lexicon)) };
  }
  return { code: (a) => analyseArticle(a).events, analyseArticle };
}

const isKnownCountry = (c: string) => c === "IGO" || knownCountryCodes().has(c);

function joinPath(dir: string, file: string): string {
  return dir.endsWith("/") ? dir + file : `${dir}/${file}`;
}

/** The date expressions of a sentence, without the dateline's, which dates the report, not the act. */
function reportedDates(doc: ArticleDoc, s: ArticleDoc["sentences"][number]): DateMention[] {
  const all = findDates(s.text, doc.article.date);
  const end = doc.datelineEnd;
  return end === undefined || s.start >= end ? all : all.filter((d) => s.start + d.start >= end);
}

/** Dates each candidate, drops background acts, and finds where each happened. */
function placeAndDate(doc: ArticleDoc, events: EventCandidate[], gaz: Gazetteer, countries: Set<string>, isEventWord: (lemma: string) => boolean): EventCandidate[] {
  const datesBySent = new Map<number, DateMention[]>();
  const placesBySent = new Map<number, PlaceMention[]>();
  const lead = doc.sentences[0]?.text ?? "";
  const anchor = storyDate(doc, datesBySent);
  const out: EventCandidate[] = [];
  let lastPlace: { sent: number; place: Place } | undefined;
  for (const e of events) {
    const s = doc.sentences[e.sent];
    let dates = datesBySent.get(s.i);
    if (!dates) datesBySent.set(s.i, (dates = reportedDates(doc, s)));
    const at = doc.tokens[e.trigger].start - s.start;
    // a date inside a relative clause the predicate is not in ("…, who became foreign minister
    // in May,") dates that clause, not the event
    // and a date the parse hangs on another noun ("arrest a student leader over a protest last month")
    // dates that noun's event, not this one
    // (the parse, made now if the event stage did not need it, tells which noun a date hangs on: asked
    // only where an event noun stands between the predicate and a date)
    if (dates.length > 0 && doc.tokens[s.tokStart]?.dep === undefined && dates.some((x) => eventNounBetween(doc, s, e.trigger, x, isEventWord))) parseSentence(doc, s);
    const d = eventDate(dates.filter((x) => !insideOtherRelative(s.text, x.start, at) && !datesOtherNoun(doc, s, x, e.trigger, isEventWord)), at, doc.article.date);
    if (d.background) continue;
    if (d.future && e.type !== "AGREE" && e.type !== "THREATEN") {
      if (["CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"].includes(e.type)) { e.type = "AGREE"; e.cameo = "030"; e.mode = undefined; }
      else continue;
    }
    e.date = d.date;
    // a sentence that names no day goes on at the day last named ("On Sunday, the minister
    // met … His first meeting was with …"), within a few sentences
    // a story told on from a day long past ("Maria tore through … on September 18. Shortly after
    // the hurricane, authorities imposed a curfew"): a sentence that names no day but opens by
    // pointing back in time is as old as the one before it
    if (!dates.length && NARRATIVE_ON.test(s.text.trimStart())) {
      // (the nearest earlier sentence that names a day, within two)
      let past = false;
      for (let k = s.i - 1; k >= Math.max(0, s.i - 2); k--) {
        let pd = datesBySent.get(k);
        if (!pd) datesBySent.set(k, (pd = reportedDates(doc, doc.sentences[k])));
        if (!pd.length) continue;
        past = pd.every((x) => eventDate([x], x.start, doc.article.date).background);
        break;
      }
      if (past) continue;
    }
    if (!dates.length) {
      for (let k = s.i - 1; k >= Math.max(0, s.i - 3); k--) {
        const prev = doc.sentences[k];
        let pd = datesBySent.get(k);
        if (!pd) datesBySent.set(k, (pd = reportedDates(doc, prev)));
        const days = pd.map((x) => eventDate([x], x.start, doc.article.date)).filter((x) => !x.background && !x.future && x.date !== doc.article.date);
        // only the same actor's story goes on: another actor's act that day dates nothing here
        const sameStory = events.some((x) => x.sent === k && (x.source.country === e.source.country || x.target.country === e.source.country));
        if (days.length === 1 && sameStory) { e.date = days[0].date; break; }
        if (pd.length) break;
      }
      // a report written days after the fact ("On Saturday, a gunman shot …" published on
      // Thursday): its undated sentences tell the lead's day, not the day of publication
      if (e.date === doc.article.date && anchor && e.sent <= anchor.sent + 12) e.date = anchor.date;
    }
    if (e.type === "CONSULT" && !e.mode) {
      const lemma = doc.tokens[e.trigger].lemma;
      if (MULTILATERAL.test(s.text) || (MULTILATERAL.test(lead) && e.sent < 8)) e.mode = "multilateral";
      else if (["visit", "arrive", "travel", "tour", "land", "fly"].includes(lemma)) e.mode = "visit";
    }
    if (e.mode !== "phone") {
      let places = placesBySent.get(s.i);
      if (!places) placesBySent.set(s.i, (places = placesIn(doc, s, gaz, countries)));
      // a sentence that names no place goes on where the story last was ("In the meeting, …")
      const carried = lastPlace && e.sent - lastPlace.sent <= 8 ? lastPlace.place : undefined;
      // a place far after the predicate belongs to something else ("… the problems of the war in Ukraine")
      const near = places.filter((p) => p.tok < e.trigger ? p.tok >= s.tokStart : p.tok - e.trigger <= 25);
      e.location = nearestPlace(near, e.trigger, carried ?? doc.dateline);
      if (near.length && e.location) lastPlace = { sent: e.sent, place: e.location };
    }
    out.push(e);
  }
  return out;
}

/**
 * The day a story's lead gives its news ("On Saturday morning, a gunman …"): the first
 * date of the first body sentences that pins a recent past day other than the
 * publication date. Undefined when the lead names no day (the news is of the day).
 */
function storyDate(doc: ArticleDoc, datesBySent: Map<number, DateMention[]>): { date: string; sent: number } | undefined {
  for (const s of doc.sentences.slice(0, 4)) {
    let ds = datesBySent.get(s.i);
    if (!ds) datesBySent.set(s.i, (ds = reportedDates(doc, s)));
    // a line that is only a date ("Thursday, August 8, 2019") dates the page, not the news
    if (ds.length && s.text.replace(/[\s,.]/g, "").length - ds.reduce((n, d) => n + s.text.slice(d.start, d.end).replace(/[\s,.]/g, "").length, 0) < 4) continue;
    for (const d of ds) {
      if (!d.day) continue;
      const x = eventDate([d], d.start, doc.article.date);
      if (x.background || x.future || x.date === doc.article.date) continue;
      return { date: x.date, sent: s.i };
    }
    if (ds.some((d) => d.day)) return undefined;
  }
  return undefined;
}

/** Whether a noun naming an act stands between token `trigger` and the date expression `d`. */
function eventNounBetween(doc: ArticleDoc, s: ArticleDoc["sentences"][number], trigger: number, d: DateMention, isEventWord: (lemma: string) => boolean): boolean {
  const toks = doc.tokens;
  const from = s.start + d.start;
  const [a, b] = toks[trigger].start < from ? [trigger + 1, s.tokEnd] : [s.tokStart, trigger];
  for (let k = a; k < b; k++) {
    if (toks[k].start >= from && toks[k].start < s.start + d.end) break;
    if (toks[k].pos === "NOUN" && isEventWord(toks[k].lemma)) return true;
  }
  return false;
}

/**
 * Whether the parse attaches a date expression to a noun other than the event's trigger:
 * the date's head word (the one whose head lies outside it) hangs on that noun.
 */
function datesOtherNoun(doc: ArticleDoc, s: ArticleDoc["sentences"][number], d: DateMention, trigger: number, isEventWord: (lemma: string) => boolean): boolean {
  const toks = doc.tokens;
  const from = s.start + d.start, to = s.start + d.end;
  let inner = -1;
  for (let k = s.tokStart; k < s.tokEnd; k++) if (toks[k].start >= from && toks[k].end <= to) inner = k;
  if (inner < 0 || toks[inner].head === undefined) return false;
  // climb out of the date's own words
  let h = inner;
  for (let n = 0; n < 8 && h >= 0 && toks[h].start >= from && toks[h].end <= to; n++) h = toks[h].head ?? -1;
  if (h < 0 || h === trigger) return false;
  const tag = toks[h].upos ?? toks[h].pos;
  // (only a noun that names an act of its own, "a protest last month": a date the parser hung on a
  // name or a place is more likely its mistake than the text's meaning)
  if (!((tag === "NOUN" || tag === "PROPN") && toks[h].pos !== "VERB" && isEventWord(toks[h].lemma))) return false;
  // an object is dated with its verb, whatever the parser hung on it: "signed a trade agreement in 2012",
  // "cut ties in 2016 after protesters stormed …"
  if (toks[h].dep === "obj") return false;
  // a clause inside that noun's phrase is dated by it: "a meeting in March at which they agreed"
  for (let x = trigger, n = 0; x >= 0 && n < 32; n++, x = toks[x].head ?? -1) if (x === h) return false;
  return true;
}

/** Whether character `pos` lies in a ", who/which/where …" clause of the sentence that does not hold `at`. */
function insideOtherRelative(text: string, pos: number, at: number): boolean {
  const re = /,\s+(who|which|where)\b/g;
  for (let m; (m = re.exec(text)); ) {
    const start = m.index;
    const comma = text.indexOf(",", start + 1);
    const end = comma < 0 ? text.length : comma;
    if (pos > start && pos < end && !(at > start && at < end)) return true;
  }
  return false;
}

/**
 * The predicate's and the actors' spans in the evidence sentence, for showing
 * why an event was coded. An actor's span is where its words stand nearest the
 * predicate (the doer before it, the target after it, where the text allows).
 */
function evidenceSpans(doc: ArticleDoc, e: EventCandidate): EvidenceSpans {
  const s = doc.sentences[e.sent];
  const t = doc.tokens[e.trigger];
  const spans: EvidenceSpans = { trigger: [t.start, t.end] };
  const find = (words: string, before: boolean): [number, number] | undefined => {
    if (!words) return undefined;
    const at: number[] = [];
    for (let i = s.text.indexOf(words); i >= 0; i = s.text.indexOf(words, i + 1)) at.push(s.start + i);
    if (!at.length) return undefined;
    const pick = before ? [...at].reverse().find((i) => i + words.length <= t.start) ?? at[0] : at.find((i) => i >= t.end) ?? at[at.length - 1];
    return [pick, pick + words.length];
  };
  const src = find(e.source.text, true), tgt = find(e.target.text, false);
  if (src) spans.source = src;
  if (tgt && !(src && tgt[0] === src[0])) spans.target = tgt;
  return spans;
}

function toCoded(doc: ArticleDoc, e: EventCandidate, lex: Lexicon): CodedEvent {
  const s = doc.sentences[e.sent];
  const code = lex.cameo.codes.get(e.cameo) ?? lex.cameo.codes.get(e.cameo.slice(0, 3)) ?? lex.cameo.codes.get(lex.cameo.plover[e.type].cameo);
  const key = eventKey(e);
  const out: CodedEvent = {
    article: doc.article.id,
    event: createHash("sha1").update(`${doc.article.id}|${key}`).digest("hex").slice(0, 16),
    date: e.date,
    type: e.type,
    ...(e.mode ? { mode: e.mode } : {}),
    source: e.source,
    target: e.target,
    ...(e.location ? { location: e.location } : {}),
    cameo: e.cameo,
    goldstein: code?.goldstein ?? 0,
    quad: lex.cameo.plover[e.type].quad as 1 | 2 | 3 | 4,
    evidence: { sentence: s.i, start: s.start, end: s.end, text: s.text, spans: evidenceSpans(doc, e) },
    confidence: e.confidence,
  };
  return out;
}
