// Issue 11 on the store side, as a user meets it: real `dyad` processes on
// real SQLite files. Read-only stores, recode keeping every count, ids that
// share a url, the first ingest's coder version, the size cap's message and
// a damaged file refused before it is written.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const SYNDICATED = join(root, "test/fixtures/store/syndicated.jsonl");
const run = (args: string[], opts: { env?: Record<string, string>; asUser?: string } = {}) => {
  const env = { ...process.env, ...opts.env };
  const cmd = opts.asUser ? ["setpriv", `--reuid=${opts.asUser}`, `--regid=${opts.asUser === "nobody" ? "nogroup" : opts.asUser}`, "--clear-groups", process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  return spawnSync(cmd[0], cmd.slice(1), { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env });
};
const dirs: string[] = [];
const tmp = () => { const d = mkdtempSync(join(tmpdir(), "dyad-hardening-")); dirs.push(d); return d; };
// read-only directories must be writable again for the temp cleaner
after(() => { for (const d of dirs) try { chmodSync(d, 0o755); } catch { /* gone */ } });

/** True when this process can run a child as `nobody` (root with setpriv). */
function canDropPrivileges(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("setpriv", ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "true"]).status === 0;
}

const READ_COMMANDS = [["info"], ["events"], ["dyads"], ["timeline", "IRN"], ["article", "wire-istanbul-1"], ["export", "--format", "gdelt"]];

