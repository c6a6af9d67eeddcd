// The SQLite store on real article text: wire reports of one meeting merged
// into one event, idempotent ingest, filters, aggregates, recoding in one
// transaction, and the errors a user meets (missing, corrupt, locked, full).
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ingestArticles } from "../pipeline/store-ingest.js";
import { readInputs } from "../stages/ingest/index.js";
import { StoreError } from "./errors.js";
import { FilterError, parseFilter } from "./filter.js";
import { SqliteStore } from "./sqlite.js";
import type { StoredEvent } from "./types.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const SYNDICATED = join(root, "test/fixtures/store/syndicated.jsonl");
const EXAMPLES = join(root, "examples");

const tmp = () => mkdtempSync(join(tmpdir(), "dyad-store-"));
const brief = (e: StoredEvent) => `${e.date} ${e.source.country} ${e.type} ${e.target.country} ${e.numMentions}/${e.numArticles}/${e.numSources}`;

async function storeOf(paths: string[], windowDays = 0, file = join(tmp(), "t.db")) {
  const store = SqliteStore.open(file, { create: true });
  const stats = await ingestArticles(store, readInputs(paths, {}), { workers: 1, merge: { windowDays }, batchSize: 2 });
  return { store, stats, file };
}

describe("SQLite store: merging reports across articles", () => {
  it("merges three outlets' reports of the Istanbul meeting into one event, and keeps the Tehran talks apart", async () => {
    const { store, stats } = await storeOf([REPORTS]);
    assert.deepEqual(stats, { read: 4, alreadyStored: 0, stored: 4, copies: 0, replaced: 0, newEvents: 2, mergedMentions: 2, problems: 0, failed: 0 });
    const events = await store.events({}, { order: "asc" });
    // the first report fixes the event's direction; two reports come from one outlet (reuters.example)
    assert.deepEqual(events.map(brief), ["2024-06-09 IRN CONSULT PAK 3/3/2", "2024-06-12 PAK CONSULT IRN 1/1/1"]);
    assert.equal(events[0].place?.name, "Istanbul");
    assert.equal(events[0].mode, "multilateral");
    assert.equal(events[0].firstArticle, "wire-istanbul-1");
    assert.equal(events[0].sourceUrl, "https://www.reuters.example/world/iran-pakistan-talks-2024-06-09/");
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
    }
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

describe("SQLite store: syndicated copies", () => {
  it("stores a wire story run by three outlets once, with three sources, and codes it once", async () => {
    const { store, stats } = await storeOf([SYNDICATED]);
    assert.deepEqual([stats.read, stats.stored, stats.copies], [4, 2, 2]);
    const events = await store.events({}, { order: "asc" });
    assert.deepEqual(events.map(brief), ["2024-03-07 KEN AGREE UGA 1/1/3", "2024-03-07 KEN CONSULT UGA 1/1/3", "2024-03-07 KEN ACCUSE UGA 1/1/3"]);
    const a = await store.article("wire-busia");
    assert.deepEqual(a!.copies.map((c) => `${c.id} ${c.source} ${c.similarity >= 0.7}`), ["daily-busia dailynation.example true", "monitor-busia monitor.example true"]);
    assert.equal(await store.article("daily-busia"), undefined);
    // a copy ingested again is recognised as stored, by id, url or text
    const again = await ingestArticles(store, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0 } });
    assert.deepEqual([again.stored, again.copies, again.alreadyStored], [0, 0, 4]);
    await store.close();
  });

  it("recognises copies that arrive in the same batch as their original", async () => {
    const store = SqliteStore.open(join(tmp(), "t.db"), { create: true });
    const s = await ingestArticles(store, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0 }, batchSize: 100 });
    assert.deepEqual([s.stored, s.copies], [2, 2]);
    assert.equal((await store.events({}))[0].numSources, 3);
    await store.close();
  });

  it("keeps different stories apart, and copies apart when the threshold is above 1", async () => {
    const { store } = await storeOf([SYNDICATED, REPORTS]);
    assert.equal((await store.stats()).articles, 6);
    const off = SqliteStore.open(join(tmp(), "t.db"), { create: true });
    const s = await ingestArticles(off, readInputs([SYNDICATED], {}), { workers: 1, merge: { windowDays: 0, copySimilarity: 2 } });
    assert.deepEqual([s.stored, s.copies], [4, 0]);
    assert.deepEqual((await off.events({}, { order: "asc" })).map(brief)[0], "2024-03-07 KEN AGREE UGA 3/3/3");
    await store.close(); await off.close();
  });
});

