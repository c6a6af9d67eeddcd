// `dyad worker`: codes jobs from the PostgreSQL queue until stopped, with one
// process per unit of concurrency (coding is CPU-bound, so more processes use
// more cores; more machines run more workers).
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCoder } from "../../pipeline/coder.js";
import { runWorker } from "../../queue/worker.js";
import { DEFAULT_MERGE } from "../../store/merge.js";
import { UsageError } from "../io.js";
import { DB_OPTION, intOption } from "../store-options.js";
import { openQueueStore } from "../queue-store.js";

export const HELP = `usage: dyad worker [--db postgres://…] [options]

Codes articles from the job queue (see "dyad enqueue") and stores their
events. Each job is done in one transaction: a worker killed halfway leaves
nothing behind and its job is taken up again at once by another worker. A job
that fails is retried with a growing delay, then set aside as dead ("dyad jobs"
lists them). Stops on SIGINT/SIGTERM after the job at hand.

options:
  --db URL            the PostgreSQL store (default $DYAD_DB)
  --concurrency N     coding processes on this machine (default 1)
  --exit-when-idle    stop when no job is queued or running (batch runs)
  --retry-delay MS    first retry delay, doubled on each attempt (default 1000)
  --poll MS           how often an idle worker looks at the queue (default 1000; new jobs also wake it)
  --actors FILE       your own actors file
  --verbose           print every job's outcome
`;

export async function workerCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...DB_OPTION, concurrency: { type: "string" }, "exit-when-idle": { type: "boolean" }, "retry-delay": { type: "string" },
      poll: { type: "string" }, actors: { type: "string" }, verbose: { type: "boolean" }, help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { process.stdout.write(HELP); return 0; }
  const concurrency = intOption("concurrency", values.concurrency, 1, 1, 256);
  const retryBaseMs = intOption("retry-delay", values["retry-delay"], 1000, 1, 3_600_000);
  const pollMs = intOption("poll", values.poll, 1000, 10, 600_000);
  if (concurrency > 1) return supervise(argv, concurrency);

  const store = await openQueueStore(values.db);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  // a child whose supervisor died stops too, rather than run unwatched
  process.once("disconnect", stop);
  const who = `dyad worker ${process.pid}`;
  try {
    const coder = createCoder({ actorsFile: values.actors });
    const kept = await store.getMeta("merge_window_days");
    const merge = kept !== undefined ? { windowDays: Number(kept) } : DEFAULT_MERGE;
    const s = await runWorker(store, {
      coder, merge, retryBaseMs, pollMs, exitWhenIdle: !!values["exit-when-idle"], signal: controller.signal,
      onJob: (job, outcome, detail) => {
        if (outcome !== "done" || values.verbose) process.stderr.write(`${who}: job ${job.id} (article ${job.articleId}) ${outcome}${outcome === "done" ? "" : ` after attempt ${job.attempts} of ${job.maxAttempts}`}: ${detail}\n`);
      },
    });
    process.stderr.write(`${who}: ${s.done} job(s) done (${s.events} event report(s) stored), ${s.failed} failed and queued again, ${s.dead} dead\n`);
    return 0;
  } finally {
    await store.close();
    // a forked child's IPC channel would keep it alive: let go of it so it exits
    process.removeListener("disconnect", stop);
    if (process.connected) process.disconnect();
  }
}

/** Runs `n` single workers as child processes and waits for them all; signals are passed on. */
async function supervise(argv: string[], n: number): Promise<number> {
  const bin = fileURLToPath(new URL("../../../bin/dyad.js", import.meta.url));
  const args = ["worker", ...argv.filter((a, i) => a !== "--concurrency" && argv[i - 1] !== "--concurrency" && !a.startsWith("--concurrency=")), "--concurrency", "1"];
  const children: ChildProcess[] = Array.from({ length: n }, () => fork(bin, args, { stdio: "inherit" }));
  const forward = (sig: NodeJS.Signals) => { for (const c of children) if (c.exitCode === null) c.kill(sig); };
  process.on("SIGINT", () => forward("SIGINT"));
  process.on("SIGTERM", () => forward("SIGTERM"));
  const codes = await Promise.all(children.map((c) => new Promise<number>((r) => c.once("exit", (code, sig) => r(code ?? (sig ? 1 : 0))))));
  return Math.max(...codes);
}
