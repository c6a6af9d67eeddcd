// The event store on real article text, the same tests for every backend
// (SQLite, and PostgreSQL when DYAD_TEST_PG_URL is set): wire reports of one
// meeting merged into one event, syndicated copies, idempotent ingest,
// filters, aggregates, recoding in one transaction, removing an article.
// Then what only PostgreSQL has: its errors, migrations, monthly partitions,
// writes inside a caller's transaction and concurrent writers.
// SQLite-only failures (corrupt file, locked file, full file) are in sqlite.test.ts.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import type { ArticleInput } from "../doc/types.js";
import { createCoder } from "../pipeline/coder.js";
import { ingestArticles, recodeStore } from "../pipeline/store-ingest.js";
import { readInputs } from "../stages/ingest/index.js";
import { toStoredArticle } from "./article-record.js";
import { StoreError } from "./errors.js";
import { FilterError, parseFilter } from "./filter.js";
import { PgStore } from "./pg.js";
import { PG_MIGRATIONS } from "./pg-schema.js";
import { BACKENDS, dropPgDatabases, freshPgDatabase, PG_ADMIN_URL, PG_SKIP } from "./testing-backends.js";
import type { CodedArticle, EventStore, StoredEvent } from "./types.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const SYNDICATED = join(root, "test/fixtures/store/syndicated.jsonl");
const EXAMPLES = join(root, "examples");

const tmp = () => mkdtempSync(join(tmpdir(), "dyad-store-"));
const brief = (e: StoredEvent) => `${e.date} ${e.source.country} ${e.type} ${e.target.country} ${e.numMentions}/${e.numArticles}/${e.numSources}`;

after(dropPgDatabases);