describe("SQLite store: idempotent ingest", () => {
  it("stores nothing twice when the same input is ingested again, or the same text arrives under another id", async () => {
    const { store, file } = await storeOf([REPORTS, EXAMPLES]);
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
    assert.ok(file);
  });
});

describe("SQLite store: queries", async () => {
  const { store } = await storeOf([REPORTS, EXAMPLES]);
  const q = async (raw: Parameters<typeof parseFilter>[0]) => (await store.events(parseFilter(raw), { order: "asc" })).map((e) => `${e.source.country} ${e.type} ${e.target.country}`);

  it("filters a pair in either direction, or directed", async () => {
    assert.deepEqual(await q({ between: "PAK,IRN" }), ["IRN CONSULT PAK", "PAK CONSULT IRN"]);
    assert.deepEqual(await q({ source: "PAK", target: "IRN" }), ["PAK CONSULT IRN"]);
    assert.deepEqual(await q({ actor: "KEN" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
  });

  it("filters by type, CAMEO prefix, quad class, sector and dates", async () => {
    assert.deepEqual(await q({ type: "sanction,accuse" }), ["IGO SANCTION RUS", "RUS ACCUSE IGO", "USA SANCTION RUS"]);
    assert.deepEqual(await q({ cameo: "14" }), ["KEN PROTEST KEN"]);
    assert.deepEqual(await q({ quad: "4", since: "2017-01-01", until: "2017-12-31" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
    assert.deepEqual(await q({ sector: "OPP" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
    assert.deepEqual(await q({ since: "2024-06-10" }), ["PAK CONSULT IRN"]);
  });

  it("filters by the place's country and by words of the evidence", async () => {
    assert.deepEqual(await q({ place: "TUR" }), ["IRN CONSULT PAK"]);
    // one sentence reports both: police fired tear gas at supporters who marched
    assert.deepEqual(await q({ text: "tear gas" }), ["KEN ASSAULT KEN", "KEN PROTEST KEN"]);
    assert.deepEqual(await q({ text: "sidelines D-8" }), ["IRN CONSULT PAK"]);
    assert.deepEqual(await q({ text: "\"unbalanced" }), []);
  });

  it("pages by keyset without repeating or skipping events", async () => {
    const all = await store.events({}, { order: "desc" });
    const seen: number[] = [];
    let after: { date: string; id: number } | undefined;
    for (;;) {
      const page = await store.events({}, { order: "desc", limit: 3, after });
      if (!page.length) break;
      seen.push(...page.map((e) => e.id));
      after = { date: page[page.length - 1].date, id: page[page.length - 1].id };
    }
    assert.deepEqual(seen, all.map((e) => e.id));
    assert.equal(await store.countEvents({}), all.length);
  });

  it("counts dyads both ways, timelines with empty weeks, actors and places", async () => {
    const dyads = await store.dyads({}, 3);
    assert.deepEqual(dyads.map((d) => `${d.a}-${d.b} ${d.events} ${d.mentions}`), ["IRN-SAU 3 3", "IGO-RUS 2 2", "IRN-PAK 2 4"]);
    assert.equal(dyads[2].goldsteinSum, 2);
    const weeks = await store.timeline(parseFilter({ between: "IRN,PAK" }), "week");
    assert.deepEqual(weeks.map((w) => `${w.period} ${w.events}`), ["2024-06-03 1", "2024-06-10 1"]);
    const days = await store.timeline(parseFilter({ between: "IRN,PAK" }), "day");
    assert.deepEqual(days.map((w) => w.events), [1, 0, 0, 1]);
    assert.deepEqual(days[0].quads, [1, 0, 0, 0]);
    const actors = await store.actors(parseFilter({ type: "CONSULT" }), 5);
    assert.deepEqual(actors.map((a) => `${a.country} ${a.events} ${a.asSource}/${a.asTarget}`), ["IRN 2 1/1", "PAK 2 1/1"]);
    const places = await store.places({}, 10);
    assert.ok(places.some((p) => p.name === "Istanbul" && p.country === "TUR" && p.events === 1));
  });

  it("refuses bad filter values, naming the parameter", () => {
    assert.throws(() => parseFilter({ since: "2024-02-30" }), (e: Error) => e instanceof FilterError && /^--since: not a calendar date/.test(e.message));
    assert.throws(() => parseFilter({ actor: "XYZ" }), /--actor: expected a country code/);
    assert.throws(() => parseFilter({ between: "IRN" }), /--between: expected two country codes/);
    assert.throws(() => parseFilter({ type: "CONSULT,HUG" }), /--type: expected PLOVER types/);
    assert.throws(() => parseFilter({ quad: "5" }), /--quad/);
    assert.throws(() => parseFilter({ since: "2024-06-10", until: "2024-06-01" }), /--until: 2024-06-01 is before --since/);
  });
});

describe("SQLite store: recoding", () => {
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
    const r = await store.recode(async function* (articles) {
      for await (const a of articles) yield { article: a, events: [] };
    }, { windowDays: 0 });
    assert.equal(r.stored, 7);
    assert.deepEqual(await store.stats(), { articles: 7, events: 0, mentions: 0, firstDate: undefined, lastDate: undefined });
    await store.close();
  });
});

describe("SQLite store: errors a user can act on", () => {
  const code = (f: () => unknown) => { try { f(); } catch (e) { return e instanceof StoreError ? e.code : String(e); } return "none"; };

  it("refuses a missing store for queries, a corrupt file and a database that is not dyad's", () => {
    const dir = tmp();
    assert.equal(code(() => SqliteStore.open(join(dir, "none.db"))), "NOT_FOUND");
    writeFileSync(join(dir, "junk.db"), Buffer.alloc(8192, 7));
    assert.equal(code(() => SqliteStore.open(join(dir, "junk.db"))), "CORRUPT");
    const other = new Database(join(dir, "other.db"));
    other.exec("CREATE TABLE t (x)");
    other.close();
    assert.equal(code(() => SqliteStore.open(join(dir, "other.db"))), "NOT_DYAD");
  });

  it("reports a store locked by another writer, and a full store, keeping what was stored", async () => {
    const file = join(tmp(), "t.db");
    const store = SqliteStore.open(file, { create: true, busyTimeoutMs: 50 });
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    await assert.rejects(ingestArticles(store, readInputs([REPORTS], {}), { workers: 1, merge: { windowDays: 0 } }),
      (e: Error) => e instanceof StoreError && e.code === "LOCKED" && e.message.includes(file));
    other.exec("ROLLBACK");
    other.close();
    await store.close();

    const small = SqliteStore.open(join(tmp(), "small.db"), { create: true, maxBytes: 160_000 });
    await ingestArticles(small, readInputs([REPORTS], {}), { workers: 1, merge: { windowDays: 0 } });
    const kept = await small.stats();
    const big = join(tmp(), "big.jsonl");
    const words = "The minister said talks would go on. ".repeat(2000);
    writeFileSync(big, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `big-${i}`, date: "2024-06-09", text: `${words} Report ${i}.` })).join("\n"));
    await assert.rejects(ingestArticles(small, readInputs([big], {}), { workers: 1, merge: { windowDays: 0 }, batchSize: 40 }),
      (e: Error) => e instanceof StoreError && e.code === "FULL");
    assert.deepEqual(await small.stats(), kept);
    await small.close();
  });
});
