// `npm run bench` (queue part): articles/s of `dyad worker` processes coding
// from the PostgreSQL queue into the PostgreSQL store, with 1, 2 and 4
// workers, and the speed-up over one. Needs a server: DYAD_TEST_PG_URL (an
// admin URL that may create databases; `eval "$(scripts/start-test-postgres.sh)"`
// starts one). Asserts nothing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
const ADMIN = process.env.DYAD_TEST_PG_URL;
const N = Number(process.env.BENCH_QUEUE_ARTICLES ?? 3000);

async function admin<T>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try { return (await c.query(sql)).rows as T[]; } finally { await c.end(); }
}

async function main(): Promise<void> {
  if (!ADMIN) {
    console.log("\nqueue benchmark skipped: DYAD_TEST_PG_URL is not set (eval \"$(scripts/start-test-postgres.sh)\" starts a server)");
    return;
  }
  const dev = join(root, "..", "shared", "eval", "dev.jsonl");
  const sampleFile = existsSync(dev) ? dev : join(root, "test/fixtures/store/reports.jsonl");
  const sample = readFileSync(sampleFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
  const dir = mkdtempSync(join(tmpdir(), "dyad-qbench-"));
  const input = join(dir, "articles.jsonl");
  // distinct outlets and a distinct closing line, so no article is another's copy
  writeFileSync(input, Array.from({ length: N }, (_, i) => {
    const s = sample[i % sample.length];
    return JSON.stringify({ id: `${s.id}#${i}`, url: `https://outlet${i}.example/${i}`, date: s.date, text: `${s.text}\n\nCorrespondent ${i} reporting; filed ${i % 97} minutes after the event with notes ${i * 7919}.` });
  }).join("\n") + "\n");
  console.log(`\nqueue benchmark: ${N} articles (${sampleFile.includes("dev.jsonl") ? "dev set" : "fixtures"} cycled) coded by dyad worker processes from the PostgreSQL queue into PostgreSQL`);
  console.log(`  ${"workers".padEnd(8)} ${"seconds".padStart(8)} ${"articles/s".padStart(11)} ${"speed-up".padStart(9)}`);
  let base = 0;
  for (const workers of [1, 2, 4]) {
    const name = `dyad_bench_${process.pid}_${workers}`;
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(ADMIN);
    u.pathname = `/${name}`;
    const url = u.toString();
    try {
      const e = spawnSync(process.execPath, [bin, "enqueue", input, "--db", url], { encoding: "utf8" });
      if (e.status !== 0) throw new Error(e.stderr);
      const t0 = performance.now();
      const w = spawnSync(process.execPath, [bin, "worker", "--db", url, "--concurrency", String(workers), "--exit-when-idle", "--poll", "100"], { encoding: "utf8" });
      if (w.status !== 0) throw new Error(w.stderr);
      const secs = (performance.now() - t0) / 1000;
      const rate = N / secs;
      if (workers === 1) base = rate;
      console.log(`  ${String(workers).padEnd(8)} ${secs.toFixed(1).padStart(8)} ${rate.toFixed(0).padStart(11)} ${(rate / base).toFixed(2).padStart(8)}×`);
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`  (this machine has 2 cores: a third and fourth worker share them; each worker process loads its own coder, ~1 s)`);
}

main();
