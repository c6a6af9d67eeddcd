// What only the SQLite store has: the errors a user meets with a store file
// (missing, corrupt, not dyad's, locked by another writer, full). Everything
// every backend does is tested in store.test.ts, for SQLite and PostgreSQL.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { ingestArticles } from "../pipeline/store-ingest.js";
import { readInputs } from "../stages/ingest/index.js";
import { StoreError } from "./errors.js";
import { SqliteStore } from "./sqlite.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const REPORTS = join(root, "test/fixtures/store/reports.jsonl");

const tmp = () => mkdtempSync(join(tmpdir(), "dyad-store-"));
describe("SQLite store: errors a user can act on", () => {
  const code = (f: () => unknown) => { try { f(); } catch (e) { return e instanceof StoreError ? e.code : String(e); } return "none"; };

  it("refuses a missing store for queries, a corrupt file and a database that is not dyad's", () => {
    const dir = tmp();
    assert.equal(code(() => SqliteStore.open(join(dir, "none.db"))), "NOT_FOUND");
    writeFileSync(join(dir, "junk.db"), Buffer.alloc(8192, 7));
    assert.equal(code(() => SqliteStore.open(join(dir, "junk.db"))), "CORRUPT");
    const other = new Database(join(dir, "other.db"));
    other.exec("CREATE TABLE t (x)");
    other.close();
    assert.equal(code(() => SqliteStore.open(join(dir, "other.db"))), "NOT_DYAD");
  });

  it("reports a store locked by another writer, and a full store, keeping what was stored", async () => {
    const file = join(tmp(), "t.db");
    const store = SqliteStore.open(file, { create: true, busyTimeoutMs: 50 });
    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE");
    await assert.rejects(ingestArticles(store, readInputs([REPORTS], {}), { workers: 1, merge: { windowDays: 0 } }),
      (e: Error) => e instanceof StoreError && e.code === "LOCKED" && e.message.includes(file));
    other.exec("ROLLBACK");
    other.close();
    await store.close();

    // the empty schema takes about 41 pages of 4 KB; room for the 4 reports, not for 3 MB more
    const small = SqliteStore.open(join(tmp(), "small.db"), { create: true, maxBytes: 220_000 });
    await ingestArticles(small, readInputs([REPORTS], {}), { workers: 1, merge: { windowDays: 0 } });
    const kept = await small.stats();
    const big = join(tmp(), "big.jsonl");
    const words = "The minister said talks would go on. ".repeat(2000);
    writeFileSync(big, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `big-${i}`, date: "2024-06-09", text: `${words} Report ${i}.` })).join("\n"));
    await assert.rejects(ingestArticles(small, readInputs([big], {}), { workers: 1, merge: { windowDays: 0 }, batchSize: 40 }),
      (e: Error) => e instanceof StoreError && e.code === "FULL");
    assert.deepEqual(await small.stats(), kept);
    await small.close();
  });
});
