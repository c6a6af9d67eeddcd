// The embedded store: one SQLite file (better-sqlite3), written in WAL mode so
// queries can read while an ingest writes, and so that a killed process loses
// at most the batch it was writing, never what was committed before.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { CodedEvent } from "../doc/types.js";
import { storedActorName } from "./actor-name.js";
import { explainStoreError, StoreError } from "./errors.js";
import { filterCondition, ftsQuery, type SqlCondition } from "./filter.js";
import { mergePairs, mergeRange, pickMergeTarget } from "./merge.js";
import { bandKeys, DEFAULT_SIMILARITY, fromBlob, similarity, toBlob } from "./near-duplicate.js";
import { fillTimeline } from "./periods.js";
import { SQLITE_MIGRATIONS, SQLITE_READABLE_FROM } from "./sqlite-schema.js";
import { identityUrl } from "./article-record.js";
import type {
  ActorRow, AddResult, ArticleKey, ArticleView, StoredMatch, CodedArticle, DyadRow, EventFilter, EventMention, EventStore, Interval, MergeOptions,
  Page, PlaceRow, StoreStats, StoredArticle, StoredEvent, TimelineRow,
} from "./types.js";
import { eventsOnEitherSide, splitsEitherSide } from "./either-side.js";

export interface SqliteOptions {
  /** Create the file when missing (ingest); queries refuse a missing store instead. */
  create?: boolean;
  readonly?: boolean;
  /** Milliseconds to wait for another writer before failing as locked. */
  busyTimeoutMs?: number;
  /** Caps the file's size in bytes (SQLite's max_page_count): writing past it fails as a full disk would. */
  maxBytes?: number;
}

type Row = Record<string, unknown>;

const EVENT_COLUMNS = `
  e.id, e.date, e.type, e.mode, e.cameo, e.quad, e.goldstein,
  e.source_country, e.source_sector, sa.name AS source_name, sa.role AS source_role,
  e.target_country, e.target_sector, ta.name AS target_name, ta.role AS target_role,
  p.name AS place_name, p.country AS place_country, p.lat AS place_lat, p.lon AS place_lon,
  e.num_mentions, e.num_articles, e.num_sources, e.confidence, e.first_article, e.added,
  fa.url AS first_url, fa.source AS outlet, fm.evidence, fm.sentence AS evidence_sentence`;
const EVENT_JOINS = `
  JOIN actors sa ON sa.id = e.source_actor
  JOIN actors ta ON ta.id = e.target_actor
  LEFT JOIN places p ON p.id = e.place
  LEFT JOIN articles fa ON fa.id = e.first_article
  LEFT JOIN mentions fm ON fm.rowid = (SELECT min(m.rowid) FROM mentions m WHERE m.event_id = e.id AND m.article_id = e.first_article)`;

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

function toEvent(r: Row): StoredEvent {
  const ev: StoredEvent = {
    id: r.id as number, date: r.date as string, type: r.type as StoredEvent["type"], cameo: r.cameo as string,
    goldstein: r.goldstein as number, quad: r.quad as StoredEvent["quad"],
    source: { name: r.source_name as string, country: r.source_country as string, sector: r.source_sector as StoredEvent["source"]["sector"] },
    target: { name: r.target_name as string, country: r.target_country as string, sector: r.target_sector as StoredEvent["target"]["sector"] },
    numMentions: r.num_mentions as number, numArticles: r.num_articles as number, numSources: r.num_sources as number,
    confidence: r.confidence as number, firstArticle: r.first_article as string, outlet: (r.outlet as string) ?? "",
    evidence: (r.evidence as string) ?? "", evidenceSentence: (r.evidence_sentence as number) ?? 0, added: r.added as string,
  };
  if (r.mode) ev.mode = r.mode as string;
  if (r.source_role) ev.source.role = r.source_role as string;
  if (r.target_role) ev.target.role = r.target_role as string;
  if (r.place_name) ev.place = { name: r.place_name as string, country: r.place_country as string, lat: opt(r.place_lat as number), lon: opt(r.place_lon as number) };
  if (r.first_url) ev.sourceUrl = r.first_url as string;
  return ev;
}

