// `dyad watch` as a user runs it: a real process watching a real folder,
// files arriving and being edited, stopped with SIGTERM and started again.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const bin = fileURLToPath(new URL("../../bin/dyad.js", import.meta.url));

/** A running watcher with its stderr gathered, and a way to wait for a log line. */
function startWatch(dir: string, db: string) {
  const child: ChildProcess = spawn(process.execPath, [bin, "watch", dir, "--db", db, "--interval", "100"], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (d) => { log += String(d); });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  const waitFor = async (re: RegExp, ms = 20_000) => {
    const t0 = Date.now();
    while (!re.test(log)) {
      if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${re}; log so far:\n${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, log: () => log };
}

const events = (db: string) => {
  const d = new Database(db, { readonly: true });
  const rows = d.prepare("SELECT source_country || ' ' || type || ' ' || target_country AS e FROM events ORDER BY id").pluck().all();
  d.close();
  return rows;
};

describe("dyad watch", () => {
  it("codes files as they arrive, recodes an edited one, stops on SIGTERM and resumes without recoding", async () => {
    const root = mkdtempSync(join(tmpdir(), "dyad-watch-"));
    const inbox = join(root, "inbox");
    mkdirSync(inbox);
    const db = join(root, "w.db");
    writeFileSync(join(inbox, "a.txt"), "date 2024-06-09\nISTANBUL: Iran's Acting Foreign Minister Ali Bagheri held talks with Pakistani Foreign Minister Mohammad Ishaq Dar on Sunday.\n");
    const w = startWatch(inbox, db);
    await w.waitFor(/a\.txt: 1 article\(s\) coded/);
    mkdirSync(join(inbox, "later"));
    writeFileSync(join(inbox, "later", "b.txt"), "date 2017-10-11\nNAIROBI: Kenyan police fired tear gas on Wednesday at opposition supporters in the centre of Nairobi.\n");
    await w.waitFor(/b\.txt: 1 article\(s\) coded/);
    assert.deepEqual(events(db), ["IRN CONSULT PAK", "KEN ASSAULT KEN"]);
    // the same file, edited: its article is recoded and its old event goes
    writeFileSync(join(inbox, "a.txt"), "date 2024-06-09\nISTANBUL: Iran accused Pakistan on Sunday of sheltering militants near the border.\n");
    await w.waitFor(/a\.txt: 1 article\(s\) coded, 0 already stored, 1 edited article\(s\) recoded/);
    assert.deepEqual(events(db), ["KEN ASSAULT KEN", "IRN ACCUSE PAK"]);
    w.child.kill("SIGTERM");
    assert.equal(await w.exited, 0);
    assert.match(w.log(), /SIGTERM: stopping after the file at hand\n.*stopped\n$/s);

    const again = startWatch(inbox, db);
    await again.waitFor(/watching/);
    await new Promise((r) => setTimeout(r, 600));
    again.child.kill("SIGINT");
    assert.equal(await again.exited, 0);
    assert.doesNotMatch(again.log(), /article\(s\) coded/);
    assert.deepEqual(events(db), ["KEN ASSAULT KEN", "IRN ACCUSE PAK"]);
  });
});
