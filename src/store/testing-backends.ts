// The store backends the test suites run against: SQLite always, PostgreSQL
// when DYAD_TEST_PG_URL names a server where the role may create databases
// (scripts/start-test-postgres.sh starts one; .ci/run sets it). Each
// PostgreSQL store gets a database of its own, dropped by `dropAll`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { PgStore } from "./pg.js";
import { SqliteStore } from "./sqlite.js";
import type { EventStore } from "./types.js";

export const PG_ADMIN_URL = process.env.DYAD_TEST_PG_URL;
export const PG_SKIP = PG_ADMIN_URL ? false : "DYAD_TEST_PG_URL is not set: run eval \"$(scripts/start-test-postgres.sh)\" first (.ci/run does) to test the PostgreSQL backend";

export interface Backend {
  name: "SQLite" | "PostgreSQL";
  /** False, or why this backend's tests are skipped. */
  skip: string | false;
  /** A new, empty store. */
  open(): Promise<EventStore>;
}

const created: string[] = [];

/** A new empty database on the test server; its URL. */
export async function freshPgDatabase(prefix = "dyad_t"): Promise<string> {
  if (!PG_ADMIN_URL) throw new Error("DYAD_TEST_PG_URL is not set");
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops every database made by freshPgDatabase (call from an `after` hook). */
export async function dropPgDatabases(): Promise<void> {
  if (!PG_ADMIN_URL || !created.length) return;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

export const BACKENDS: Backend[] = [
  {
    name: "SQLite",
    skip: false,
    open: async () => SqliteStore.open(join(mkdtempSync(join(tmpdir(), "dyad-store-")), "t.db"), { create: true }),
  },
  {
    name: "PostgreSQL",
    skip: PG_SKIP,
    open: async () => PgStore.connect(await freshPgDatabase()),
  },
];
