// The job queue, in PostgreSQL itself: one job per article. Written on
// `FOR UPDATE SKIP LOCKED` rather than pg-boss because a job must be marked
// done in the same transaction that stores its events: a worker killed
// halfway then leaves neither events nor a finished job, and the article is
// simply coded again. pg-boss completes jobs through its own connection, so
// that guarantee would need a second bookkeeping layer on top of it.
//
// A claimed job records the backend (pid and start time) of the worker's
// connection. When that connection is gone (the worker died), the job is
// claimed again at once, by anyone, with no timeout to wait out.
import type pg from "pg";
import type { ArticleInput } from "../doc/types.js";

export type JobState = "queued" | "running" | "done" | "dead";

export interface Job {
  id: number;
  articleId: string;
  payload: ArticleInput;
  attempts: number;
  maxAttempts: number;
}

/** The channel enqueue notifies, so idle workers start at once instead of at their next poll. */
export const JOBS_CHANNEL = "dyad_jobs";

/**
 * Adds articles to the queue, one job each; an article already queued (by id) is not added twice.
 * @returns how many were added and how many were queued already
 */
export async function enqueueArticles(pool: pg.Pool, articles: ArticleInput[], maxAttempts = 5): Promise<{ added: number; alreadyQueued: number }> {
  if (!articles.length) return { added: 0, alreadyQueued: 0 };
  const ids = articles.map((a) => a.id);
  const payloads = articles.map((a) => JSON.stringify(a));
  const r = await pool.query(
    `INSERT INTO jobs (article_id, payload, max_attempts)
     SELECT * FROM unnest($1::text[], $2::jsonb[], array_fill($3::int, ARRAY[cardinality($1::text[])]))
     ON CONFLICT (article_id) DO NOTHING`,
    [ids, payloads, maxAttempts],
  );
  await pool.query(`NOTIFY ${JOBS_CHANNEL}`);
  return { added: r.rowCount ?? 0, alreadyQueued: articles.length - (r.rowCount ?? 0) };
}

/**
 * Claims the next ready job for this connection: a queued job whose retry time
 * has come, or a running one whose worker's connection no longer exists.
 * Commits at once (the claim, with its attempt counted, survives a crash).
 */
export async function claimJob(client: pg.PoolClient | pg.Client): Promise<Job | undefined> {
  const r = await client.query(`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, claimed_at = now(),
      worker_pid = pg_backend_pid(),
      worker_started = (SELECT backend_start FROM pg_stat_activity WHERE pid = pg_backend_pid())
    WHERE id = (
      SELECT j.id FROM jobs j
      WHERE (j.state = 'queued' AND j.run_after <= now())
         OR (j.state = 'running' AND NOT EXISTS (
              SELECT 1 FROM pg_stat_activity a WHERE a.pid = j.worker_pid AND a.backend_start = j.worker_started))
      ORDER BY j.run_after, j.id
      FOR UPDATE SKIP LOCKED
      LIMIT 1)
    RETURNING id, article_id, payload, attempts, max_attempts`);
  const row = r.rows[0] as { id: number | string; article_id: string; payload: ArticleInput; attempts: number; max_attempts: number } | undefined;
  if (!row) return undefined;
  return { id: Number(row.id), articleId: row.article_id, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts };
}

/** Inside the job's transaction: re-locks the job and checks this connection still holds it. */
export async function lockClaimed(client: pg.PoolClient | pg.Client, jobId: number): Promise<boolean> {
  const r = await client.query("SELECT 1 FROM jobs WHERE id = $1 AND state = 'running' AND worker_pid = pg_backend_pid() FOR UPDATE", [jobId]);
  return (r.rowCount ?? 0) > 0;
}

/** Inside the job's transaction, after its events are stored. */
export async function markDone(client: pg.PoolClient | pg.Client, jobId: number): Promise<void> {
  await client.query("UPDATE jobs SET state = 'done', finished_at = now(), last_error = NULL WHERE id = $1", [jobId]);
}

/** Delay before retry n (1-based): base × 2^(n−1), at most an hour. */
export function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * After a failed attempt (outside the rolled-back transaction): queued again
 * after a back-off, or dead once it has had all its attempts.
 */
export async function markFailed(client: pg.PoolClient | pg.Client, job: Job, error: string, baseMs: number): Promise<JobState> {
  const dead = job.attempts >= job.maxAttempts;
  await client.query(
    `UPDATE jobs SET state = $2, last_error = $3, worker_pid = NULL, worker_started = NULL,
       run_after = now() + ($4::double precision * interval '1 millisecond'), finished_at = CASE WHEN $2 = 'dead' THEN now() END
     WHERE id = $1`,
    [job.id, dead ? "dead" : "queued", error.slice(0, 2000), backoffMs(job.attempts, baseMs)],
  );
  return dead ? "dead" : "queued";
}

/** A job claimed again after its workers died this many times is given up (an article that kills the coder). */
export async function markGivenUp(client: pg.PoolClient | pg.Client, job: Job): Promise<void> {
  await client.query("UPDATE jobs SET state = 'dead', finished_at = now(), last_error = $2, worker_pid = NULL WHERE id = $1",
    [job.id, `given up after ${job.attempts - 1} attempt(s) whose worker died before finishing`]);
}

export interface QueueCounts {
  queued: number;
  running: number;
  done: number;
  dead: number;
  /** Seconds the oldest ready job has waited, when any. */
  oldestQueuedSeconds?: number;
}

export async function queueCounts(pool: pg.Pool | pg.PoolClient): Promise<QueueCounts> {
  const r = await pool.query(`SELECT state, count(*)::int AS n FROM jobs GROUP BY state`);
  const c: QueueCounts = { queued: 0, running: 0, done: 0, dead: 0 };
  for (const row of r.rows as { state: JobState; n: number }[]) c[row.state] = row.n;
  const o = await pool.query(`SELECT extract(epoch FROM now() - min(enqueued_at))::float AS s FROM jobs WHERE state = 'queued'`);
  const s = (o.rows[0] as { s: number | null }).s;
  if (s !== null) c.oldestQueuedSeconds = Math.round(s);
  return c;
}

/** True when no job is waiting or being worked on (a worker with --exit-when-idle may stop). */
export async function queueIdle(pool: pg.Pool | pg.PoolClient): Promise<boolean> {
  const r = await pool.query(`SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('queued', 'running')) AS busy`);
  return !(r.rows[0] as { busy: boolean }).busy;
}

export interface DeadJob { id: number; articleId: string; attempts: number; lastError: string; finishedAt: string }

export async function deadJobs(pool: pg.Pool, limit = 100): Promise<DeadJob[]> {
  const r = await pool.query(`SELECT id, article_id, attempts, last_error, finished_at FROM jobs WHERE state = 'dead' ORDER BY finished_at DESC, id LIMIT $1`, [limit]);
  return (r.rows as { id: string | number; article_id: string; attempts: number; last_error: string | null; finished_at: Date | null }[]).map((x) => ({
    id: Number(x.id), articleId: x.article_id, attempts: x.attempts, lastError: x.last_error ?? "", finishedAt: x.finished_at ? x.finished_at.toISOString() : "",
  }));
}

/** Puts dead jobs back in the queue with fresh attempts. */
export async function retryDead(pool: pg.Pool): Promise<number> {
  const r = await pool.query(`UPDATE jobs SET state = 'queued', attempts = 0, run_after = now(), last_error = NULL, finished_at = NULL WHERE state = 'dead'`);
  await pool.query(`NOTIFY ${JOBS_CHANNEL}`);
  return r.rowCount ?? 0;
}
