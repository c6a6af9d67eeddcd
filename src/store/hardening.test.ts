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
    assert.equal(run(["ingest", REPORTS, "--db", db, "--workers", "1"]).status, 0);
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
    assert.equal(run(["ingest", REPORTS, "--db", db, "--workers", "1"]).status, 0);
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
