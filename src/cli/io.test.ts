// Issue 11, defect 7: writing many results to a file must not pile listeners
// on stdout (one per write made Node print MaxListenersExceededWarning).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

it("dyad extract > file leaves no listener behind per write (no MaxListenersExceededWarning)", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-io-"));
  // 30 articles with events: one write each
  const records = readFileSync(join(root, "test/fixtures/store/reports.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
  const input = join(dir, "in.jsonl");
  writeFileSync(input, Array.from({ length: 30 }, (_, i) => JSON.stringify({ ...records[i % records.length], id: `a${i}`, url: undefined, text: `${records[i % records.length].text} (${i})` })).join("\n") + "\n");
  const out = join(dir, "events.jsonl");
  const fd = openSync(out, "w");
  // a file descriptor as stdout: the case the warning was seen with
  const r = spawnSync(process.execPath, [join(root, "bin/dyad.js"), "extract", input, "--workers", "1"],
    { stdio: ["ignore", fd, "pipe"], encoding: "utf8" });
  closeSync(fd);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /MaxListenersExceeded|memory leak/);
  const lines = readFileSync(out, "utf8").trim().split("\n");
  assert.ok(lines.length > 20, `expected many writes, got ${lines.length} lines`);
  for (const l of lines) JSON.parse(l);
});
