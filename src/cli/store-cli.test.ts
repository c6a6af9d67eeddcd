// The store commands as a user runs them: real child processes on a real
// SQLite file, including an ingest killed with SIGKILL halfway and run again.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const EXAMPLES = join(root, "examples");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
const tmp = () => mkdtempSync(join(tmpdir(), "dyad-cli-store-"));

describe("dyad ingest and the query commands", () => {
  const db = join(tmp(), "events.db");
  const first = run(["ingest", REPORTS, EXAMPLES, "--db", db, "--workers", "1"]);

  it("ingests, and a second run stores nothing new", () => {
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /7 article\(s\) read, 7 coded and stored, 0 already stored; 13 new event\(s\), 2 report\(s\) merged/);
    const again = run(["ingest", REPORTS, EXAMPLES, "--db", db, "--workers", "1"]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stderr, /7 article\(s\) read, 0 coded and stored, 7 already stored \(7 same id\); 0 new event\(s\)/);
  });

  it("lists events between a pair as CSV with the merged counts", () => {
    const r = run(["events", "--db", db, "--between", "IRN", "PAK", "--type", "CONSULT", "--format", "csv", "--order", "asc"]);
    assert.equal(r.status, 0, r.stderr);
    const [header, ...rows] = r.stdout.trim().split("\n");
    const cols = header.split(",");
    const at = (row: string, c: string) => row.split(",")[cols.indexOf(c)];
    assert.deepEqual(rows.map((row) => `${at(row, "date")} ${at(row, "source_country")}>${at(row, "target_country")} ${at(row, "num_articles")}/${at(row, "num_sources")} ${at(row, "place")}`),
      ["2024-06-09 IRN>PAK 3/2 Istanbul", "2024-06-12 PAK>IRN 1/1 Tehran"]);
  });

  it("prints dyads, a weekly timeline and an article with its evidence marked", () => {
    const d = run(["dyads", "--db", db, "--top", "1", "--format", "jsonl"]);
    assert.deepEqual(JSON.parse(d.stdout), { a: "IRN", b: "SAU", events: 3, mentions: 3, goldsteinSum: 20, goldsteinMean: 6.667, quads: [3, 0, 0, 0] });
    const t = run(["timeline", "PAK", "IRN", "--db", db, "--by", "week", "--format", "csv"]);
    assert.equal(t.stdout, "period,events,goldstein_mean,verbal_coop,material_coop,verbal_conflict,material_conflict\n2024-06-03,1,1,1,0,0,0\n2024-06-10,1,1,1,0,0,0\n");
    const a = run(["article", "kenya-march", "--db", db]);
    assert.equal(a.status, 0, a.stderr);
    assert.match(a.stdout, /\[1: NAIROBI: Kenyan police fired tear gas/);
    assert.match(a.stdout, /Kenyan police \(KEN, POL\)\s+ASSAULT/);
  });

  it("exports the GDELT, ICEWS and POLECAT layouts with their headers", () => {
    const width = (format: string) => {
      const r = run(["export", "--format", format, "--db", db, "--between", "IRN,PAK"]);
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split("\n").map((l) => l.split("\t"));
    };
    const g = width("gdelt");
    assert.equal(g[0].length, 61);
    assert.deepEqual(g.map((r) => r.length), [61, 61, 61]);
    const row = Object.fromEntries(g[0].map((c, i) => [c, g[1][i]]));
    assert.deepEqual([row.SQLDATE, row.Actor1Code, row.Actor2Code, row.EventCode, row.EventRootCode, row.QuadClass, row.NumArticles, row.NumSources, row.ActionGeo_FullName],
      ["20240609", "IRNGOV", "PAKGOV", "040", "04", "1", "3", "2", "Istanbul, Türkiye"]);
    const i = width("icews");
    assert.equal(i[0].length, 20);
    assert.deepEqual(i[1].slice(2, 8), ["Ali Bagheri", "Government", "Iran", i[1][5], "040", "1"]);
    const p = width("plover");
    assert.equal(p[0].length, 40);
    assert.equal(p[1][2], "CONSULT");
  });

  it("recodes every stored article with --recode and ends with the same events", () => {
    const before = run(["events", "--db", db, "--format", "csv", "--order", "asc"]).stdout.split("\n").map((l) => l.split(",").slice(0, 10).join(","));
    const r = run(["ingest", "--recode", "--db", db, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /recoded 7 article\(s\): 13 event\(s\), 2 report\(s\) merged/);
    const after = run(["events", "--db", db, "--format", "csv", "--order", "asc"]).stdout.split("\n").map((l) => l.split(",").slice(0, 10).join(","));
    assert.deepEqual(after, before);
  });

  it("refuses bad filters with exit 2 and a message naming the option", () => {
    const r = run(["events", "--db", db, "--since", "2024-13-01"]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^dyad events: --since: expected a date YYYY-MM-DD|^dyad events: --since: not a calendar date/);
    const t = run(["timeline", "IRN", "--db", db, "--by", "fortnight"]);
    assert.equal(t.status, 2);
    assert.match(t.stderr, /--by: expected one of day, week, month, year; got "fortnight"/);
  });

  it("gives one line and exit 1 for a missing or corrupt store", () => {
    const dir = tmp();
    const missing = run(["events", "--db", join(dir, "nope.db")]);
    assert.equal(missing.status, 1);
    assert.equal(missing.stderr.trim().split("\n").length, 1);
    assert.match(missing.stderr, /no dyad store at .*nope\.db; create one with "dyad ingest/);
    writeFileSync(join(dir, "bad.db"), "this is not a database, just text\n".repeat(200));
    const bad = run(["events", "--db", join(dir, "bad.db")]);
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /bad\.db is not a dyad store or is damaged/);
  });

  it("reports a full disk in one line and keeps what was stored", () => {
    const small = join(tmp(), "small.db");
    assert.equal(run(["ingest", REPORTS, "--db", small, "--workers", "1"]).status, 0);
    const big = join(tmp(), "big.jsonl");
    const words = "The minister said talks with Pakistan would go on. ".repeat(1500);
    writeFileSync(big, Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `big-${i}`, date: "2024-06-09", text: `${words} Report ${i}.` })).join("\n"));
    const r = run(["ingest", big, "--db", small, "--workers", "1", "--batch", "30"], { DYAD_DB_MAX_BYTES: "300000" });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /small\.db reached its size cap: DYAD_DB_MAX_BYTES is 300,000 bytes; raise or unset DYAD_DB_MAX_BYTES and run the same command again/);
    const db2 = new Database(small, { readonly: true });
    // the 4 stored before are kept; a batch flushed by time (a slow machine) may have fit under the cap too
    const kept = db2.prepare("SELECT count(*) FROM articles").pluck().get() as number;
    assert.ok(kept >= 4 && kept < 34, `${kept} articles kept`);
    assert.equal(db2.pragma("quick_check", { simple: true }), "ok");
    db2.close();
  });
});