describe("read commands open the store read-only (defect 6)", () => {
  it("reads a chmod 444 store in a read-only folder and leaves its bytes, mtime and journal mode alone", () => {
    const dir = tmp(), db = join(dir, "events.db");
    const made = run(["ingest", REPORTS, "--db", db, "--workers", "1"]);
    assert.equal(made.status, 0, made.stderr);
    // a store copied from a backup is in rollback-journal mode: a writer would turn it to WAL on open
    const d = new Database(db);
    d.pragma("journal_mode = DELETE");
    d.close();
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const before = { bytes: readFileSync(db), mtime: statSync(db).mtimeMs };
    for (const args of READ_COMMANDS) {
      const r = run([...args, "--db", db]);
      assert.equal(r.status, 0, `${args[0]}: ${r.stderr}`);
    }
    assert.equal(statSync(db).mtimeMs, before.mtime);
    assert.ok(readFileSync(db).equals(before.bytes), "the store's bytes changed");
    assert.ok(!existsSync(db + "-wal") && !existsSync(db + "-shm"), "a -wal or -shm file was created");
  });

  it("reads as an unprivileged user a chmod 444 WAL store in a read-only folder", { skip: !canDropPrivileges() && "needs root and setpriv to run a child as nobody" }, () => {
    const dir = tmp(), db = join(dir, "events.db");
    const made = run(["ingest", REPORTS, "--db", db, "--workers", "1"]);
    assert.equal(made.status, 0, made.stderr);
    chmodSync(db, 0o444);
    chmodSync(dir, 0o555);
    const before = { bytes: readFileSync(db), mtime: statSync(db).mtimeMs };
    for (const args of READ_COMMANDS) {
      const r = run([...args, "--db", db], { asUser: "nobody" });
      assert.equal(r.status, 0, `${args[0]}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /cannot write|readonly/);
    }
    const info = run(["info", "--db", db, "--json"], { asUser: "nobody" });
    assert.equal(JSON.parse(info.stdout).articles, 4);
    assert.equal(statSync(db).mtimeMs, before.mtime);
    assert.ok(readFileSync(db).equals(before.bytes), "the store's bytes changed");
    assert.ok(!existsSync(db + "-wal") && !existsSync(db + "-shm"), "a -wal or -shm file was created");
  });
});

describe("ingest --recode keeps every count (defect 4)", () => {
  it("keeps NumSources of a story with a copy from another outlet", () => {
    const dir = tmp(), db = join(dir, "events.db");
    // one story and its copy from another outlet
    const [story, copy] = readFileSync(SYNDICATED, "utf8").trim().split("\n");
    const input = join(dir, "two.jsonl");
    writeFileSync(input, `${story}\n${copy}\n`);
    const first = run(["ingest", input, "--db", db, "--workers", "1"]);
    assert.match(first.stderr, /1 stored as other outlets' copies/, first.stderr);
    const sources = () => run(["events", "--db", db, "--format", "jsonl"]).stdout.trim().split("\n").map((l) => JSON.parse(l).numSources);
    const before = sources();
    assert.ok(before.length > 0 && before.every((n) => n === 2), `before: ${before}`);
    const r = run(["ingest", "--recode", "--db", db, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(sources(), before);
  });
});

describe("records that share a url (defect 5)", () => {
  it("stores every record with an id of its own, and joins by url only records without one, saying so", () => {
    const dir = tmp(), db = join(dir, "events.db");
    const texts = readFileSync(REPORTS, "utf8").trim().split("\n").map((l) => JSON.parse(l).text as string);
    const day = "https://en.wikipedia.org/wiki/Portal:Current_events/2024_June_9";
    // a digest: every item carries the day's page as its url, and an id of its own
    const digest = texts.slice(0, 3).map((text, i) => JSON.stringify({ id: `digest-${i}`, url: day, date: "2024-06-09", text }));
    // two records without ids at one url: the second is the same article
    const noIds = [texts[3], texts[3] + " Updated."].map((text) => JSON.stringify({ url: "https://example.org/one", date: "2024-06-09", text }));
    // the same text again under another id, within one batch: a verbatim repeat
    const repeat = JSON.stringify({ id: "digest-repeat", url: day, date: "2024-06-09", text: texts[0] });
    const input = join(dir, "digest.jsonl");
    writeFileSync(input, [...digest, repeat, ...noIds].join("\n") + "\n");
    const r = run(["ingest", input, "--db", db, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /6 article\(s\) read, 4 coded and stored, 2 already stored \(1 same text under another id, 1 without an id of their own, same url\)/);
    const info = JSON.parse(run(["info", "--db", db, "--json"]).stdout);
    assert.equal(info.articles, 4);
    for (const id of ["digest-0", "digest-1", "digest-2"]) assert.equal(run(["article", id, "--db", db]).status, 0, id);
    // the same input again: every record is recognised, and by what
    const again = run(["ingest", input, "--db", db, "--workers", "1"]);
    assert.match(again.stderr, /6 article\(s\) read, 0 coded and stored, 6 already stored \(3 same id, 1 same text under another id, 2 without an id of their own, same url\)/);
  });

  it("upgrades a store made before urls could repeat, keeping its articles, copies and events", () => {
    const dir = tmp(), db = join(dir, "events.db");
    const made = run(["ingest", SYNDICATED, "--db", db, "--workers", "1"]);
    assert.equal(made.status, 0, made.stderr);
    // put the store back to schema 5: urls unique, as older dyads made it
    const d = new Database(db);
    const before = d.prepare("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM article_copies) || '/' || (SELECT count(*) FROM mentions)").pluck().get();
    d.exec(`PRAGMA foreign_keys = OFF; BEGIN;
      CREATE TABLE a5 AS SELECT * FROM articles; DROP TABLE articles;
      CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT UNIQUE, source TEXT NOT NULL, date TEXT NOT NULL, title TEXT,
        text_hash TEXT NOT NULL UNIQUE, text TEXT NOT NULL, added TEXT NOT NULL, minhash BLOB);
      INSERT INTO articles SELECT id, url, source, date, title, text_hash, text, added, minhash FROM a5; DROP TABLE a5;
      DROP INDEX article_copies_url; PRAGMA user_version = 5; COMMIT;`);
    d.close();
    const old = run(["info", "--db", db, "--json"]);
    assert.equal(old.status, 0, `a read command reads a schema-5 store as it is: ${old.stderr}`);
    const r = run(["ingest", REPORTS, "--db", db, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    const after = new Database(db, { readonly: true });
    assert.equal(after.pragma("user_version", { simple: true }), 6);
    assert.equal(after.prepare("SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM article_copies)").pluck().get(), `${Number(String(before).split("/")[0]) + 4}/${String(before).split("/")[1]}`);
    assert.deepEqual(after.pragma("foreign_key_check"), []);
    after.close();
  });
});

describe("smaller store defects (defect 9)", () => {
  it("names the coder in a store whose first ingest stored nothing", () => {
    const dir = tmp(), db = join(dir, "events.db");
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"id":"a","date":"2024-06-09"}\n');
    const r = run(["ingest", bad, "--db", db, "--workers", "1"]);
    assert.equal(r.status, 1);
    const info = run(["info", "--db", db]);
    assert.equal(info.status, 0, info.stderr);
    assert.match(info.stdout, /coded by\s+dyad \d+\.\d+\.\d+/);
  });

  it("names DYAD_DB_MAX_BYTES when the size cap is reached, not the disk", () => {
    const dir = tmp(), db = join(dir, "small.db");
    const big = join(dir, "big.jsonl");
    const words = "The minister said talks with Pakistan would go on. ".repeat(1500);
    writeFileSync(big, Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `big-${i}`, date: "2024-06-09", text: `${words} Report ${i}.` })).join("\n"));
    const r = run(["ingest", big, "--db", db, "--workers", "1"], { env: { DYAD_DB_MAX_BYTES: "300000" } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /small\.db reached its size cap: DYAD_DB_MAX_BYTES is 300,000 bytes; raise or unset DYAD_DB_MAX_BYTES/);
    assert.doesNotMatch(r.stderr, /free some disk space/);
  });

  it("refuses to write into a damaged store, and leaves it as it was", () => {
    const dir = tmp(), db = join(dir, "events.db");
    const made = run(["ingest", REPORTS, "--db", db, "--workers", "1"]);
    assert.equal(made.status, 0, made.stderr);
    // damage one page in the middle of the file (a b-tree page: the store is small and has no free pages)
    const d = new Database(db);
    const pageSize = d.pragma("page_size", { simple: true }) as number, pages = d.pragma("page_count", { simple: true }) as number;
    d.close();
    const bytes = readFileSync(db);
    bytes.fill(0xff, pageSize * Math.floor(pages / 2), pageSize * (Math.floor(pages / 2) + 1));
    writeFileSync(db, bytes);
    const r = run(["ingest", SYNDICATED, "--db", db, "--workers", "1"]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /events\.db is damaged \(SQLite's integrity check says: .+\); nothing was written to it/);
    assert.ok(readFileSync(db).equals(bytes), "the damaged store was written to");
  });
});