function toMention(r: Row): EventMention {
  return {
    eventId: r.event_id as number, articleId: r.article_id as string, sentence: r.sentence as number,
    start: r.ev_start as number, end: r.ev_end as number, evidence: r.evidence as string, confidence: r.confidence as number,
    sourceText: r.source_text as string, targetText: r.target_text as string, spans: spansOf(r),
    articleDate: r.a_date as string, articleUrl: opt(r.a_url as string), articleSource: r.a_source as string, articleTitle: opt(r.a_title as string),
  };
}

function spansOf(r: Row): EventMention["spans"] {
  const span = (a: unknown, b: unknown): [number, number] | undefined => (typeof a === "number" && typeof b === "number" ? [a, b] : undefined);
  const out: EventMention["spans"] = {};
  const t = span(r.trigger_start, r.trigger_end), s = span(r.source_start, r.source_end), g = span(r.target_start, r.target_end);
  if (t) out.trigger = t;
  if (s) out.source = s;
  if (g) out.target = g;
  return out;
}

function toArticle(r: Row): StoredArticle {
  return {
    id: r.id as string, url: opt(r.url as string), source: r.source as string, date: r.date as string,
    title: opt(r.title as string), textHash: r.text_hash as string, text: r.text as string, added: r.added as string,
  };
}

const textMatch = (words: string): SqlCondition => ({
  sql: "e.id IN (SELECT m.event_id FROM evidence_fts f JOIN mentions m ON m.rowid = f.rowid WHERE evidence_fts MATCH ?)",
  params: [ftsQuery(words) || '""'],
});

export class SqliteStore implements EventStore {
  private readonly db: Database.Database;
  private actorIds = new Map<string, number>();
  private placeIds = new Map<string, number>();
  private readonly st: Record<string, Database.Statement>;

