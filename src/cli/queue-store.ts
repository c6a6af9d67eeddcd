// The queue commands need a PostgreSQL store: the queue is a table in it.
import { UsageError } from "./io.js";
import { dbLocation, isPostgresUrl } from "./store-options.js";
import type { QueueStore } from "../queue/worker.js";
import type { EventStore } from "../store/types.js";

export type PgQueueStore = QueueStore & EventStore & { migrate(): Promise<{ from: number; to: number }> };

export async function openQueueStore(db: string | undefined): Promise<PgQueueStore> {
  const location = dbLocation(db);
  if (!isPostgresUrl(location)) {
    throw new UsageError(`the job queue lives in PostgreSQL: set --db or DYAD_DB to a postgres:// URL (got "${location}"); with a SQLite store, use "dyad ingest"`);
  }
  return (await loadPgStore()).connect(location);
}

/** The PostgreSQL backend, loaded only when a postgres:// store is used. */
export async function loadPgStore(): Promise<{ connect(url: string, opts?: { migrate?: boolean }): Promise<PgQueueStore> }> {
  const mod = "../store/pg.js";
  return ((await import(mod)) as { PgStore: { connect(url: string, opts?: { migrate?: boolean }): Promise<PgQueueStore> } }).PgStore;
}
