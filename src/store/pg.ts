// The networked store: PostgreSQL (node-postgres), for several writers on
// several machines (ingest, the job queue's workers) and readers (the API).
// Same tables, same merge rule and same answers as the SQLite store; what
// differs is how concurrent writers are kept apart:
// - each batch first takes transaction-scoped advisory locks, in sorted order
//   (so two batches cannot deadlock on them), on its articles' id, url and
//   text hash and on its events' merge keys (type and country pair): the merge
//   rule's lookup-then-insert runs for one key in one transaction at a time,
//   and an article two writers both have is stored by the first and counted
//   as a duplicate by the second (article inserts are ON CONFLICT DO NOTHING
//   besides);
// - an event's counts are recomputed after locking its row, in a statement of
//   their own, so they include every report committed before;
// - `events` is partitioned by month: a month's partition is created before
//   its first event is written, under an advisory lock, outside the writer's
//   transaction where possible (creating one locks the whole table).
import { createHash } from "node:crypto";
import pg from "pg";
import type { CodedEvent } from "../doc/types.js";
import { storedActorName } from "./actor-name.js";
import { identityUrl } from "./article-record.js";
import { explainStoreError, StoreError } from "./errors.js";
import { filterCondition, type SqlCondition } from "./filter.js";
import { mergePairs, mergeRange, pickMergeTarget } from "./merge.js";
import { bandKeys, DEFAULT_SIMILARITY, fromBlob, similarity, toBlob } from "./near-duplicate.js";
import { fillTimeline } from "./periods.js";
import { PG_MIGRATIONS, PG_STORE_TABLES } from "./pg-schema.js";
import type {
  StoredMatch, ArticleView,
  ActorRow, AddResult, ArticleCopy, ArticleKey, CodedArticle, DyadRow, EventFilter, EventMention, EventStore, Interval, MergeOptions,
  Page, PlaceRow, StoreStats, StoredArticle, StoredEvent, TimelineRow,
} from "./types.js";
import { eventsOnEitherSide, splitsEitherSide } from "./either-side.js";

export interface PgOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Apply missing migrations on connecting (default true); false leaves it to a later `migrate()` (`dyad migrate`, to report what it did). */
  migrate?: boolean;
}

type Row = Record<string, unknown>;
type Db = pg.Pool | pg.PoolClient | pg.Client;

/** BIGINT (ids, counts) and NUMERIC as numbers, DATE as 'YYYY-MM-DD': on this store's connections only. */
const TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (format !== "binary") {
      if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) return (v: string) => Number(v);
      if (oid === pg.types.builtins.DATE) return (v: string) => v;
    }
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for messages and `location`. */
export function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    u.searchParams.delete("password");
    return u.toString();
  } catch {
    return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1@");
  }
}

/** A 64-bit advisory lock id for a key (first 8 bytes of its SHA-1, signed). */
function lockId(key: string): bigint {
  return createHash("sha1").update(key).digest().readBigInt64BE(0);
}
const MIGRATION_LOCK = lockId("dyad:migrate").toString();
/**
 * Writers hold it shared for their whole transaction, before any other lock;
 * making a partition takes it exclusively, so it waits for the writers under
 * way, and new writers wait for it, rather than both waiting for each other's
 * table locks (attaching a partition locks the tables events references).
 */
const PARTITION_LOCK = lockId("dyad:events-partitions").toString();
const WRITING = (db: Db) => db.query("SELECT pg_advisory_xact_lock_shared($1)", [PARTITION_LOCK]);

