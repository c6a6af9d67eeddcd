// One coding worker on the PostgreSQL queue: claim a job, code its article,
// store the events and mark the job done in one transaction, and again,
// until stopped (or, with exitWhenIdle, until the queue is empty).
import type pg from "pg";
import type { ArticleInput } from "../doc/types.js";
import type { Coder } from "../pipeline/coder.js";
import { toStoredArticle } from "../store/article-record.js";
import { parseJsonLine } from "../stages/ingest/index.js";
import type { AddResult, CodedArticle, MergeOptions } from "../store/types.js";
import { claimJob, JOBS_CHANNEL, lockClaimed, markDone, markFailed, markGivenUp, queueIdle, type Job } from "./jobs.js";

/** What a worker needs of the store: its pool, and writes inside the job's transaction. */
export interface QueueStore {
  readonly pool: pg.Pool;
  addArticlesWith(client: pg.PoolClient, batch: CodedArticle[], opts: MergeOptions): Promise<AddResult>;
  getMeta(key: string): Promise<string | undefined>;
}

export interface WorkerOptions {
  coder: Coder;
  merge: MergeOptions;
  /** First retry delay; doubles with each attempt. */
  retryBaseMs: number;
  exitWhenIdle: boolean;
  /** How long to wait for a notification before looking at the queue again. */
  pollMs: number;
  signal: AbortSignal;
  onJob?: (job: Job, outcome: "done" | "failed" | "dead", detail: string) => void;
}

export interface WorkerStats { done: number; failed: number; dead: number; events: number }

/** The article of a job, checked as an ingested record would be (a job's payload can be edited by hand). */
function articleOf(job: Job): ArticleInput {
  const item = parseJsonLine(JSON.stringify(job.payload ?? null), { file: `job ${job.id}`, line: 1 });
  if (!item || item.kind === "problem") throw new Error(item ? `${item.problem.code}: ${item.problem.message}` : "empty payload");
  return item.article;
}

const isConnectionError = (e: unknown) => {
  const code = (e as { code?: string }).code ?? "";
  return /^(ECONNRESET|ECONNREFUSED|EPIPE|57P0[123]|08\d\d\d)$/.test(code) || /Connection terminated|Client has encountered a connection error/.test((e as Error).message ?? "");
};

/**
 * Runs one worker until `signal` aborts (or the queue is idle with exitWhenIdle).
 * @example await runWorker(store, { coder, merge, retryBaseMs: 1000, exitWhenIdle: true, pollMs: 1000, signal })
 */
export async function runWorker(store: QueueStore, opts: WorkerOptions): Promise<WorkerStats> {
  const stats: WorkerStats = { done: 0, failed: 0, dead: 0, events: 0 };
  const client = await store.pool.connect();
  let wake: (() => void) | undefined;
  const onNotify = () => wake?.();
  client.on("notification", onNotify);
  const onAbort = () => wake?.();
  opts.signal.addEventListener("abort", onAbort);
  try {
    await client.query(`LISTEN ${JOBS_CHANNEL}`);
    while (!opts.signal.aborted) {
      const job = await claimJob(client);
      if (!job) {
        if (opts.exitWhenIdle && (await queueIdle(client))) break;
        await new Promise<void>((r) => { wake = r; setTimeout(r, opts.pollMs); });
        wake = undefined;
        continue;
      }
      if (job.attempts > job.maxAttempts) {
        await markGivenUp(client, job);
        stats.dead++;
        opts.onJob?.(job, "dead", "its workers died before finishing");
        continue;
      }
      try {
        await client.query("BEGIN");
        if (!(await lockClaimed(client, job.id))) { await client.query("ROLLBACK"); continue; }
        const article = articleOf(job);
        const events = opts.coder.code(article);
        const r = await store.addArticlesWith(client, [{ article: toStoredArticle(article), events }], opts.merge);
        await markDone(client, job.id);
        await client.query("COMMIT");
        stats.done++;
        stats.events += r.newEvents + r.mergedMentions;
        opts.onJob?.(job, "done", `${events.length} event(s)`);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (isConnectionError(e)) throw e;
        const msg = (e as Error).message ?? String(e);
        const state = await markFailed(client, job, msg, opts.retryBaseMs);
        if (state === "dead") stats.dead++; else stats.failed++;
        opts.onJob?.(job, state === "dead" ? "dead" : "failed", msg);
      }
    }
  } finally {
    opts.signal.removeEventListener("abort", onAbort);
    client.off("notification", onNotify);
    await client.query(`UNLISTEN ${JOBS_CHANNEL}`).catch(() => undefined);
    client.release();
  }
  return stats;
}
