// The event store's contract, shared by every backend (SQLite now, PostgreSQL
// later): what goes in (coded articles), what comes out (merged events with
// their mentions), and the filters every query takes. Methods are async so a
// networked backend can implement the same interface.
import type { CodedEvent, EvidenceSpans, PlovType, Sector } from "../doc/types.js";

/** An article as stored: its metadata, text and where it came from. */
export interface StoredArticle {
  id: string;
  url?: string;
  /** The outlet: the url's host (without www.), the record's `source`, or "" when unknown. */
  source: string;
  date: string;
  title?: string;
  /** {@link normalisedTextHash} of the text, to recognise the same text under another id. */
  textHash: string;
  text: string;
  /** When it was stored (ISO 8601, UTC). */
  added: string;
}

/** One article and the events the coder found in it, ready to store. */
export interface CodedArticle {
  article: Omit<StoredArticle, "added"> & {
    /** MinHash of the text (see near-duplicate.ts), to recognise syndicated copies; absent for short texts. */
    signature?: Uint32Array;
  };
  events: CodedEvent[];
}

/** Another outlet's copy of a stored article (the same wire story): kept as a source, not coded again. */
export interface ArticleCopy {
  id: string;
  url?: string;
  source: string;
  date: string;
  title?: string;
  /** Estimated share of the texts' word 5-grams they have in common. */
  similarity: number;
}

export interface StoredActor {
  name: string;
  country: string;
  sector: Sector;
  role?: string;
}

export interface StoredPlace {
  name: string;
  country: string;
  lat?: number;
  lon?: number;
}

/**
 * One event as stored: reports of the same act in several articles are merged
 * into one (see `mergeRule` in README), counted as GDELT counts them.
 */
export interface StoredEvent {
  id: number;
  date: string;
  type: PlovType;
  mode?: string;
  cameo: string;
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
  source: StoredActor;
  target: StoredActor;
  place?: StoredPlace;
  /** Reports of the event: one per (article, sentence). */
  numMentions: number;
  numArticles: number;
  /** Distinct outlets among those articles (an article of unknown outlet counts as its own). */
  numSources: number;
  /** Highest confidence among the mentions. */
  confidence: number;
  /** The first article that reported it, its url and evidence sentence. */
  firstArticle: string;
  sourceUrl?: string;
  /** The first article's outlet ("" when unknown). */
  outlet: string;
  evidence: string;
  /** Index of the evidence sentence in the first article (0-based). */
  evidenceSentence: number;
  added: string;
}

/** One report of an event: the article, the sentence and the evidence offsets in the article text. */
export interface EventMention {
  eventId: number;
  articleId: string;
  sentence: number;
  start: number;
  end: number;
  evidence: string;
  confidence: number;
  sourceText: string;
  targetText: string;
  /** Where the predicate and the actors are in the article text, where the coder knew. */
  spans: EvidenceSpans;
  articleDate: string;
  articleUrl?: string;
  articleSource: string;
  articleTitle?: string;
}

/** Query filters; every field is optional and they combine with AND. */
export interface EventFilter {
  /** Country (ISO alpha-3 or IGO code) on either side. */
  actor?: string;
  source?: string;
  target?: string;
  /** Two countries, in either direction. */
  between?: [string, string];
  /** Sector on either side, or on one side. */
  sector?: Sector;
  sourceSector?: Sector;
  targetSector?: Sector;
  types?: PlovType[];
  /** CAMEO code prefix: "04", "043". */
  cameo?: string;
  quad?: (1 | 2 | 3 | 4)[];
  /** Inclusive ISO dates. */
  since?: string;
  until?: string;
  /** Country where the event happened. */
  place?: string;
  /** Words that must all appear in an evidence sentence. */
  text?: string;
  /** Events reported by this article. */
  article?: string;
}

export type Order = "asc" | "desc";

export interface Page {
  limit?: number;
  order?: Order;
  /** Keyset cursor: return events after this (date, id) in the order asked. */
  after?: { date: string; id: number };
}

export interface DyadRow {
  /** The pair in alphabetical order, with counts for both directions together. */
  a: string;
  b: string;
  events: number;
  mentions: number;
  goldsteinSum: number;
  goldsteinMean: number;
  /** Events per quad class 1–4. */
  quads: [number, number, number, number];
}

export type Interval = "day" | "week" | "month" | "year";