/** Takes transaction-scoped advisory locks on every key, in one sorted order (no deadlock between two such calls). */
async function lockKeys(db: Db, keys: Iterable<string>): Promise<void> {
  const ids = [...new Set([...keys].map(lockId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  if (!ids.length) return;
  await db.query("SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k) s", [ids]);
}

/** Locks events' rows in id order, one statement each (so each reads one partition); returns them in that order. */
async function lockEvents<T extends { id: number; date: string }>(db: Db, events: T[]): Promise<T[]> {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  for (const e of sorted) await db.query("SELECT 1 FROM events WHERE id = $1 AND date = $2 FOR UPDATE", [e.id, e.date]);
  return sorted;
}

/** Two reports of the same type and country pair (either order) may merge: they take the same lock. */
const mergeKey = (e: Pick<CodedEvent, "type" | "source" | "target">) => `merge:${e.type}:${[e.source.country, e.target.country].sort().join(":")}`;

/** `?` placeholders (as filter.ts writes them) → `$1`, `$2` … */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const monthOf = (date: string) => date.slice(0, 7);
const partitionName = (month: string) => `events_${month.replace("-", "_")}`;
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 12 ? `${String(y + 1).padStart(4, "0")}-01` : `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}`;
}

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
  LEFT JOIN LATERAL (SELECT m.evidence, m.sentence FROM mentions m
    WHERE m.event_id = e.id AND m.article_id = e.first_article ORDER BY m.seq LIMIT 1) fm ON true`;
const MENTION_COLUMNS = `m.event_id, m.article_id, m.sentence, m.ev_start, m.ev_end, m.evidence, m.confidence, m.source_text, m.target_text,
  m.trigger_start, m.trigger_end, m.source_start, m.source_end, m.target_start, m.target_end`;
const ARTICLE_COLUMNS = "id, url, source, date, title, text_hash, text, added";

const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

function toEvent(r: Row): StoredEvent {
  const ev: StoredEvent = {
    id: r.id as number, date: r.date as string, type: r.type as StoredEvent["type"], cameo: r.cameo as string,
    goldstein: r.goldstein as number, quad: r.quad as StoredEvent["quad"],
    source: { name: r.source_name as string, country: r.source_country as string, sector: r.source_sector as StoredEvent["source"]["sector"] },
    target: { name: r.target_name as string, country: r.target_country as string, sector: r.target_sector as StoredEvent["target"]["sector"] },
    numMentions: r.num_mentions as number, numArticles: r.num_articles as number, numSources: r.num_sources as number,
    confidence: r.confidence as number, firstArticle: r.first_article as string, outlet: (r.outlet as string) ?? "",
    evidence: (r.evidence as string) ?? "", evidenceSentence: (r.evidence_sentence as number) ?? 0, added: iso(r.added),
  };
  if (r.mode) ev.mode = r.mode as string;
  if (r.source_role) ev.source.role = r.source_role as string;
  if (r.target_role) ev.target.role = r.target_role as string;
  if (r.place_name) ev.place = { name: r.place_name as string, country: r.place_country as string, lat: opt(r.place_lat as number), lon: opt(r.place_lon as number) };
  if (r.first_url) ev.sourceUrl = r.first_url as string;
  return ev;
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

function toMention(r: Row): EventMention {
  return {
    eventId: r.event_id as number, articleId: r.article_id as string, sentence: r.sentence as number,
    start: r.ev_start as number, end: r.ev_end as number, evidence: r.evidence as string, confidence: r.confidence as number,
    sourceText: r.source_text as string, targetText: r.target_text as string, spans: spansOf(r),
    articleDate: r.a_date as string, articleUrl: opt(r.a_url as string), articleSource: r.a_source as string, articleTitle: opt(r.a_title as string),
  };
}

function toArticle(r: Row): StoredArticle {
  return {
    id: r.id as string, url: opt(r.url as string), source: r.source as string, date: r.date as string,
    title: opt(r.title as string), textHash: r.text_hash as string, text: r.text as string, added: iso(r.added),
  };
}

/** All the words of the search, stemmed ('english'): PostgreSQL's full-text search over the evidence sentences. */
const textMatch = (words: string): SqlCondition => ({
  sql: "(e.id, e.date) IN (SELECT m.event_id, m.event_date FROM mentions m WHERE m.evidence_tsv @@ plainto_tsquery('english', ?))",
  params: [words],
});

/** Outlets of an event's reports and of its articles' copies (an article of unknown outlet counts as its own). */
const SOURCES_OF = (id: string) => `(SELECT count(DISTINCT o) FROM (
    SELECT CASE WHEN a.source <> '' THEN a.source ELSE 'article:' || a.id END AS o
      FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = ${id}
    UNION ALL
    SELECT CASE WHEN c.source <> '' THEN c.source ELSE 'article:' || c.copy_id END
      FROM mentions m JOIN article_copies c ON c.article_id = m.article_id WHERE m.event_id = ${id}) s)`;

const RECOUNT = `UPDATE events SET
    num_mentions = (SELECT count(*) FROM mentions WHERE event_id = $1),
    num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = $1),
    num_sources = ${SOURCES_OF("$1")},
    confidence = GREATEST(confidence, $3),
    mode = coalesce(mode, $4),
    place = coalesce(place, $5), place_country = coalesce(place_country, $6)
  WHERE id = $1 AND date = $2`;

const RETRYABLE = new Set(["40P01", "40001"]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const codeOf = (e: unknown) => String((e as { code?: unknown })?.code ?? "");

/** Actor and place ids of a batch, resolved in one go. */
interface Ids {
  actor(a: CodedEvent["source"]): number;
  place(p: NonNullable<CodedEvent["location"]>): number;
}

const actorKey = (name: string, country: string, sector: string, role: string) => `${name}\u0000${country}\u0000${sector}\u0000${role}`;
const placeKey = (name: string, country: string) => `${name}\u0000${country}`;

export class PgStore implements EventStore {
  /** Months whose partition is known to exist (committed). */
  private readonly months = new Set<string>();
  private closed = false;

  private constructor(readonly location: string, readonly pool: pg.Pool, private readonly url: string) {}

  /**
   * Connects to a PostgreSQL database (which must exist) and brings its schema up to date.
   * @example const store = await PgStore.connect("postgres://dyad@db.example/events")
   */
  static async connect(url: string, opts: PgOptions = {}): Promise<PgStore> {
    const location = withoutPassword(url);
    const pool = new pg.Pool({ connectionString: url, max: Math.max(1, opts.poolSize ?? 10), types: TYPES, application_name: "dyad" });
    // a connection that drops (server restart), idle or in use, is not fatal: the query at hand or the next one reports it
    pool.on("error", () => undefined);
    pool.on("connect", (client) => client.on("error", () => undefined));
    const store = new PgStore(location, pool, url);
    try {
      if (opts.migrate !== false) await store.migrate();
      else await store.loadMonths();
      return store;
    } catch (e) {
      store.closed = true;
      await pool.end().catch(() => undefined);
      throw explainStoreError(e, location);
    }
  }

  private async run<T>(f: () => Promise<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw explainStoreError(e, this.location);
    }
  }

  private async rows(sql: string, params: unknown[] = [], db: Db = this.pool): Promise<Row[]> {
    return (await db.query(sql, params)).rows as Row[];
  }

  /**
   * Runs `f` in a transaction on a connection of the pool, after `before` (on
   * the same connection, outside the transaction); both again on a deadlock or
   * serialisation failure.
   */
  private async tx<T>(f: (c: pg.PoolClient) => Promise<T>, before?: (c: pg.PoolClient) => Promise<void>): Promise<T> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await before?.(c);
          await c.query("BEGIN");
          const r = await f(c);
          await c.query("COMMIT");
          return r;
        } catch (e) {
          await c.query("ROLLBACK").catch((re: Error) => { broken = re; });
          if (!broken && attempt < 5 && RETRYABLE.has(codeOf(e))) { await sleep(20 * attempt * Math.random()); continue; }
          throw e;
        }
      }
    } finally {
      c.release(broken);
    }
  }

  /**
   * Applies the migrations the database lacks, under an advisory lock (several
   * processes may start at once). Refuses a store from a newer dyad.
   */
  async migrate(): Promise<{ from: number; to: number }> {
    return this.run(async () => {
      const c = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await c.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
        try {
          const [{ has }] = await this.rows("SELECT to_regclass('schema_migrations') IS NOT NULL AS has", [], c);
          if (!has) {
            const [{ taken }] = await this.rows("SELECT array_remove(array_agg(CASE WHEN to_regclass(t) IS NOT NULL THEN t END), NULL) AS taken FROM unnest($1::text[]) t", [PG_STORE_TABLES], c);
            if ((taken as string[]).length) {
              throw new StoreError(`${this.location} has tables named like a dyad store's (${(taken as string[]).join(", ")}) but is not one; choose another database`, "NOT_DYAD");
            }
            await c.query("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
          }
          const [{ v }] = await this.rows("SELECT coalesce(max(version), 0)::int AS v FROM schema_migrations", [], c);
          const from = v as number, to = PG_MIGRATIONS.length;
          if (from > to) {
            throw new StoreError(`${this.location} was written by a newer dyad (schema ${from}, this one knows ${to}); upgrade dyad to use it`, "NEWER_SCHEMA");
          }
          for (let i = from; i < to; i++) {
            await c.query("BEGIN");
            try {
              await c.query(PG_MIGRATIONS[i]);
              await c.query("INSERT INTO schema_migrations (version) VALUES ($1)", [i + 1]);
              await c.query("COMMIT");
            } catch (e) {
              await c.query("ROLLBACK").catch(() => undefined);
              throw e;
            }
          }
          await this.loadMonths(c);
          return { from, to };
        } finally {
          await c.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch((e: Error) => { broken = e; });
        }
      } finally {
        c.release(broken);
      }
    });
  }

  /** The months that have a partition, as the catalog says (committed). */
  private async loadMonths(db: Db = this.pool): Promise<void> {
    const rows = await this.rows(`SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = to_regclass('events')`, [], db);
    for (const r of rows) {
      const m = /^events_(\d{4})_(\d{2})$/.exec(r.relname as string);
      if (m) this.months.add(`${m[1]}-${m[2]}`);
    }
  }

  /**
   * Creates the missing partitions, in the transaction open on `db`. Made
   * apart and then attached: CREATE TABLE … PARTITION OF would lock the whole
   * table against readers and writers; ATTACH locks only the DEFAULT partition
   * (to check that it holds no rows of the month).
   */
  private async createPartitions(db: Db, months: string[]): Promise<void> {
    await db.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK]);
    for (const m of months) {
      const name = partitionName(m);
      // the catalog itself, not to_regclass: an advisory lock does not refresh the catalog caches
      const [{ has }] = await this.rows(`SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relname = $1 AND n.nspname = current_schema()) AS has`, [name], db);
      if (has) continue;
      await db.query(`CREATE TABLE ${name} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
      await db.query(`ALTER TABLE events ATTACH PARTITION ${name} FOR VALUES FROM ('${m}-01') TO ('${nextMonth(m)}-01')`);
    }
  }

  /**
   * Makes sure each month has its partition before events are written to it.
   * `where` says what `c` is doing: "idle" (no transaction open: create in a
   * short transaction of its own), "caller" (inside a caller's transaction),
   * "recode" (inside recode's transaction, which holds the tables anyway).
   */
  private async ensureMonths(c: pg.PoolClient, months: Iterable<string>, where: "idle" | "caller" | "recode"): Promise<void> {
    let missing = [...new Set(months)].filter((m) => /^\d{4}-\d{2}$/.test(m) && !this.months.has(m)).sort();
    if (!missing.length) return;
    const found = await this.rows("SELECT m FROM unnest($1::text[]) AS m WHERE to_regclass('events_' || replace(m, '-', '_')) IS NOT NULL",
      [missing], c);
    const have = new Set(found.map((r) => r.m as string));
    // only a read outside any transaction is sure to see committed partitions
    if (where === "idle") for (const m of have) this.months.add(m);
    missing = missing.filter((m) => !have.has(m));
    if (!missing.length) return;
    if (where === "recode") return this.createPartitions(c, missing);
    if (where === "caller") {
      // a caller's transaction that already holds store tables must create them itself: a second connection
      // would wait for it (creating a partition locks the table) while it waits for that connection
      const [{ holds }] = await this.rows(`SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'
        AND relation = ANY (SELECT to_regclass(t) FROM unnest($1::text[]) t)) AS holds`, [PG_STORE_TABLES.filter((t) => t !== "jobs")], c);
      if (holds) return this.createPartitions(c, missing);
    }
    const own: Db = where === "idle" ? c : new pg.Client({ connectionString: this.url, types: TYPES, application_name: "dyad" });
    if (own !== c) {
      own.on("error", () => undefined);
      await (own as pg.Client).connect();
    }
    try {
      for (let attempt = 1; ; attempt++) {
        await own.query("BEGIN");
        try {
          await this.createPartitions(own, missing);
          await own.query("COMMIT");
          break;
        } catch (e) {
          await own.query("ROLLBACK").catch(() => undefined);
          // attaching waits for readers of the DEFAULT partition; a writer among them may in turn wait for this
          if (attempt < 5 && RETRYABLE.has(codeOf(e))) { await sleep(20 * attempt * Math.random()); continue; }
          throw e;
        }
      }
    } finally {
      if (own !== c) await (own as pg.Client).end().catch(() => undefined);
    }
    for (const m of missing) this.months.add(m);
  }

  async hasArticle(key: ArticleKey): Promise<StoredMatch | undefined> {
    return this.run(() => this.exists(this.pool, key));
  }

  private async exists(db: Db, key: ArticleKey): Promise<StoredMatch | undefined> {
    const [{ found }] = await this.rows(`SELECT CASE
      WHEN EXISTS (SELECT 1 FROM articles WHERE id = $1) OR EXISTS (SELECT 1 FROM article_copies WHERE copy_id = $1) THEN 'id'
      WHEN EXISTS (SELECT 1 FROM articles WHERE text_hash = $3) OR EXISTS (SELECT 1 FROM article_copies WHERE text_hash = $3) THEN 'text'
      WHEN EXISTS (SELECT 1 FROM articles WHERE url = $2) OR EXISTS (SELECT 1 FROM article_copies WHERE url = $2) THEN 'url'
      END AS found`,
    [key.id, identityUrl(key) ?? null, key.textHash], db);
    // a record without an id of its own has its url as id: say it was its url
    return found === "id" && identityUrl(key) ? "url" : (found as StoredMatch | null) ?? undefined;
  }

  /** The stored article most like this signature, when at least `min` alike (the first best, band by band, as in SQLite). */
  private async copyOf(db: Db, sig: Uint32Array, min: number): Promise<{ id: string; similarity: number } | undefined> {
    const keys = bandKeys(sig);
    const rows = await this.rows(`SELECT DISTINCT b.band, b.article_id, a.minhash FROM article_bands b JOIN articles a ON a.id = b.article_id
      WHERE (b.band, b.hash) IN (SELECT * FROM unnest($1::int[], $2::int[])) ORDER BY b.band, b.article_id`, [keys.map((_, i) => i), keys], db);
    let best: { id: string; similarity: number } | undefined;
    const seen = new Set<string>();
    for (const c of rows) {
      const id = c.article_id as string;
      if (seen.has(id) || !c.minhash) continue;
      seen.add(id);
      const sim = similarity(sig, fromBlob(c.minhash as Buffer));
      if (sim >= min && (!best || sim > best.similarity)) best = { id, similarity: sim };
    }
    return best;
  }

  async findCopyOf(signature: Uint32Array, min = DEFAULT_SIMILARITY): Promise<{ id: string; similarity: number } | undefined> {
    return this.run(() => this.copyOf(this.pool, signature, min));
  }

  /** Inserts the batch's actors and places that are new (in one sorted order) and returns every id. */
  private async resolveIds(c: Db, events: CodedEvent[]): Promise<Ids> {
    const actors = new Map<string, [string, string, string, string]>();
    const places = new Map<string, [string, string, number | null, number | null]>();
    for (const e of events) {
      for (const a of [e.source, e.target]) {
        const name = storedActorName(a), role = a.role ?? "";
        actors.set(actorKey(name, a.country, a.sector, role), [name, a.country, a.sector, role]);
      }
      if (e.location) {
        const k = placeKey(e.location.name, e.location.country);
        if (!places.has(k)) places.set(k, [e.location.name, e.location.country, e.location.lat ?? null, e.location.lon ?? null]);
      }
    }
    const cols = <T extends unknown[]>(m: Map<string, T>, n: number) => {
      const sorted = [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
      return Array.from({ length: n }, (_, i) => sorted.map((v) => v[i]));
    };
    const actorIds = new Map<string, number>(), placeIds = new Map<string, number>();
    if (actors.size) {
      const a = cols(actors, 4);
      await c.query(`INSERT INTO actors (name, country, sector, role) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
        ON CONFLICT DO NOTHING`, a);
      // a statement of its own: it sees actors another writer committed while the insert waited for it
      for (const r of await this.rows(`SELECT a.id, a.name, a.country, a.sector, a.role FROM actors a
          JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS i(name, country, sector, role)
          ON a.name = i.name COLLATE "C" AND a.country = i.country COLLATE "C" AND a.sector = i.sector COLLATE "C" AND a.role = i.role COLLATE "C"`, a, c)) {
        actorIds.set(actorKey(r.name as string, r.country as string, r.sector as string, r.role as string), r.id as number);
      }
    }
    if (places.size) {
      const p = cols(places, 4);
      await c.query(`INSERT INTO places (name, country, lat, lon) SELECT * FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[])
        ON CONFLICT DO NOTHING`, p);
      for (const r of await this.rows(`SELECT p.id, p.name, p.country FROM places p JOIN unnest($1::text[], $2::text[]) AS i(name, country)
          ON p.name = i.name COLLATE "C" AND p.country = i.country COLLATE "C"`, [p[0], p[1]], c)) {
        placeIds.set(placeKey(r.name as string, r.country as string), r.id as number);
      }
    }
    const must = (m: Map<string, number>, k: string) => {
      const id = m.get(k);
      if (id === undefined) throw new Error(`PgStore: no id for ${k.replace(/\u0000/g, "/")}`);
      return id;
    };
    return {
      actor: (a) => must(actorIds, actorKey(storedActorName(a), a.country, a.sector, a.role ?? "")),
      place: (p) => must(placeIds, placeKey(p.name, p.country)),
    };
  }

  /** Locks the events' rows (in id order), then recounts them in a new statement that sees every committed report. */
  private async recount(c: Db, events: { id: number; date: string }[], merged?: { confidence: number; mode: string | null; place: number | null; placeCountry: string | null }): Promise<void> {
    if (!events.length) return;
    await lockEvents(c, events);
    for (const e of events) {
      await c.query(RECOUNT, [e.id, e.date, merged?.confidence ?? 0, merged?.mode ?? null, merged?.place ?? null, merged?.placeCountry ?? null]);
    }
  }

  /** Stores one article's events, merging each into a stored event where the merge rule says so. */
  private async storeEvents(c: Db, articleId: string, events: CodedEvent[], opts: MergeOptions, added: string, r: AddResult, ids: Ids): Promise<void> {
    for (const e of events) {
      const place = e.location ? ids.place(e.location) : null;
      const range = mergeRange(e.date, opts);
      let target: { id: number; date: string } | undefined;
      if (range) {
        const pairs = mergePairs(e);
        const cands = await this.rows(`SELECT id, date FROM events WHERE type = $1 AND date BETWEEN $2 AND $3 AND (${
          pairs.map((_, i) => `(source_country = $${4 + 2 * i} AND target_country = $${5 + 2 * i})`).join(" OR ")})`,
        [e.type, range[0], range[1], ...pairs.flat()], c) as { id: number; date: string }[];
        target = pickMergeTarget(cands, e.date);
      }
      const sp = e.evidence.spans ?? {};
      const mention = async (eventId: number, eventDate: string) => (await c.query(`INSERT INTO mentions (event_id, event_date, article_id, sentence,
          ev_start, ev_end, evidence, confidence, source_text, target_text, trigger_start, trigger_end, source_start, source_end, target_start, target_end)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) ON CONFLICT DO NOTHING`, [
        eventId, eventDate, articleId, e.evidence.sentence, e.evidence.start, e.evidence.end, e.evidence.text, e.confidence, e.source.text, e.target.text,
        sp.trigger?.[0] ?? null, sp.trigger?.[1] ?? null, sp.source?.[0] ?? null, sp.source?.[1] ?? null, sp.target?.[0] ?? null, sp.target?.[1] ?? null,
      ])).rowCount ?? 0;
      if (target) {
        if (await mention(target.id, target.date)) {
          await this.recount(c, [target], { confidence: e.confidence, mode: e.mode ?? null, place, placeCountry: e.location?.country ?? null });
          r.mergedMentions++;
        }
        continue;
      }
      const [{ id }] = await this.rows(`INSERT INTO events (date, type, mode, cameo, quad, goldstein, source_actor, target_actor, source_country, source_sector,
          target_country, target_sector, place, place_country, num_mentions, num_articles, num_sources, confidence, first_article, added)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, 1, 1, $15, $16, $17) RETURNING id`, [
        e.date, e.type, e.mode ?? null, e.cameo, e.quad, e.goldstein, ids.actor(e.source), ids.actor(e.target),
        e.source.country, e.source.sector, e.target.country, e.target.sector, place, e.location?.country ?? null,
        e.confidence, articleId, added,
      ], c);
      await mention(id as number, e.date);
      r.newEvents++;
    }
  }

  /** The batch's work, in the transaction open on `c`; partitions already made when `monthsReady`. */
  private async addWith(c: pg.PoolClient, batch: CodedArticle[], opts: MergeOptions, monthsReady: boolean): Promise<AddResult> {
    const r: AddResult = { stored: 0, duplicates: 0, copies: 0, newEvents: 0, mergedMentions: 0 };
    if (!batch.length) return r;
    const added = new Date().toISOString();
    const allEvents = batch.flatMap((b) => b.events);
    if (!monthsReady) await this.ensureMonths(c, allEvents.map((e) => monthOf(e.date)), "caller");
    await WRITING(c);
    const ids = await this.resolveIds(c, allEvents);
    const keys: string[] = [];
    for (const { article } of batch) {
      keys.push(`article-id:${article.id}`, `article-hash:${article.textHash}`);
      if (article.url) keys.push(`article-url:${article.url}`);
    }
    if (opts.windowDays >= 0) for (const e of allEvents) keys.push(mergeKey(e));
    await lockKeys(c, keys);
    for (const { article, events } of batch) {
      if (await this.exists(c, article)) { r.duplicates++; continue; }
      const sig = article.signature;
      const original = sig && await this.copyOf(c, sig, opts.copySimilarity ?? DEFAULT_SIMILARITY);
      if (original) {
        // another outlet's copy of a stored story: one more source for its events, not more articles
        const ins = await c.query(`INSERT INTO article_copies (copy_id, article_id, url, source, date, title, text_hash, similarity, added)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
        [article.id, original.id, article.url ?? null, article.source, article.date, article.title ?? null, article.textHash, original.similarity, added]);
        if (!ins.rowCount) { r.duplicates++; continue; }
        const evs = await this.rows("SELECT DISTINCT event_id AS id, event_date AS date FROM mentions WHERE article_id = $1", [original.id], c);
        await this.recountSources(c, evs as { id: number; date: string }[]);
        r.copies++;
        continue;
      }
      const ins = await c.query(`INSERT INTO articles (id, url, source, date, title, text_hash, text, minhash, added)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [article.id, article.url ?? null, article.source, article.date, article.title ?? null, article.textHash, article.text, sig ? toBlob(sig) : null, added]);
      if (!ins.rowCount) { r.duplicates++; continue; }
      if (sig) {
        const bands = bandKeys(sig);
        await c.query(`INSERT INTO article_bands (band, hash, article_id) SELECT b, h, $3 FROM unnest($1::int[], $2::int[]) AS t(b, h)
          ON CONFLICT DO NOTHING`, [bands.map((_, i) => i), bands, article.id]);
      }
      r.stored++;
      await this.storeEvents(c, article.id, events, opts, added, r, ids);
    }
    return r;
  }

  private async recountSources(c: Db, events: { id: number; date: string }[]): Promise<void> {
    if (!events.length) return;
    const sorted = await lockEvents(c, events);
    for (const e of sorted) await c.query(`UPDATE events SET num_sources = ${SOURCES_OF("$1")} WHERE id = $1 AND date = $2`, [e.id, e.date]);
  }

  /**
   * Everything addArticles does, on `client` inside the caller's open
   * transaction (no BEGIN or COMMIT here): the caller commits it together
   * with its own writes (the job queue marks the job done), or rolls it back.
   */
  async addArticlesWith(client: pg.PoolClient, batch: CodedArticle[], opts: MergeOptions): Promise<AddResult> {
    return this.run(() => this.addWith(client, batch, opts, false));
  }

  async addArticles(batch: CodedArticle[], opts: MergeOptions): Promise<AddResult> {
    return this.run(() => this.tx(
      (c) => this.addWith(c, batch, opts, true),
      (c) => this.ensureMonths(c, batch.flatMap((b) => b.events.map((e) => monthOf(e.date))), "idle"),
    ));
  }

  async recode(code: (articles: AsyncIterable<StoredArticle>) => AsyncIterable<CodedArticle>, opts: MergeOptions): Promise<AddResult> {
    const r: AddResult = { stored: 0, duplicates: 0, copies: 0, newEvents: 0, mergedMentions: 0 };
    return this.run(async () => {
      const c = await this.pool.connect();
      let broken: Error | undefined;
      const rows = (sql: string, params: unknown[] = []) => this.rows(sql, params, c);
      try {
        await c.query("BEGIN");
        try {
          // readers see the old events until the commit; no writer meanwhile (they take the partition lock
          // first, then their tables), and recode may make partitions itself
          await c.query("SELECT pg_advisory_xact_lock($1)", [PARTITION_LOCK]);
          await c.query("LOCK TABLE articles IN SHARE ROW EXCLUSIVE MODE");
          await c.query("DELETE FROM mentions");
          await c.query("DELETE FROM events");
          await c.query("DELETE FROM actors");
          await c.query("DELETE FROM places");
          const ids = (await rows("SELECT id FROM articles ORDER BY seq")).map((x) => x.id as string);
          async function* stored(): AsyncGenerator<StoredArticle> {
            for (let i = 0; i < ids.length; i += 100) {
              const chunk = ids.slice(i, i + 100);
              const byId = new Map((await rows(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::text[])`, [chunk])).map((a) => [a.id as string, a]));
              for (const id of chunk) yield toArticle(byId.get(id)!);
            }
          }
          const added = new Date().toISOString();
          for await (const { article, events } of code(stored())) {
            await this.ensureMonths(c, events.map((e) => monthOf(e.date)), "recode");
            await this.storeEvents(c, article.id, events, opts, added, r, await this.resolveIds(c, events));
            r.stored++;
          }
          // new events count only their articles' outlets: the copies stored
          // beside those articles are outlets too, so count them in again
          const withCopies = await rows(`SELECT DISTINCT m.event_id AS id, m.event_date AS date FROM mentions m
            WHERE m.article_id IN (SELECT article_id FROM article_copies)`);
          await this.recountSources(c, withCopies as { id: number; date: string }[]);
          await c.query("COMMIT");
        } catch (e) {
          await c.query("ROLLBACK").catch((re: Error) => { broken = re; });
          throw e;
        }
        // partitions made inside the transaction exist now
        await this.loadMonths(c);
        return r;
      } finally {
        c.release(broken);
      }
    });
  }

  private where(f: EventFilter): SqlCondition {
    return filterCondition(f, textMatch);
  }

  private async all(sql: string, params: unknown[], db: Db = this.pool): Promise<Row[]> {
    return this.rows(numbered(sql), params, db);
  }

  async events(f: EventFilter, page: Page = {}): Promise<StoredEvent[]> {
    if (splitsEitherSide(f, page)) return eventsOnEitherSide(f, page, (g, p) => this.events(g, p));
    const c = this.where(f);
    const dir = page.order === "desc" ? "DESC" : "ASC";
    let sql = `SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE ${c.sql}`;
    const params = [...c.params];
    if (page.after) {
      sql += ` AND (e.date, e.id) ${dir === "DESC" ? "<" : ">"} (?::date, ?::bigint)`;
      params.push(page.after.date, page.after.id);
    }
    sql += ` ORDER BY e.date ${dir}, e.id ${dir}`;
    if (page.limit !== undefined && page.limit > 0) { sql += " LIMIT ?"; params.push(page.limit); }
    return this.run(async () => (await this.all(sql, params)).map(toEvent));
  }

  async countEvents(f: EventFilter): Promise<number> {
    const c = this.where(f);
    return this.run(async () => (await this.all(`SELECT count(*) AS n FROM events e WHERE ${c.sql}`, c.params))[0].n as number);
  }

  private async mentionsWhere(sql: string, ...params: unknown[]): Promise<EventMention[]> {
    return (await this.rows(`SELECT ${MENTION_COLUMNS}, a.date AS a_date, a.url AS a_url, a.source AS a_source, a.title AS a_title
      FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ${sql} ORDER BY a.date, m.article_id, m.sentence`, params)).map(toMention);
  }

  async event(id: number): Promise<{ event: StoredEvent; mentions: EventMention[] } | undefined> {
    if (!Number.isSafeInteger(id) || id < 1) return undefined;
    return this.run(async () => {
      const [r] = await this.rows(`SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS} WHERE e.id = $1`, [id]);
      return r ? { event: toEvent(r), mentions: await this.mentionsWhere("m.event_id = $1", id) } : undefined;
    });
  }

  async article(asked: string): Promise<ArticleView | undefined> {
    return this.run(async () => {
      let id = asked;
      let [a] = await this.rows(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id]);
      // a syndicated copy's id answers with the story it copies
      const [ofCopy] = a ? [] : await this.rows("SELECT article_id FROM article_copies WHERE copy_id = $1", [asked]);
      if (ofCopy) [a] = await this.rows(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = $1`, [id = ofCopy.article_id as string]);
      if (!a) return undefined;
      const mentions = (await this.mentionsWhere("m.article_id = $1", id)).sort((x, y) => x.start - y.start);
      const evs = new Map((await this.rows(`SELECT ${EVENT_COLUMNS} FROM events e ${EVENT_JOINS}
        WHERE (e.id, e.date) IN (SELECT event_id, event_date FROM mentions WHERE article_id = $1)`, [id])).map((r) => [r.id as number, toEvent(r)]));
      const copies = (await this.rows("SELECT * FROM article_copies WHERE article_id = $1 ORDER BY date, added", [id])).map((c) => ({
        id: c.copy_id as string, url: opt(c.url as string), source: c.source as string, date: c.date as string, title: opt(c.title as string), similarity: c.similarity as number,
      }));
      const copy = ofCopy ? copies.find((c) => c.id === asked) : undefined;
      return { article: toArticle(a), copies, mentions: mentions.map((m) => ({ ...m, event: evs.get(m.eventId)! })), ...(copy ? { copy } : {}) };
    });
  }

  async dyads(f: EventFilter, top: number): Promise<DyadRow[]> {
    const c = this.where(f);
    const rows = await this.run(() => this.all(`
      SELECT LEAST(e.source_country, e.target_country) AS a, GREATEST(e.source_country, e.target_country) AS b,
        count(*) AS events, sum(e.num_mentions) AS mentions, sum(e.goldstein) AS gsum, avg(e.goldstein) AS gmean,
        count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2,
        count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4
      FROM events e WHERE ${c.sql} GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?`, [...c.params, top]));
    return rows.map((r) => ({
      a: r.a as string, b: r.b as string, events: r.events as number, mentions: r.mentions as number,
      goldsteinSum: round(r.gsum as number), goldsteinMean: round(r.gmean as number),
      quads: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number],
    }));
  }

  async timeline(f: EventFilter, by: Interval): Promise<TimelineRow[]> {
    const c = this.where(f);
    const period = by === "day" ? "e.date" : `date_trunc('${by}', e.date::timestamp)::date`;
    const rows = await this.run(() => this.all(`
      SELECT ${period} AS period, count(*) AS events, avg(e.goldstein) AS gmean,
        count(*) FILTER (WHERE e.quad = 1) AS q1, count(*) FILTER (WHERE e.quad = 2) AS q2,
        count(*) FILTER (WHERE e.quad = 3) AS q3, count(*) FILTER (WHERE e.quad = 4) AS q4
      FROM events e WHERE ${c.sql} GROUP BY 1 ORDER BY 1`, c.params));
    return fillTimeline(rows.map((r) => ({
      period: r.period as string, events: r.events as number, goldsteinMean: round(r.gmean as number),
      quads: [r.q1, r.q2, r.q3, r.q4] as [number, number, number, number],
    })), by);
  }

  async actors(f: EventFilter, top: number): Promise<ActorRow[]> {
    const c = this.where(f);
    const rows = await this.run(() => this.all(`
      SELECT country, count(*) AS events, sum(src) AS as_source, sum(tgt) AS as_target, avg(g) AS gmean FROM (
        SELECT e.source_country AS country, 1 AS src, 0 AS tgt, e.goldstein AS g FROM events e WHERE ${c.sql}
        UNION ALL
        SELECT e.target_country, 0, 1, e.goldstein FROM events e WHERE ${c.sql} AND e.target_country <> e.source_country
      ) s GROUP BY country ORDER BY events DESC, country LIMIT ?`, [...c.params, ...c.params, top]));
    return rows.map((r) => ({ country: r.country as string, events: r.events as number, asSource: r.as_source as number, asTarget: r.as_target as number, goldsteinMean: round(r.gmean as number) }));
  }

  async places(f: EventFilter, top: number): Promise<PlaceRow[]> {
    const c = this.where(f);
    const rows = await this.run(() => this.all(`
      SELECT p.name, p.country, p.lat, p.lon, count(*) AS events FROM events e JOIN places p ON p.id = e.place
      WHERE ${c.sql} GROUP BY p.id ORDER BY events DESC, p.name LIMIT ?`, [...c.params, top]));
    return rows.map((r) => ({ name: r.name as string, country: r.country as string, lat: opt(r.lat as number), lon: opt(r.lon as number), events: r.events as number }));
  }

  async stats(): Promise<StoreStats> {
    return this.run(async () => {
      const [r] = await this.rows(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,
        (SELECT count(*) FROM mentions) AS mentions, (SELECT min(date) FROM events) AS first, (SELECT max(date) FROM events) AS last`);
      return {
        articles: r.articles as number, events: r.events as number, mentions: r.mentions as number,
        firstDate: opt(r.first as string), lastDate: opt(r.last as string),
      };
    });
  }

  async textHashOf(id: string): Promise<string | undefined> {
    return this.run(async () => opt((await this.rows("SELECT text_hash FROM articles WHERE id = $1", [id]))[0]?.text_hash as string | undefined));
  }

  async removeArticle(id: string): Promise<void> {
    await this.run(() => this.tx(async (c) => {
      await WRITING(c);
      const [a] = await this.rows("SELECT url, text_hash FROM articles WHERE id = $1", [id], c);
      const before = await this.rows(`SELECT DISTINCT e.type, e.source_country, e.target_country FROM events e
        WHERE (e.id, e.date) IN (SELECT event_id, event_date FROM mentions WHERE article_id = $1)`, [id], c);
      // the same locks a writer of this article or of reports of these events takes
      await lockKeys(c, [`article-id:${id}`, ...(a ? [`article-hash:${a.text_hash}`] : []), ...(a?.url ? [`article-url:${a.url}`] : []),
        ...before.map((e) => mergeKey({ type: e.type as CodedEvent["type"], source: { country: e.source_country as string }, target: { country: e.target_country as string } } as CodedEvent))]);
      const events = await this.rows("SELECT DISTINCT event_id AS id, event_date AS date FROM mentions WHERE article_id = $1 ORDER BY 1", [id], c) as { id: number; date: string }[];
      await c.query("DELETE FROM article_copies WHERE article_id = $1", [id]);
      await c.query("DELETE FROM mentions WHERE article_id = $1", [id]);
      await c.query("DELETE FROM article_bands WHERE article_id = $1", [id]);
      const kept: { id: number; date: string }[] = [];
      for (const ev of events) {
        const [{ n }] = await this.rows("SELECT count(*) AS n FROM mentions WHERE event_id = $1", [ev.id], c);
        if (!n) { await c.query("DELETE FROM events WHERE id = $1 AND date = $2", [ev.id, ev.date]); continue; }
        // the next report becomes the first; counts cover what is left
        await c.query("UPDATE events SET first_article = (SELECT article_id FROM mentions WHERE event_id = $1 ORDER BY seq LIMIT 1) WHERE id = $1 AND date = $2", [ev.id, ev.date]);
        kept.push(ev);
      }
      await this.recount(c, kept);
      await c.query("DELETE FROM articles WHERE id = $1", [id]);
    }));
  }

  async watchedFiles(): Promise<Map<string, { size: number; mtimeMs: number }>> {
    return this.run(async () => new Map((await this.rows("SELECT path, size, mtime_ms FROM watched_files"))
      .map((r) => [r.path as string, { size: r.size as number, mtimeMs: r.mtime_ms as number }])));
  }

  async markWatched(path: string, size: number, mtimeMs: number): Promise<void> {
    await this.run(() => this.pool.query(`INSERT INTO watched_files (path, size, mtime_ms, seen) VALUES ($1, $2, $3, now())
      ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, seen = excluded.seen`, [path, size, mtimeMs]));
  }

  async getMeta(key: string): Promise<string | undefined> {
    return this.run(async () => opt((await this.rows("SELECT value FROM meta WHERE key = $1", [key]))[0]?.value as string | undefined));
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.run(() => this.pool.query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value]));
  }

  /** Refreshes the query planner's statistics after a large load (ANALYZE). */
  async optimize(): Promise<void> {
    await this.run(() => this.pool.query(`ANALYZE ${PG_STORE_TABLES.join(", ")}`));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

const round = (x: number) => Math.round((x ?? 0) * 1000) / 1000;