  private constructor(readonly location: string, db: Database.Database, private readonly maxBytes?: number) {
    this.db = db;
    const p = (sql: string) => db.prepare(sql);
    this.st = {
      articleById: p("SELECT 1 FROM articles WHERE id = ?"),
      articleByUrl: p("SELECT 1 FROM articles WHERE url = ?"),
      articleByHash: p("SELECT 1 FROM articles WHERE text_hash = ?"),
      insertArticle: p("INSERT INTO articles (id, url, source, date, title, text_hash, text, added) VALUES (@id, @url, @source, @date, @title, @textHash, @text, @added)"),
      upsertActor: p("INSERT INTO actors (name, country, sector, role) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
      actorId: p("SELECT id FROM actors WHERE name = ? AND country = ? AND sector = ? AND role = ?").pluck(),
      upsertPlace: p("INSERT INTO places (name, country, lat, lon) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
      placeId: p("SELECT id FROM places WHERE name = ? AND country = ?").pluck(),
      mergeCandidates: p("SELECT id, date FROM events WHERE source_country = ? AND target_country = ? AND type = ? AND date BETWEEN ? AND ?"),
      insertEvent: p(`INSERT INTO events (date, type, mode, cameo, quad, goldstein, source_actor, target_actor, source_country, source_sector,
        target_country, target_sector, place, place_country, num_mentions, num_articles, num_sources, confidence, first_article, added)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1, ?, ?, ?)`),
      insertMention: p(`INSERT INTO mentions (event_id, article_id, sentence, ev_start, ev_end, evidence, confidence, source_text, target_text,
        trigger_start, trigger_end, source_start, source_end, target_start, target_end)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`),
      recount: p(`UPDATE events SET
        num_mentions = (SELECT count(*) FROM mentions WHERE event_id = @id),
        num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = @id),
        num_sources = (SELECT count(DISTINCT o) FROM (
          SELECT CASE WHEN a.source <> '' THEN a.source ELSE 'article:' || a.id END AS o
            FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = @id
          UNION ALL
          SELECT CASE WHEN c.source <> '' THEN c.source ELSE 'article:' || c.copy_id END
            FROM mentions m JOIN article_copies c ON c.article_id = m.article_id WHERE m.event_id = @id)),
        confidence = max(confidence, @confidence),
        mode = coalesce(mode, @mode),
        place = coalesce(place, @place), place_country = coalesce(place_country, @placeCountry)
        WHERE id = @id`),
      copyById: p("SELECT 1 FROM article_copies WHERE copy_id = ?"),
      copyByUrl: p("SELECT 1 FROM article_copies WHERE url = ?"),
      copyByHash: p("SELECT 1 FROM article_copies WHERE text_hash = ?"),
      setMinhash: p("UPDATE articles SET minhash = ? WHERE id = ?"),
      insertBand: p("INSERT OR IGNORE INTO article_bands (band, hash, article_id) VALUES (?, ?, ?)"),
      bandCandidates: p("SELECT DISTINCT b.article_id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id WHERE b.band = ? AND b.hash = ?"),
      insertCopy: p(`INSERT INTO article_copies (copy_id, article_id, url, source, date, title, text_hash, similarity, added)
        VALUES (@id, @of, @url, @source, @date, @title, @textHash, @similarity, @added)`),
      recountSources: p(`UPDATE events SET num_sources = (SELECT count(DISTINCT o) FROM (
          SELECT CASE WHEN a.source <> '' THEN a.source ELSE 'article:' || a.id END AS o
            FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = events.id
          UNION ALL
          SELECT CASE WHEN c.source <> '' THEN c.source ELSE 'article:' || c.copy_id END
            FROM mentions m JOIN article_copies c ON c.article_id = m.article_id WHERE m.event_id = events.id))
        WHERE id IN (SELECT event_id FROM mentions WHERE article_id = ?)`),
      getMeta: p("SELECT value FROM meta WHERE key = ?").pluck(),
      setMeta: p("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    };
  }

  /**
   * Opens (or with `create`, creates) a store file and brings its schema up to date.
   * @example const store = SqliteStore.open("events.db", { create: true })
   */
  static open(path: string, opts: SqliteOptions = {}): SqliteStore {
    if (!opts.create && path !== ":memory:" && !existsSync(path)) {
      throw new StoreError(`no dyad store at ${path}; create one with "dyad ingest <files> --db ${path}"`, "NOT_FOUND");
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !opts.create });
      db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
      // writing into a damaged file spreads the damage: check before the first write
      if (!opts.readonly) checkIntegrity(db, path);
      if (!opts.readonly) {
        db.pragma("journal_mode = WAL");
        // NORMAL is durable across a killed process in WAL mode; only a power cut can lose the last commits
        db.pragma("synchronous = NORMAL");
      }
      db.pragma("foreign_keys = ON");
      // a 64 MB page cache and memory-mapped reads: index pages of a large store stay in memory
      db.pragma("cache_size = -65536");
      db.pragma("mmap_size = 1073741824");
      if (opts.maxBytes) {
        const pageSize = db.pragma("page_size", { simple: true }) as number;
        db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxBytes / pageSize))}`);
      }
      migrate(db, path, !!opts.readonly);
      return new SqliteStore(path, db, opts.maxBytes);
    } catch (e) {
      db?.close();
      throw explainStoreError(e, path, opts.maxBytes);
    }
  }

  private run<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw explainStoreError(e, this.location, this.maxBytes);
    }
  }

  async hasArticle(key: ArticleKey): Promise<StoredMatch | undefined> {
    return this.run(() => this.exists(key));
  }

  private exists(key: ArticleKey): StoredMatch | undefined {
    // a record without an id of its own has its url as id: say it was its url
    if (this.st.articleById.get(key.id) || this.st.copyById.get(key.id)) return identityUrl(key) ? "url" : "id";
    if (this.st.articleByHash.get(key.textHash) || this.st.copyByHash.get(key.textHash)) return "text";
    const url = identityUrl(key);
    if (url && (this.st.articleByUrl.get(url) || this.st.copyByUrl.get(url))) return "url";
    return undefined;
  }

  /** The stored article most like this signature, when at least `min` alike. */
  private copyOf(sig: Uint32Array, min: number): { id: string; similarity: number } | undefined {
    let best: { id: string; similarity: number } | undefined;
    const seen = new Set<string>();
    bandKeys(sig).forEach((hash, band) => {
      for (const c of this.st.bandCandidates.all(band, hash) as { article_id: string; minhash: Buffer | null }[]) {
        if (seen.has(c.article_id) || !c.minhash) continue;
        seen.add(c.article_id);
        const sim = similarity(sig, fromBlob(c.minhash));
        if (sim >= min && (!best || sim > best.similarity)) best = { id: c.article_id, similarity: sim };
      }
    });
    return best;
  }

  async findCopyOf(signature: Uint32Array, min = DEFAULT_SIMILARITY): Promise<{ id: string; similarity: number } | undefined> {
    return this.run(() => this.copyOf(signature, min));
  }

  private actorId(a: CodedEvent["source"]): number {
    const name = storedActorName(a), role = a.role ?? "";
    const k = `${name}\u0000${a.country}\u0000${a.sector}\u0000${role}`;
    let id = this.actorIds.get(k);
    if (id === undefined) {
      this.st.upsertActor.run(name, a.country, a.sector, role);
      id = this.st.actorId.get(name, a.country, a.sector, role) as number;
      this.actorIds.set(k, id);
    }
    return id;
  }

  private placeId(p: NonNullable<CodedEvent["location"]>): number {
    const k = `${p.name}\u0000${p.country}`;
    let id = this.placeIds.get(k);
    if (id === undefined) {
      this.st.upsertPlace.run(p.name, p.country, p.lat ?? null, p.lon ?? null);
      id = this.st.placeId.get(p.name, p.country) as number;
      this.placeIds.set(k, id);
    }
    return id;
  }

  /** Stores one article's events, merging each into a stored event where the merge rule says so. */
  private storeEvents(articleId: string, events: CodedEvent[], opts: MergeOptions, added: string, r: AddResult): void {
    for (const e of events) {
      const place = e.location ? this.placeId(e.location) : null;
      const range = mergeRange(e.date, opts);
      let target: { id: number; date: string } | undefined;
      if (range) {
        const cands = mergePairs(e).flatMap(([s, t]) => this.st.mergeCandidates.all(s, t, e.type, range[0], range[1]) as { id: number; date: string }[]);
        target = pickMergeTarget(cands, e.date);
      }
      const sp = e.evidence.spans ?? {};
      const mention = (eventId: number | bigint) => this.st.insertMention.run(
        eventId, articleId, e.evidence.sentence, e.evidence.start, e.evidence.end, e.evidence.text, e.confidence, e.source.text, e.target.text,
        sp.trigger?.[0] ?? null, sp.trigger?.[1] ?? null, sp.source?.[0] ?? null, sp.source?.[1] ?? null, sp.target?.[0] ?? null, sp.target?.[1] ?? null,
      );
      if (target) {
        if (mention(target.id).changes) {
          this.st.recount.run({ id: target.id, confidence: e.confidence, mode: e.mode ?? null, place, placeCountry: e.location?.country ?? null });
          r.mergedMentions++;
        }
        continue;
      }
      const id = this.st.insertEvent.run(
        e.date, e.type, e.mode ?? null, e.cameo, e.quad, e.goldstein, this.actorId(e.source), this.actorId(e.target),
        e.source.country, e.source.sector, e.target.country, e.target.sector, place, e.location?.country ?? null,
        e.confidence, articleId, added,
      ).lastInsertRowid;
      mention(id);
      r.newEvents++;
    }
  }

  async addArticles(batch: CodedArticle[], opts: MergeOptions): Promise<AddResult> {
    const r: AddResult = { stored: 0, duplicates: 0, copies: 0, newEvents: 0, mergedMentions: 0 };
    const added = new Date().toISOString();
    this.run(() => this.db.transaction(() => {
      for (const { article, events } of batch) {
        if (this.exists(article)) { r.duplicates++; continue; }
        const sig = article.signature;
        const original = sig && this.copyOf(sig, opts.copySimilarity ?? DEFAULT_SIMILARITY);
        if (original) {
          // another outlet's copy of a stored story: one more source for its events, not more articles
          this.st.insertCopy.run({ id: article.id, of: original.id, url: article.url ?? null, source: article.source, date: article.date,
            title: article.title ?? null, textHash: article.textHash, similarity: original.similarity, added });
          this.st.recountSources.run(original.id);
          r.copies++;
          continue;
        }
        const { signature: _sig, ...row } = article;
        this.st.insertArticle.run({ ...row, url: article.url ?? null, title: article.title ?? null, added });
        if (sig) {
          this.st.setMinhash.run(toBlob(sig), article.id);
          bandKeys(sig).forEach((hash, band) => this.st.insertBand.run(band, hash, article.id));
        }
        r.stored++;
        this.storeEvents(article.id, events, opts, added, r);
      }
    })());
    return r;
  }

  async recode(code: (articles: AsyncIterable<StoredArticle>) => AsyncIterable<CodedArticle>, opts: MergeOptions): Promise<AddResult> {
    const r: AddResult = { stored: 0, duplicates: 0, copies: 0, newEvents: 0, mergedMentions: 0 };
    const db = this.db;
    this.run(() => db.exec("BEGIN IMMEDIATE"));
    try {
      db.exec("DELETE FROM mentions; DELETE FROM events; DELETE FROM actors; DELETE FROM places;");
      this.actorIds.clear(); this.placeIds.clear();
      const ids = db.prepare("SELECT id FROM articles ORDER BY rowid").pluck().all() as string[];
      const byId = db.prepare("SELECT * FROM articles WHERE id = ?");
      async function* stored(): AsyncGenerator<StoredArticle> {
        for (const id of ids) yield toArticle(byId.get(id) as Row);
      }
      const added = new Date().toISOString();
      for await (const { article, events } of code(stored())) {
        this.storeEvents(article.id, events, opts, added, r);
        r.stored++;
      }
      // new events count only their articles' outlets: the copies stored
      // beside those articles are outlets too, so count them in again
      for (const id of db.prepare("SELECT DISTINCT article_id FROM article_copies").pluck().all()) this.st.recountSources.run(id);
      db.exec("COMMIT");
      return r;
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      this.actorIds.clear(); this.placeIds.clear();
      throw explainStoreError(e, this.location, this.maxBytes);
    }
  }

  private where(f: EventFilter): SqlCondition {
    return filterCondition(f, textMatch);
  }

  async events(f: EventFilter, page: Page = {}): Promise<StoredEvent[]> {
    if (splitsEitherSide(f, page)) return eventsOnEitherSide(f, page, (g, p) => this.events(g, p));
    const c = this.where(f);
    const dir = page.order === "desc" ? "DESC" : "ASC";
    let sql = `SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE ${c.sql}`;
    const params = [...c.params];
    if (page.after) {
      sql += ` AND (e.date, e.id) ${dir === "DESC" ? "<" : ">"} (?, ?)`;
      params.push(page.after.date, page.after.id);
    }
    sql += ` ORDER BY e.date ${dir}, e.id ${dir}`;
    if (page.limit !== undefined && page.limit > 0) { sql += " LIMIT ?"; params.push(page.limit); }
    return this.run(() => (this.db.prepare(sql).all(...params) as Row[]).map(toEvent));
  }

  /** Streams every matching event in date order without holding them all in memory (exports). */
  *iterateEvents(f: EventFilter): Generator<StoredEvent> {
    const c = this.where(f);
    const stmt = this.run(() => this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE ${c.sql} ORDER BY e.date, e.id`));
    for (const r of stmt.iterate(...c.params) as Iterable<Row>) yield toEvent(r);
  }

  async countEvents(f: EventFilter): Promise<number> {
    const c = this.where(f);
    return this.run(() => this.db.prepare(`SELECT count(*) FROM events e WHERE ${c.sql}`).pluck().get(...c.params) as number);
  }

  private mentionsWhere(sql: string, ...params: unknown[]): EventMention[] {
    return (this.db.prepare(`SELECT m.*, a.date AS a_date, a.url AS a_url, a.source AS a_source, a.title AS a_title
      FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ${sql} ORDER BY a.date, m.article_id, m.sentence`).all(...params) as Row[]).map(toMention);
  }

  async event(id: number): Promise<{ event: StoredEvent; mentions: EventMention[] } | undefined> {
    return this.run(() => {
      const r = this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE e.id = ?`).get(id) as Row | undefined;
      return r ? { event: toEvent(r), mentions: this.mentionsWhere("m.event_id = ?", id) } : undefined;
    });
  }

  async article(asked: string): Promise<ArticleView | undefined> {
    return this.run(() => {
      let id = asked;
      let a = this.db.prepare("SELECT * FROM articles WHERE id = ?").get(id) as Row | undefined;
      // a syndicated copy's id answers with the story it copies
      const ofCopy = a ? undefined : this.db.prepare("SELECT article_id FROM article_copies WHERE copy_id = ?").pluck().get(asked) as string | undefined;
      if (ofCopy) a = this.db.prepare("SELECT * FROM articles WHERE id = ?").get(id = ofCopy) as Row | undefined;
      if (!a) return undefined;
      const mentions = this.mentionsWhere("m.article_id = ?", id).sort((x, y) => x.start - y.start);
      const evs = new Map((this.db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS}
        WHERE e.id IN (SELECT event_id FROM mentions WHERE article_id = ?)`).all(id) as Row[]).map((r) => [r.id as number, toEvent(r)]));
      const copies = (this.db.prepare("SELECT * FROM article_copies WHERE article_id = ? ORDER BY date, added").all(id) as Row[]).map((c) => ({
        id: c.copy_id as string, url: opt(c.url as string), source: c.source as string, date: c.date as string, title: opt(c.title as string), similarity: c.similarity as number,
      }));
      const copy = ofCopy ? copies.find((c) => c.id === asked) : undefined;
      return { article: toArticle(a), copies, mentions: mentions.map((m) => ({ ...m, event: evs.get(m.eventId)! })), ...(copy ? { copy } : {}) };
    });
  }

  async dyads(f: EventFilter, top: number): Promise<DyadRow[]> {
    const c = this.where(f);
    const rows = this.run(() => this.db.prepare(`
      SELECT min(e.source_country, e.target_country) AS a, max(e.source_country, e.target_country) AS b,
        count(*) AS events, sum(e.num_mentions) AS mentions, sum(e.goldstein) AS gsum, avg(e.goldstein) AS gmean,
        sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2, sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4
      FROM events e WHERE ${c.sql} GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?`).all(...c.params, top) as Row[]);
    return rows.map((r) => ({
      a: r.a as string, b: r.b as string, events: r.events as number, mentions: r.mentions as number,
      goldsteinSum: round(r.gsum as number), goldsteinMean: round(r.gmean as number),
      quads: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number],
    }));
  }

  async timeline(f: EventFilter, by: Interval): Promise<TimelineRow[]> {
    const c = this.where(f);
    const period = {
      day: "e.date",
      week: "date(e.date, 'weekday 0', '-6 days')",
      month: "substr(e.date, 1, 7) || '-01'",
      year: "substr(e.date, 1, 4) || '-01-01'",
    }[by];
    const rows = this.run(() => this.db.prepare(`
      SELECT ${period} AS period, count(*) AS events, avg(e.goldstein) AS gmean,
        sum(e.quad = 1) AS q1, sum(e.quad = 2) AS q2, sum(e.quad = 3) AS q3, sum(e.quad = 4) AS q4
      FROM events e WHERE ${c.sql} GROUP BY 1 ORDER BY 1`).all(...c.params) as Row[]);
    return fillTimeline(rows.map((r) => ({
      period: r.period as string, events: r.events as number, goldsteinMean: round(r.gmean as number),
      quads: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number],
    })), by);
  }

  async actors(f: EventFilter, top: number): Promise<ActorRow[]> {
    const c = this.where(f);
    const rows = this.run(() => this.db.prepare(`
      SELECT country, count(*) AS events, sum(src) AS as_source, sum(tgt) AS as_target, avg(g) AS gmean FROM (
        SELECT e.source_country AS country, 1 AS src, 0 AS tgt, e.goldstein AS g FROM events e WHERE ${c.sql}
        UNION ALL
        SELECT e.target_country, 0, 1, e.goldstein FROM events e WHERE ${c.sql} AND e.target_country <> e.source_country
      ) GROUP BY country ORDER BY events DESC, country LIMIT ?`).all(...c.params, ...c.params, top) as Row[]);
    return rows.map((r) => ({ country: r.country as string, events: r.events as number, asSource: r.as_source as number, asTarget: r.as_target as number, goldsteinMean: round(r.gmean as number) }));
  }

  async places(f: EventFilter, top: number): Promise<PlaceRow[]> {
    const c = this.where(f);
    const rows = this.run(() => this.db.prepare(`
      SELECT p.name, p.country, p.lat, p.lon, count(*) AS events FROM events e JOIN places p ON p.id = e.place
      WHERE ${c.sql} GROUP BY p.id ORDER BY events DESC, p.name LIMIT ?`).all(...c.params, top) as Row[]);
    return rows.map((r) => ({ name: r.name as string, country: r.country as string, lat: opt(r.lat as number), lon: opt(r.lon as number), events: r.events as number }));
  }

  async stats(): Promise<StoreStats> {
    return this.run(() => {
      const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
      const range = this.db.prepare("SELECT min(date) AS first, max(date) AS last FROM events").get() as Row;
      return {
        articles: one("SELECT count(*) FROM articles"), events: one("SELECT count(*) FROM events"), mentions: one("SELECT count(*) FROM mentions"),
        firstDate: opt(range.first as string), lastDate: opt(range.last as string),
      };
    });
  }

  async textHashOf(id: string): Promise<string | undefined> {
    return this.run(() => opt(this.db.prepare("SELECT text_hash FROM articles WHERE id = ?").pluck().get(id) as string | undefined));
  }

  async removeArticle(id: string): Promise<void> {
    this.run(() => this.db.transaction(() => {
      const events = this.db.prepare("SELECT DISTINCT event_id FROM mentions WHERE article_id = ?").pluck().all(id) as number[];
      this.db.prepare("DELETE FROM article_copies WHERE article_id = ?").run(id);
      this.db.prepare("DELETE FROM mentions WHERE article_id = ?").run(id);
      this.db.prepare("DELETE FROM article_bands WHERE article_id = ?").run(id);
      const left = this.db.prepare("SELECT count(*) FROM mentions WHERE event_id = ?").pluck();
      const firstLeft = this.db.prepare("SELECT article_id FROM mentions WHERE event_id = ? ORDER BY rowid LIMIT 1").pluck();
      for (const ev of events) {
        if (!left.get(ev)) { this.db.prepare("DELETE FROM events WHERE id = ?").run(ev); continue; }
        // the next report becomes the first; counts cover what is left
        this.db.prepare("UPDATE events SET first_article = ? WHERE id = ?").run(firstLeft.get(ev), ev);
        this.st.recount.run({ id: ev, confidence: 0, mode: null, place: null, placeCountry: null });
      }
      this.db.prepare("DELETE FROM articles WHERE id = ?").run(id);
    })());
  }

  async watchedFiles(): Promise<Map<string, { size: number; mtimeMs: number }>> {
    return this.run(() => new Map((this.db.prepare("SELECT path, size, mtime_ms FROM watched_files").all() as Row[])
      .map((r) => [r.path as string, { size: r.size as number, mtimeMs: r.mtime_ms as number }])));
  }

  async markWatched(path: string, size: number, mtimeMs: number): Promise<void> {
    this.run(() => this.db.prepare(`INSERT INTO watched_files (path, size, mtime_ms, seen) VALUES (?, ?, ?, ?)
      ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, seen = excluded.seen`).run(path, size, mtimeMs, new Date().toISOString()));
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.run(() => opt(this.st.getMeta.get(key) as string | undefined));
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.run(() => this.st.setMeta.run(key, value));
  }

  /** Refreshes the query planner's statistics after a large load. */
  async optimize(): Promise<void> {
    this.run(() => this.db.pragma("optimize"));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.db.readonly) {
      // Back to a rollback journal when this is the last connection: a WAL file
      // can only be read where its -shm file exists or can be created, so a
      // store left in WAL mode could not be read from a read-only folder. With
      // other connections open the switch fails at once, and WAL stays.
      try {
        this.db.pragma("busy_timeout = 0");
        this.db.pragma("journal_mode = DELETE");
      } catch { /* another connection has it open */ }
    }
    this.db.close();
  }
}

