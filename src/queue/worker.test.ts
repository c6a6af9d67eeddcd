// The job queue and its workers as users run them: real `dyad enqueue`,
// `dyad worker` and `dyad jobs` processes on a real PostgreSQL server
// (DYAD_TEST_PG_URL, started by .ci/run), including workers killed with
// SIGKILL in the middle of a run.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ADMIN = process.env.DYAD_TEST_PG_URL;
const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");
const EXAMPLES = join(root, "examples");
const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

const created: string[] = [];
async function freshDatabase(): Promise<string> {
  const name = `dyad_q_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const u = new URL(ADMIN!);
  u.pathname = `/${name}`;
  return u.toString();
}
after(async () => {
  if (!ADMIN) return;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return (await c.query(sql)).rows as T[]; } finally { await c.end(); }
}

/** Events as (date, type, pair in either order, reports), sorted: the same whichever worker stored a report first. */
async function eventSummary(url: string): Promise<string[]> {
  const rows = await query<{ date: string; type: string; s: string; t: string; m: number; a: number }>(url,
    "SELECT to_char(date, 'YYYY-MM-DD') AS date, type, source_country AS s, target_country AS t, num_mentions AS m, num_articles AS a FROM events");
  return rows.map((r) => `${r.date} ${r.type} ${[r.s, r.t].sort().join("-")} ${r.m}/${r.a}`).sort();
}

/** Short, distinct articles (too short to be taken for each other's copies), many reporting the same meetings. */
function manyArticles(n: number): string {
  const pairs = [["Iran", "Pakistan"], ["India", "Nepal"], ["Kenya", "Uganda"], ["Egypt", "Jordan"], ["Brazil", "Argentina"]];
  const days = ["2024-06-03", "2024-06-04", "2024-06-05"];
  const file = join(mkdtempSync(join(tmpdir(), "dyad-queue-")), "many.jsonl");
  writeFileSync(file, Array.from({ length: n }, (_, i) => {
    const [a, b] = pairs[i % pairs.length];
    const date = days[Math.floor(i / pairs.length) % days.length];
    return JSON.stringify({ id: `q-${i}`, url: `https://outlet${i % 13}.example/${i}`, date, text: `The foreign ministers of ${a} and ${b} held talks on ${date === "2024-06-03" ? "Monday" : date === "2024-06-04" ? "Tuesday" : "Wednesday"}. Report ${i}.` });
  }).join("\n") + "\n");
  return file;
}

describe("job queue and workers on PostgreSQL", { skip: !ADMIN && "DYAD_TEST_PG_URL is not set (.ci/run starts a PostgreSQL server and sets it)" }, () => {
  it("enqueues once, and workers code every article once, ending as a direct ingest does", async () => {
    const url = await freshDatabase();
    const e = run(["enqueue", REPORTS, EXAMPLES, "--db", url]);
    assert.equal(e.status, 0, e.stderr);
    assert.match(e.stderr, /7 article\(s\) read, 7 queued/);
    assert.match(run(["enqueue", REPORTS, "--db", url]).stderr, /4 article\(s\) read, 0 queued .*, 4 already queued/);
    const w = run(["worker", "--db", url, "--concurrency", "2", "--exit-when-idle", "--poll", "100"]);
    assert.equal(w.status, 0, w.stderr);
    const jobs = JSON.parse(run(["jobs", "--db", url, "--json"]).stdout);
    assert.deepEqual([jobs.queued, jobs.running, jobs.done, jobs.dead], [0, 0, 7, 0]);
    const direct = await freshDatabase();
    assert.equal(run(["ingest", REPORTS, EXAMPLES, "--db", direct, "--workers", "1"]).status, 0);
    assert.deepEqual(await eventSummary(url), await eventSummary(direct));
    assert.ok((await eventSummary(url)).includes("2024-06-09 CONSULT IRN-PAK 3/3"));
  });

  it("loses nothing and stores nothing twice when workers are killed with SIGKILL mid-run", async () => {
    const N = 600;
    const input = manyArticles(N);
    const url = await freshDatabase();
    assert.equal(run(["enqueue", input, "--db", url]).status, 0);
    // a supervisor and two worker processes, in their own process group so all can be killed at once
    const workers = spawn(process.execPath, [bin, "worker", "--db", url, "--concurrency", "2", "--poll", "50"], { stdio: "ignore", detached: true });
    const exited = new Promise((r) => workers.once("exit", r));
    let done = 0;
    for (let i = 0; i < 400 && done < 40; i++) {
      await new Promise((r) => setTimeout(r, 50));
      done = Number((await query<{ n: string }>(url, "SELECT count(*) AS n FROM jobs WHERE state = 'done'"))[0].n);
    }
    process.kill(-workers.pid!, "SIGKILL");
    await exited;
    const mid = await query<{ state: string; n: string }>(url, "SELECT state, count(*) AS n FROM jobs GROUP BY state");
    const doneAtKill = Number(mid.find((r) => r.state === "done")?.n ?? 0);
    assert.ok(doneAtKill >= 40 && doneAtKill < N, `killed after ${doneAtKill} of ${N} jobs`);
    const stored = Number((await query<{ n: string }>(url, "SELECT count(*) AS n FROM articles"))[0].n);
    assert.equal(stored, doneAtKill, "an article is stored exactly when its job is done");

    const rest = run(["worker", "--db", url, "--exit-when-idle", "--poll", "50"]);
    assert.equal(rest.status, 0, rest.stderr);
    const jobs = JSON.parse(run(["jobs", "--db", url, "--json"]).stdout);
    assert.deepEqual([jobs.queued, jobs.running, jobs.done, jobs.dead], [0, 0, N, 0]);
    const direct = await freshDatabase();
    assert.equal(run(["ingest", input, "--db", direct, "--workers", "1"]).status, 0);
    assert.deepEqual(await eventSummary(url), await eventSummary(direct));
    const [{ n: mentions }] = await query<{ n: string }>(url, "SELECT count(*) AS n FROM mentions");
    assert.equal(Number(mentions), N);
  });

  it("retries a failing job with back-off, then sets it aside as dead, listed by dyad jobs", async () => {
    const url = await freshDatabase();
    assert.equal(run(["migrate", "--db", url]).status, 0);
    await query(url, `INSERT INTO jobs (article_id, payload, max_attempts) VALUES ('broken', '{"id":"broken","date":"2024-06-09","text":"  "}', 3)`);
    const w = run(["worker", "--db", url, "--exit-when-idle", "--retry-delay", "20", "--poll", "20"]);
    assert.equal(w.status, 0, w.stderr);
    assert.match(w.stderr, /job \d+ \(article broken\) failed after attempt 1 of 3: EMPTY_TEXT/);
    assert.match(w.stderr, /job \d+ \(article broken\) dead after attempt 3 of 3: EMPTY_TEXT/);
    const dead = run(["jobs", "--db", url, "--dead"]);
    assert.match(dead.stdout, /dead\s+1/);
    assert.match(dead.stdout, /broken\s+3\s+EMPTY_TEXT/);
    assert.match(run(["jobs", "--db", url, "--retry-dead"]).stdout, /1 dead job\(s\) queued again/);
  });

  it("refuses the queue on a SQLite store, with the command to use instead", () => {
    const r = run(["enqueue", REPORTS, "--db", join(mkdtempSync(join(tmpdir(), "dyad-q-")), "x.db")]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the job queue lives in PostgreSQL: .*use "dyad ingest"/);
  });
});