for (const backend of BACKENDS) {
  const name = backend.name;
  const skip = backend.skip;

  async function storeOf(paths: string[], windowDays = 0) {
    const store = await backend.open();
    const stats = await ingestArticles(store, readInputs(paths, {}), { workers: 1, merge: { windowDays }, batchSize: 2 });
    return { store, stats };
  }

  describe(`${name} store: merging reports across articles`, { skip }, () => {
    it("merges three outlets' reports of the Istanbul meeting into one event, and keeps the Tehran talks apart", async () => {
      const { store, stats } = await storeOf([REPORTS]);
      assert.deepEqual(stats, { read: 4, alreadyStored: 0, alreadyStoredBy: { id: 0, text: 0, url: 0 }, stored: 4, copies: 0, replaced: 0, newEvents: 2, mergedMentions: 2, problems: 0, failed: 0 });
      const events = await store.events({}, { order: "asc" });
      // the first report fixes the event's direction; two reports come from one outlet (reuters.example)
      assert.deepEqual(events.map(brief), ["2024-06-09 IRN CONSULT PAK 3/3/2", "2024-06-12 PAK CONSULT IRN 1/1/1"]);
      assert.equal(events[0].place?.name, "Istanbul");
      assert.equal(events[0].mode, "multilateral");
      assert.equal(events[0].firstArticle, "wire-istanbul-1");
      assert.equal(events[0].sourceUrl, "https://www.reuters.example/world/iran-pakistan-talks-2024-06-09/");
      assert.match(events[0].added, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      await store.close();
    });

    it("keeps each mention's article, sentence and evidence offsets into the article text", async () => {
      const { store } = await storeOf([REPORTS]);
      const [first] = await store.events({}, { order: "asc" });
      const found = await store.event(first.id);
      assert.deepEqual(found!.mentions.map((m) => `${m.articleId}#${m.sentence} ${m.articleSource}`),
        ["wire-istanbul-1#0 reuters.example", "dawn-istanbul#0 dawn.example", "wire-istanbul-2#0 reuters.example"]);
      for (const m of found!.mentions) {
        const a = await store.article(m.articleId);
        assert.equal(a!.article.text.slice(m.start, m.end), m.evidence);
        assert.match(m.evidence, /Bagheri/);
        assert.equal(m.articleDate, a!.article.date);
      }
      assert.equal(await store.event(first.id + 1000), undefined);
      await store.close();
    });

    it("merges reports up to the window apart, and none with the window off", async () => {
      const wide = await storeOf([REPORTS], 3);
      assert.deepEqual((await wide.store.events({})).map(brief), ["2024-06-09 IRN CONSULT PAK 4/4/3"]);
      const off = await storeOf([REPORTS], -1);
      assert.equal((await off.store.events({})).length, 4);
      await wide.store.close(); await off.store.close();
    });
  });

  describe(`${name} store: syndicated copies`, { skip }, () => {
    it("stores a wire story run by three outlets once, with three sources, and codes it once", async () => {
      const { store, stats } = await storeOf([SYNDICATED]);
      assert.deepEqual([stats.read, stats.stored, stats.copies], [4, 2, 2]);
      const events = await store.events({}, { order: "asc" });
      assert.deepEqual(events.map(brief), ["2024-03-07 KEN AGREE UGA 1/1/3", "2024-03-07 KEN CONSULT UGA 1/1/3", "2024-03-07 KEN ACCUSE UGA 1/1/3"]);
      const a = await store.article("wire-busia");
      assert.deepEqual(a!.copies.map((c) => `${c.id} ${c.source} ${c.date} ${c.similarity >= 0.7}`),
        ["daily-busia dailynation.example 2024-03-08 true", "monitor-busia monitor.example 2024-03-08 true"]);
      // a copy's id answers with the story it copies (issue 11, defect 8)
      const asCopy = await store.article("daily-busia");
      assert.equal(asCopy?.article.id, "wire-busia");
      assert.equal(asCopy?.copy?.id, "daily-busia");
      assert.equal(await store.article("no-such-copy"), undefined);
      // a copy ingested again is recognised as stored, by id, url or text
      const again = await ingestArticles(store, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0 } });
      assert.deepEqual([again.stored, again.copies, again.alreadyStored], [0, 0, 4]);
      await store.close();
    });

    it("keeps the copies' outlets in NumSources when recoded (issue 11, defect 4)", async () => {
      const { store } = await storeOf([SYNDICATED]);
      const sources = async () => (await store.events({}, { order: "asc" })).map(brief);
      const before = await sources();
      assert.ok(before.every((b) => b.endsWith("/3")), before.join("; "));
      await recodeStore(store, { workers: 1, merge: { windowDays: 0 } });
      assert.deepEqual(await sources(), before);
      await store.close();
    });

    it("recognises copies that arrive in the same batch as their original", async () => {
      const store = await backend.open();
      const s = await ingestArticles(store, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0 }, batchSize: 100 });
      assert.deepEqual([s.stored, s.copies], [2, 2]);
      assert.equal((await store.events({}))[0].numSources, 3);
      await store.close();
    });

    it("keeps different stories apart, and copies apart when the threshold is above 1", async () => {
      const { store } = await storeOf([SYNDICATED, REPORTS]);
      assert.equal((await store.stats()).articles, 6);
      const off = await backend.open();
      const s = await ingestArticles(off, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0, copySimilarity: 2 } });
      assert.deepEqual([s.stored, s.copies], [4, 0]);
      assert.deepEqual((await off.events({}, { order: "asc" })).map(brief)[0], "2024-03-07 KEN AGREE UGA 3/3/3");
      await store.close(); await off.close();
    });
  });

  describe(`${name} store: idempotent ingest`, { skip }, () => {
    it("stores nothing twice when the same input is ingested again, or the same text arrives under another id", async () => {
      const { store } = await storeOf([REPORTS, EXAMPLES]);
      const before = await store.stats();
      const again = await ingestArticles(store, readInputs([REPORTS, EXAMPLES], {}), { workers: 1, merge: { windowDays: 0 } });
      assert.equal(again.stored, 0);
      assert.equal(again.alreadyStored, 7);
      const copy = join(tmp(), "copy.jsonl");
      const text = "TEHRAN, June 12 - Pakistani Foreign Minister Mohammad Ishaq Dar held talks with Iran's Acting Foreign Minister Ali Bagheri\nin Tehran on Wednesday.";
      writeFileSync(copy, JSON.stringify({ id: "another-id", date: "2024-06-12", text }) + "\n");
      const dup = await ingestArticles(store, readInputs([copy], {}), { workers: 1, merge: { windowDays: 0 } });
      assert.deepEqual([dup.stored, dup.alreadyStored], [0, 1]);
      assert.deepEqual(await store.stats(), before);
      await store.close();
    });
  });

  describe(`${name} store: queries`, { skip }, () => {
    let store: EventStore;
    before(async () => { store = (await storeOf([REPORTS, EXAMPLES])).store; });
    after(async () => { await store?.close(); });
    const q = async (raw: Parameters<typeof parseFilter>[0]) => (await store.events(parseFilter(raw), { order: "asc" })).map((e) => `${e.source.country} ${e.type} ${e.target.country}`);

    it("filters a pair in either direction, or directed", async () => {
      assert.deepEqual(await q({ between: "PAK,IRN" }), ["IRN CONSULT PAK", "PAK CONSULT IRN"]);
      assert.deepEqual(await q({ source: "PAK", target: "IRN" }), ["PAK CONSULT IRN"]);
      assert.deepEqual(await q({ actor: "KEN" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
      assert.deepEqual((await store.events(parseFilter({ actor: "IRN" }), { order: "desc", limit: 3 })).map((e) => `${e.date} ${e.source.country} ${e.target.country}`),
        ["2024-06-12 PAK IRN", "2024-06-09 IRN PAK", "2023-03-10 CHN IRN"]);
    });

    it("filters by type, CAMEO prefix, quad class, sector, dates and article", async () => {
      assert.deepEqual(await q({ type: "sanction,accuse" }), ["IGO SANCTION RUS", "RUS ACCUSE IGO", "USA SANCTION RUS"]);
      assert.deepEqual(await q({ cameo: "14" }), ["KEN PROTEST KEN"]);
      assert.deepEqual(await q({ quad: "4", since: "2017-01-01", until: "2017-12-31" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
      assert.deepEqual(await q({ sector: "OPP" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
      assert.deepEqual(await q({ since: "2024-06-10" }), ["PAK CONSULT IRN"]);
      assert.deepEqual(await q({ article: "dawn-istanbul" }), ["IRN CONSULT PAK"]);
    });

    it("filters by the place's country and by words of the evidence", async () => {
      assert.deepEqual(await q({ place: "TUR" }), ["IRN CONSULT PAK"]);
      // one sentence reports both: police fired tear gas at supporters who marched
      assert.deepEqual(await q({ text: "tear gas" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
      assert.deepEqual(await q({ text: "sidelines D-8" }), ["IRN CONSULT PAK"]);
      assert.deepEqual(await q({ text: "\"unbalanced" }), []);
      assert.deepEqual(await q({ text: "tear gas Istanbul" }), []);
    });

    it("pages by keyset without repeating or skipping events", async () => {
      for (const order of ["asc", "desc"] as const) {
        const all = await store.events({}, { order });
        const seen: number[] = [];
        let after: { date: string; id: number } | undefined;
        for (;;) {
          const page = await store.events({}, { order, limit: 3, after });
          if (!page.length) break;
          seen.push(...page.map((e) => e.id));
          after = { date: page[page.length - 1].date, id: page[page.length - 1].id };
        }
        assert.deepEqual(seen, all.map((e) => e.id));
        assert.equal(await store.countEvents({}), all.length);
      }
      assert.equal(await store.countEvents(parseFilter({ actor: "KEN" })), 2);
    });

    it("counts dyads both ways, timelines with empty weeks, actors and places", async () => {
      const dyads = await store.dyads({}, 3);
      assert.deepEqual(dyads.map((d) => `${d.a}-${d.b} ${d.events} ${d.mentions}`), ["IRN-SAU 3 3", "IGO-RUS 2 2", "IRN-PAK 2 4"]);
      assert.equal(dyads[2].goldsteinSum, 2);
      assert.deepEqual(dyads[2].quads, [2, 0, 0, 0]);
      const weeks = await store.timeline(parseFilter({ between: "IRN,PAK" }), "week");
      assert.deepEqual(weeks.map((w) => `${w.period} ${w.events}`), ["2024-06-03 1", "2024-06-10 1"]);
      const days = await store.timeline(parseFilter({ between: "IRN,PAK" }), "day");
      assert.deepEqual(days.map((w) => w.events), [1, 0, 0, 1]);
      assert.deepEqual(days[0].quads, [1, 0, 0, 0]);
      const months = await store.timeline({}, "month");
      assert.deepEqual([months[0].period, months.length, months[months.length - 1].period], ["2017-10-01", 81, "2024-06-01"]);
      const years = await store.timeline({}, "year");
      assert.deepEqual(years.map((y) => `${y.period} ${y.events}`), ["2017-01-01 2", "2018-01-01 0", "2019-01-01 0", "2020-01-01 0", "2021-01-01 3", "2022-01-01 0", "2023-01-01 6", "2024-01-01 2"]);
      const actors = await store.actors(parseFilter({ type: "CONSULT" }), 5);
      assert.deepEqual(actors.map((a) => `${a.country} ${a.events} ${a.asSource}/${a.asTarget}`), ["IRN 2 1/1", "PAK 2 1/1"]);
      const places = await store.places({}, 10);
      assert.ok(places.some((p) => p.name === "Istanbul" && p.country === "TUR" && p.events === 1));
      assert.deepEqual(await store.stats(), { articles: 7, events: 13, mentions: 15, firstDate: "2017-10-11", lastDate: "2024-06-12" });
    });

    it("gives an article with its text, reports and their events", async () => {
      const a = await store.article("wire-istanbul-1");
      assert.equal(a!.article.date, "2024-06-09");
      assert.equal(a!.article.source, "reuters.example");
      assert.match(a!.article.added, /Z$/);
      const [m] = a!.mentions;
      assert.equal(a!.article.text.slice(...m.spans.trigger!), "held");
      assert.equal(m.event.numMentions, 3);
      assert.equal(await store.textHashOf("wire-istanbul-1"), a!.article.textHash);
      assert.equal(await store.textHashOf("nope"), undefined);
      assert.equal(await store.hasArticle({ id: "wire-istanbul-1", textHash: "0" }), "id");
      assert.equal(await store.hasArticle({ id: "x", textHash: a!.article.textHash }), "text");
      // a url joins only a record whose id is its url (one without an id of its own)
      assert.equal(await store.hasArticle({ id: a!.article.url!, url: a!.article.url, textHash: "0" }), "url");
      assert.equal(await store.hasArticle({ id: "x", url: a!.article.url, textHash: "0" }), undefined);
      assert.equal(await store.hasArticle({ id: "x", textHash: "0" }), undefined);
    });
  });

  describe(`${name} store: recoding, removing and bookkeeping`, { skip }, () => {
    it("replaces the events in one transaction, and keeps the old ones when coding fails midway", async () => {
      const { store } = await storeOf([REPORTS, EXAMPLES]);
      const before = (await store.events({})).map(brief);
      await assert.rejects(store.recode(async function* (articles) {
        let n = 0;
        for await (const a of articles) {
          if (++n === 3) throw new Error("coder crashed");
          yield { article: a, events: [] };
        }
      }, { windowDays: 0 }), /coder crashed/);
      assert.deepEqual((await store.events({})).map(brief), before);
      const order: string[] = [];
      const r = await store.recode(async function* (articles) {
        for await (const a of articles) { order.push(a.id); yield { article: a, events: [] }; }
      }, { windowDays: 0 });
      assert.equal(r.stored, 7);
      // in the order they were stored
      assert.deepEqual(order.slice(0, 4), ["wire-istanbul-1", "dawn-istanbul", "wire-istanbul-2", "tehran-visit"]);
      assert.deepEqual(await store.stats(), { articles: 7, events: 0, mentions: 0, firstDate: undefined, lastDate: undefined });
      await store.close();
    });

    it("recodes into the same events as a first ingest", async () => {
      const { store } = await storeOf([REPORTS, EXAMPLES]);
      const before = (await store.events({}, { order: "asc" })).map(brief);
      const coder = createCoder();
      const r = await store.recode(async function* (articles) {
        for await (const a of articles) {
          yield { article: a, events: coder.code({ id: a.id, date: a.date, text: a.text, ...(a.url ? { url: a.url } : {}), ...(a.title ? { title: a.title } : {}) }) };
        }
      }, { windowDays: 0 });
      assert.deepEqual([r.stored, r.newEvents, r.mergedMentions], [7, 13, 2]);
      assert.deepEqual((await store.events({}, { order: "asc" })).map(brief), before);
      await store.close();
    });

    it("removes an article: its lone events go, shared ones are recounted with the next report first", async () => {
      const { store } = await storeOf([REPORTS]);
      await store.removeArticle("wire-istanbul-1");
      assert.deepEqual((await store.events({}, { order: "asc" })).map(brief), ["2024-06-09 IRN CONSULT PAK 2/2/2", "2024-06-12 PAK CONSULT IRN 1/1/1"]);
      const [e] = await store.events({}, { order: "asc" });
      assert.equal(e.firstArticle, "dawn-istanbul");
      assert.match(e.evidence, /Bagheri/);
      await store.removeArticle("tehran-visit");
      assert.deepEqual(await store.stats(), { articles: 2, events: 1, mentions: 2, firstDate: "2024-06-09", lastDate: "2024-06-09" });
      await store.close();
    });

    it("keeps meta values and the files a watcher has seen", async () => {
      const store = await backend.open();
      assert.equal(await store.getMeta("coder_version"), undefined);
      await store.setMeta("coder_version", "1");
      await store.setMeta("coder_version", "2");
      assert.equal(await store.getMeta("coder_version"), "2");
      await store.markWatched("/in/a.jsonl", 10, 1718000000123.5);
      await store.markWatched("/in/a.jsonl", 12, 1718000000999);
      await store.markWatched("/in/b.jsonl", 5_000_000_000, 1);
      assert.deepEqual([...(await store.watchedFiles())].sort(), [["/in/a.jsonl", { size: 12, mtimeMs: 1718000000999 }], ["/in/b.jsonl", { size: 5_000_000_000, mtimeMs: 1 }]]);
      await store.optimize?.();
      await store.close();
    });
  });
}

describe("store filters", () => {
  it("refuses bad filter values, naming the parameter", () => {
    assert.throws(() => parseFilter({ since: "2024-02-30" }), (e: Error) => e instanceof FilterError && /^--since: not a calendar date/.test(e.message));
    assert.throws(() => parseFilter({ actor: "XYZ" }), /--actor: expected a country code/);
    assert.throws(() => parseFilter({ between: "IRN" }), /--between: expected two country codes/);
    assert.throws(() => parseFilter({ type: "CONSULT,HUG" }), /--type: expected PLOVER types/);
    assert.throws(() => parseFilter({ quad: "5" }), /--quad/);
    assert.throws(() => parseFilter({ since: "2024-06-10", until: "2024-06-01" }), /--until: 2024-06-01 is before --since/);
  });
});

// ---- PostgreSQL only ----

/** Every article of the inputs with the events the coder finds in it, ready for addArticles. */
async function codedArticles(paths: string[]): Promise<CodedArticle[]> {
  const coder = createCoder();
  const out: CodedArticle[] = [];
  for await (const item of readInputs(paths, {})) {
    if (item.kind !== "article") continue;
    const a: ArticleInput = item.article;
    out.push({ article: toStoredArticle(a), events: coder.code(a) });
  }
  return out;
}

async function pgRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query(sql, params)).rows as T[]; } finally { await c.end(); }
}

/** Events as (date, type, pair in either order, counts): the same whichever writer stored a report first. */
const summary = (events: StoredEvent[]) => events.map((e) => `${e.date} ${e.type} ${[e.source.country, e.target.country].sort().join("-")} ${e.numMentions}/${e.numArticles}/${e.numSources}`).sort();

const storeCode = async (f: () => Promise<unknown>) => {
  try { await f(); } catch (e) { return e instanceof StoreError ? `${e.code}: ${e.message}` : `not a StoreError: ${String(e)}`; }
  return "no error";
};

describe("PostgreSQL store: errors a user can act on", { skip: PG_SKIP }, () => {
  it("says in one line that the server cannot be reached, without the password", async () => {
    const said = await storeCode(() => PgStore.connect("postgres://dyad:s3cret@127.0.0.1:1/events"));
    assert.match(said, /^UNREACHABLE: cannot reach PostgreSQL at 127\.0\.0\.1:1 \(.*ECONNREFUSED.*\); is the server running and the URL right\?$/);
    assert.doesNotMatch(said, /s3cret|\n/);
  });

  it("names a database that does not exist, and how to create it", async () => {
    const u = new URL(PG_ADMIN_URL!);
    u.pathname = "/dyad_no_such_database";
    const said = await storeCode(() => PgStore.connect(u.toString()));
    assert.match(said, /^NO_DATABASE: database "dyad_no_such_database" does not exist on PostgreSQL at [^ ]+; create it \(createdb dyad_no_such_database/);
  });

  it("refuses a store from a newer dyad, and a database whose tables are someone else's", async () => {
    const url = await freshPgDatabase();
    await (await PgStore.connect(url)).close();
    await pgRows(url, "INSERT INTO schema_migrations (version) VALUES ($1)", [PG_MIGRATIONS.length + 5]);
    assert.match(await storeCode(() => PgStore.connect(url)), /^NEWER_SCHEMA: .* was written by a newer dyad \(schema \d+, this one knows \d+\); upgrade dyad/);
    const other = await freshPgDatabase();
    await pgRows(other, "CREATE TABLE events (x int)");
    assert.match(await storeCode(() => PgStore.connect(other)), /^NOT_DYAD: .*\(events\) but is not one/);
  });

  it("keeps the password out of its location", async () => {
    const u = new URL(await freshPgDatabase());
    u.password = "not-needed";
    const store = await PgStore.connect(u.toString());
    assert.equal(store.location.includes("not-needed"), false);
    assert.match(store.location, /^postgres:\/\/dyad@/);
    await store.close();
  });
});

describe("PostgreSQL store: schema", { skip: PG_SKIP }, () => {
  it("migrates once when many processes connect at once, and again is a no-op", async () => {
    const url = await freshPgDatabase();
    const stores = await Promise.all(Array.from({ length: 6 }, () => PgStore.connect(url, { poolSize: 2 })));
    const versions = await pgRows<{ version: number }>(url, "SELECT version FROM schema_migrations ORDER BY version");
    assert.deepEqual(versions.map((v) => v.version), PG_MIGRATIONS.map((_, i) => i + 1));
    assert.deepEqual(await stores[0].migrate(), { from: PG_MIGRATIONS.length, to: PG_MIGRATIONS.length });
    await Promise.all(stores.map((s) => s.close()));
    const again = await PgStore.connect(url);
    assert.deepEqual(await again.migrate(), { from: PG_MIGRATIONS.length, to: PG_MIGRATIONS.length });
    await again.close();
    // the job queue's table is there
    assert.deepEqual(await pgRows(url, "SELECT count(*)::int AS n FROM jobs"), [{ n: 0 }]);
    // connecting without migrating leaves it to migrate(), which says what it did (dyad migrate)
    const later = await PgStore.connect(await freshPgDatabase(), { migrate: false });
    assert.deepEqual(await later.migrate(), { from: 0, to: PG_MIGRATIONS.length });
    assert.equal((await later.addArticles((await codedArticles([REPORTS])).slice(0, 1), { windowDays: 0 })).stored, 1);
    await later.close();
  });

  it("keeps events in monthly partitions, made when a month's first event is stored", async () => {
    const url = await freshPgDatabase();
    const store = await PgStore.connect(url);
    await ingestArticles(store, readInputs([REPORTS, EXAMPLES], {}), { workers: 1, merge: { windowDays: 0 } });
    const parts = await pgRows<{ name: string; n: number }>(url, `SELECT c.relname AS name, (xpath('/row/n/text()', query_to_xml('SELECT count(*) AS n FROM ' || c.relname, false, true, '')))[1]::text::int AS n
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass ORDER BY 1`);
    assert.deepEqual(parts.map((p) => `${p.name} ${p.n}`), ["events_2017_10 2", "events_2021_03 3", "events_2023_03 6", "events_2024_06 2", "events_default 0"]);
    // a month seen for the first time gets its partition too, and another store knows of it
    const other = await PgStore.connect(url);
    const [july] = await codedArticles([REPORTS]);
    july.article = { ...july.article, id: "july", url: undefined, textHash: "july", signature: undefined };
    july.events = july.events.map((e) => ({ ...e, date: "2024-07-02" }));
    await other.addArticles([july], { windowDays: 0 });
    const names = await pgRows<{ relname: string }>(url, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass");
    assert.ok(names.some((n) => n.relname === "events_2024_07"));
    assert.deepEqual((await store.events(parseFilter({ since: "2024-07-01" }))).map(brief), ["2024-07-02 IRN CONSULT PAK 1/1/1"]);
    await store.close(); await other.close();
  });
});

describe("PostgreSQL store: writes inside a caller's transaction", { skip: PG_SKIP }, () => {
  it("stores nothing when the caller rolls back, and everything with the caller's own write when it commits", async () => {
    const url = await freshPgDatabase();
    const store = await PgStore.connect(url);
    const batch = await codedArticles([REPORTS, EXAMPLES]);
    const c = await store.pool.connect();
    try {
      await c.query("BEGIN");
      const r = await store.addArticlesWith(c, batch.slice(0, 4), { windowDays: 0 });
      assert.deepEqual([r.stored, r.newEvents, r.mergedMentions], [4, 2, 2]);
      await c.query("ROLLBACK");
      assert.deepEqual(await store.stats(), { articles: 0, events: 0, mentions: 0, firstDate: undefined, lastDate: undefined });

      await c.query("BEGIN");
      await store.addArticlesWith(c, batch.slice(0, 4), { windowDays: 0 });
      // a second batch in the same transaction, with months not seen yet
      await store.addArticlesWith(c, batch.slice(4), { windowDays: 0 });
      await c.query("INSERT INTO meta (key, value) VALUES ('job', 'done')");
      await c.query("COMMIT");
    } finally {
      c.release();
    }
    assert.deepEqual(await store.stats(), { articles: 7, events: 13, mentions: 15, firstDate: "2017-10-11", lastDate: "2024-06-12" });
    assert.equal(await store.getMeta("job"), "done");
    await store.close();
  });
});

describe("PostgreSQL store: concurrent writers", { skip: PG_SKIP }, () => {
  it("two stores writing the same articles at once store each article and event once, and count merged reports once", async () => {
    const url = await freshPgDatabase();
    const [a, b] = await Promise.all([PgStore.connect(url), PgStore.connect(url)]);
    const batch = await codedArticles([REPORTS, EXAMPLES, SYNDICATED]);
    const [ra, rb] = await Promise.all([a.addArticles(batch, { windowDays: 0 }), b.addArticles(batch, { windowDays: 0 })]);
    assert.equal(ra.stored + rb.stored, 9);
    assert.equal(ra.copies + rb.copies, 2);
    assert.equal(ra.duplicates + rb.duplicates, 11);
    assert.equal(ra.mergedMentions + rb.mergedMentions, 2);
    assert.equal(ra.newEvents + rb.newEvents, 16);
    const sqlite = await BACKENDS[0].open();
    await sqlite.addArticles(batch, { windowDays: 0 });
    assert.deepEqual((await a.events({}, { order: "asc" })).map(brief), (await sqlite.events({}, { order: "asc" })).map(brief));
    assert.deepEqual(await a.stats(), await sqlite.stats());
    await Promise.all([a.close(), b.close(), sqlite.close()]);
  });

  it("many writers, one article per transaction in different orders, end as one writer does", async () => {
    const url = await freshPgDatabase();
    const stores = await Promise.all(Array.from({ length: 4 }, () => PgStore.connect(url, { poolSize: 3 })));
    const batch = await codedArticles([REPORTS, EXAMPLES]);
    const shuffled = (k: number) => batch.map((x, i) => ({ x, r: (i * 7919 + k * 104729) % 13 })).sort((p, q) => p.r - q.r).map((p) => p.x);
    for (const windowDays of [0, 3]) {
      const results = await Promise.all(stores.map(async (s, k) => {
        const rs = [];
        for (const item of shuffled(k)) rs.push(await s.addArticles([item], { windowDays }));
        return rs;
      }));
      const total = results.flat().reduce((t, r) => ({ stored: t.stored + r.stored, dup: t.dup + r.duplicates, merged: t.merged + r.mergedMentions, events: t.events + r.newEvents }),
        { stored: 0, dup: 0, merged: 0, events: 0 });
      const sqlite = await BACKENDS[0].open();
      const one = await sqlite.addArticles(batch, { windowDays });
      assert.deepEqual([total.stored, total.dup], [batch.length, batch.length * (stores.length - 1)]);
      const got = await stores[0].events({});
      assert.equal(got.length, total.events);
      // every report stored once, whoever stored it
      assert.equal(total.events + total.merged, one.newEvents + one.mergedMentions);
      assert.equal(got.reduce((n, e) => n + e.numMentions, 0), one.newEvents + one.mergedMentions);
      assert.deepEqual(await stores[1].stats().then((s) => [s.articles, s.mentions]), [batch.length, one.newEvents + one.mergedMentions]);
      // same-day merging does not depend on the order reports arrive in (a window does: the first report's date is the event's)
      if (windowDays === 0) assert.deepEqual(summary(got), summary(await sqlite.events({})));
      await sqlite.close();
      await pgRows(url, "TRUNCATE articles, events, mentions, actors, places, article_bands, article_copies CASCADE");
    }
    await Promise.all(stores.map((s) => s.close()));
  });
});