const round = (x: number) => Math.round((x ?? 0) * 1000) / 1000;

/** Refuses a damaged file before anything is written to it (quick_check reads every page, not the indexes' contents). */
function checkIntegrity(db: Database.Database, path: string): void {
  const result = (db.pragma("quick_check(1)", { simple: true }) as string).replace(/\s*\n\s*/g, " ");
  if (result !== "ok") {
    throw new StoreError(`${path} is damaged (SQLite's integrity check says: ${result}); nothing was written to it. Restore it from a backup, or copy out what is readable with: sqlite3 ${path} .recover | sqlite3 recovered.db`, "CORRUPT");
  }
}

function migrate(db: Database.Database, path: string, readonly: boolean): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SQLITE_MIGRATIONS.length) {
    throw new StoreError(`${path} was written by a newer dyad (schema ${version}, this one knows ${SQLITE_MIGRATIONS.length}); upgrade dyad to read it`, "NEWER_SCHEMA");
  }
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (tables > 0) throw new StoreError(`${path} is a SQLite database but not a dyad store; choose another --db`, "NOT_DYAD");
  }
  if (version === SQLITE_MIGRATIONS.length) return;
  if (readonly) {
    if (version >= SQLITE_READABLE_FROM) return;
    throw new StoreError(`${path} needs a schema upgrade; open it once with a command that writes (dyad ingest)`, "OLD_SCHEMA");
  }
  // Rebuilding a table drops the old one: with foreign keys on, that would
  // delete every row that refers to it. The switch is only possible outside
  // a transaction; the keys are checked before the commit instead.
  db.pragma("foreign_keys = OFF");
  try {
    db.transaction(() => {
      for (let v = version; v < SQLITE_MIGRATIONS.length; v++) db.exec(SQLITE_MIGRATIONS[v]);
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new StoreError(`${path}: upgrading the schema would leave ${broken.length} broken reference(s); nothing was changed`, "CORRUPT");
      db.pragma(`user_version = ${SQLITE_MIGRATIONS.length}`);
    })();
  } finally {
    db.pragma("foreign_keys = ON");
  }
}