describe("dyad ingest killed with SIGKILL", () => {
  // Many distinct articles (the fixture stories under new ids, outlets and a closing line).
  function bigInput(n: number): string {
    const stories = readFileSync(REPORTS, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; date: string; text: string; url: string });
    const file = join(tmp(), "many.jsonl");
    writeFileSync(file, Array.from({ length: n }, (_, i) => {
      const s = stories[i % stories.length];
      return JSON.stringify({ id: `${s.id}-${i}`, url: `https://outlet${i % 37}.example/story/${i}`, date: s.date, text: `${s.text}\n\nFiled by desk ${i}.` });
    }).join("\n") + "\n");
    return file;
  }
  const summary = (db: string) => {
    const d = new Database(db, { readonly: true });
    const r = {
      // syndicated copies (the same story under another id) are stored too, as copies
      articles: (d.prepare("SELECT count(*) FROM articles").pluck().get() as number) + (d.prepare("SELECT count(*) FROM article_copies").pluck().get() as number),
      copies: d.prepare("SELECT article_id, count(*) AS n FROM article_copies GROUP BY article_id ORDER BY article_id").all(),
      events: d.prepare("SELECT id, date, type, source_country, target_country, num_mentions, num_articles, num_sources FROM events ORDER BY id").all(),
      mentions: d.prepare("SELECT count(*) FROM mentions").pluck().get(),
    };
    d.close();
    return r;
  };

  it("loses nothing and counts nothing twice when run again", async () => {
    const N = 3000;
    const input = bigInput(N);
    const dir = tmp();
    const killed = join(dir, "killed.db"), clean = join(dir, "clean.db");
    const child = spawn(process.execPath, [bin, "ingest", input, "--db", killed, "--workers", "1", "--batch", "20"], { stdio: "ignore" });
    const exited = new Promise((r) => child.once("exit", r));
    let stored = 0;
    for (let tries = 0; tries < 600 && stored < 100; tries++) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        const d = new Database(killed, { readonly: true, fileMustExist: true });
        stored = (d.prepare("SELECT count(*) FROM articles").pluck().get() as number) + (d.prepare("SELECT count(*) FROM article_copies").pluck().get() as number);
        d.close();
      } catch { /* not created yet */ }
    }
    child.kill("SIGKILL");
    await exited;
    const partial = summary(killed).articles as number;
    assert.ok(partial >= 100 && partial < N, `killed after ${partial} of ${N} articles`);

    const rerun = run(["ingest", input, "--db", killed, "--workers", "1"]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const done = /([\d,]+) coded and stored, ([\d,]+) already stored(?: \([^)]*\))?(?:, ([\d,]+) stored as)?/.exec(rerun.stderr);
    const num = (x?: string) => Number((x ?? "0").replace(/,/g, ""));
    assert.equal(num(done?.[2]), partial, rerun.stderr);
    assert.equal(num(done?.[1]) + num(done?.[3]), N - partial, rerun.stderr);
    assert.equal(run(["ingest", input, "--db", clean, "--workers", "1"]).status, 0);
    assert.deepEqual(summary(killed), summary(clean));
  });
});