export interface TimelineRow {
  /** Start of the period, ISO date (weeks start on Monday). */
  period: string;
  events: number;
  goldsteinMean: number;
  quads: [number, number, number, number];
}

export interface ActorRow { country: string; events: number; asSource: number; asTarget: number; goldsteinMean: number }
export interface PlaceRow { name: string; country: string; lat?: number; lon?: number; events: number }

export interface AddResult {
  /** Articles newly stored. */
  stored: number;
  /** Articles skipped because the same id, url or text was already stored. */
  duplicates: number;
  /** Articles stored as another outlet's copy of a stored article (not coded again). */
  copies: number;
  /** Events created, and mentions merged into events already stored. */
  newEvents: number;
  mergedMentions: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  mentions: number;
  firstDate?: string;
  lastDate?: string;
}

/** What an existing stored article is called by, to tell a re-run from new input. */
export interface ArticleKey {
  id: string;
  url?: string;
  textHash: string;
}

/**
 * Why an article counts as stored already: the same id, the same text, or
 * the same url. A url joins only records without an id of their own (their
 * id is their url): distinct ids are distinct articles, whatever the url
 * (a digest page's url shared by all its items).
 */
export type StoredMatch = "id" | "text" | "url";

/** What the store holds about one article (see EventStore.article). */
export interface ArticleView {
  article: StoredArticle;
  copies: ArticleCopy[];
  mentions: (EventMention & { event: StoredEvent })[];
  /** Set when the article was asked for by the id of one of its copies: that copy. */
  copy?: ArticleCopy;
}

export interface EventStore {
  /** Where it lives, for messages ("events.db"). */
  readonly location: string;
  /** How an article with this key is stored already (see StoredMatch), or undefined when it is not. */
  hasArticle(key: ArticleKey): Promise<StoredMatch | undefined>;
  /** Stores articles and their events in one transaction: all of the batch or nothing. */
  addArticles(batch: CodedArticle[], opts: MergeOptions): Promise<AddResult>;
  /**
   * Deletes every event and codes every stored article again, in one
   * transaction: if `code` throws, the old events stay as they were.
   */
  recode(code: (articles: AsyncIterable<StoredArticle>) => AsyncIterable<CodedArticle>, opts: MergeOptions): Promise<AddResult>;
  events(filter: EventFilter, page?: Page): Promise<StoredEvent[]>;
  countEvents(filter: EventFilter): Promise<number>;
  event(id: number): Promise<{ event: StoredEvent; mentions: EventMention[] } | undefined>;
  /**
   * A stored article with its copies and reports. The id of a stored copy
   * answers too: with the story it copies, and `copy` set to the copy asked for.
   */
  article(id: string): Promise<ArticleView | undefined>;
  /** The stored article whose text this signature is a copy of, if any (similarity ≥ `min`). */
  findCopyOf(signature: Uint32Array, min?: number): Promise<{ id: string; similarity: number } | undefined>;
  dyads(filter: EventFilter, top: number): Promise<DyadRow[]>;
  timeline(filter: EventFilter, by: Interval): Promise<TimelineRow[]>;
  actors(filter: EventFilter, top: number): Promise<ActorRow[]>;
  places(filter: EventFilter, top: number): Promise<PlaceRow[]>;
  stats(): Promise<StoreStats>;
  /** The stored text hash of an article, to tell an edited article from the same one again. */
  textHashOf(id: string): Promise<string | undefined>;
  /**
   * Removes an article, its copies and its reports; events it alone reported
   * go, the others are recounted. For an article edited after it was stored.
   */
  removeArticle(id: string): Promise<void>;
  /** Files a folder watcher has ingested, with the size and mtime it saw. */
  watchedFiles(): Promise<Map<string, { size: number; mtimeMs: number }>>;
  markWatched(path: string, size: number, mtimeMs: number): Promise<void>;
  /** A value kept with the store (coder version, merge window). */
  getMeta(key: string): Promise<string | undefined>;
  setMeta(key: string, value: string): Promise<void>;
  /** Refreshes the query planner's statistics after a large load, where the backend has such a step. */
  optimize?(): Promise<void>;
  close(): Promise<void>;
}

export interface MergeOptions {
  /**
   * Reports of the same (source country, type, target country) whose event
   * dates are at most this many days apart are one event. 0 (the default)
   * merges same-day reports only; a negative value never merges.
   */
  windowDays: number;
  /** Estimated text similarity from which an article is stored as a copy of another (default 0.7; above 1: never). */
  copySimilarity?: number;
}
