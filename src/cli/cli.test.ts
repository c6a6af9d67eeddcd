// The `dyad extract` command as a user runs it: a real child process, real
// files, good and bad input mixed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/dyad.js", import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });

// The lead of the seed article (Iran's acting foreign minister in Istanbul).
const LEAD = "Iran’s Acting Foreign Minister Ali Bagheri, who is in the Turkish city of Istanbul to participate in the extraordinary meeting of the Foreign Ministers of the Organization for Economic Cooperation (D-8), held talks with Pakistani Foreign Minister Mohammad Ishaq Dar on the sidelines of the conference.";

function badFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "dyad-cli-"));
  writeFileSync(join(dir, "a-good.txt"), `date 2024-06-09 ${LEAD}`);
  writeFileSync(join(dir, "b-junk.bin"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
  writeFileSync(join(dir, "c-mixed.jsonl"), [
    JSON.stringify({ id: "ok-1", date: "2024-06-09", text: LEAD }),
    "{not json",
    JSON.stringify({ id: "no-date", text: LEAD }),
    JSON.stringify({ id: "bad-date", date: "2024-02-30", text: LEAD }),
    JSON.stringify({ id: "empty", date: "2024-06-09", text: "  " }),
  ].join("\n") + "\n");
  writeFileSync(join(dir, "d-empty.txt"), "");
  writeFileSync(join(dir, "e-huge.txt"), "date 2024-06-09 " + "The minister met officials. ".repeat(200_000));
  return dir;
}

describe("dyad extract", () => {
  it("codes the good records of a folder and reports each bad one with file, line and code", () => {
    const dir = badFolder();
    const r = run(["extract", dir]);
    assert.equal(r.status, 0, r.stderr);
    const events = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual([...new Set(events.map((e) => e.article))].sort(), ["a-good", "ok-1"]);
    for (const e of events) assert.equal(`${e.source.country} ${e.type} ${e.target.country}`, "IRN CONSULT PAK");
    assert.match(r.stderr, /b-junk\.bin(:\d+)?: BINARY: /);
    assert.match(r.stderr, /c-mixed\.jsonl:2: BAD_JSON: /);
    assert.match(r.stderr, /c-mixed\.jsonl:3: MISSING_FIELD: /);
    assert.match(r.stderr, /c-mixed\.jsonl:4: BAD_DATE: /);
    assert.match(r.stderr, /c-mixed\.jsonl:5: EMPTY_TEXT: /);
    assert.match(r.stderr, /d-empty\.txt(:\d+)?: EMPTY_FILE: /);
    assert.match(r.stderr, /e-huge\.txt(:\d+)?: TOO_LARGE: /);
    assert.match(r.stderr, /2 article\(s\) coded, 2 event\(s\), 7 input problem\(s\) skipped/);
  });

  it("exits non-zero when nothing could be read", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-cli-"));
    writeFileSync(join(dir, "empty.jsonl"), "\n\n");
    const r = run(["extract", dir, join(dir, "missing.txt")]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /missing\.txt(:\d+)?: NOT_FOUND: /);
    assert.match(r.stderr, /0 article\(s\) coded/);
  });

  it("reads plain text from stdin with --date", () => {
    const r = run(["extract", "--date", "2024-06-09", "-"], LEAD);
    assert.equal(r.status, 0, r.stderr);
    const [e] = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(e.date, "2024-06-09");
    assert.equal(e.location.name, "Istanbul");
  });

  it("writes TSV with a header", () => {
    const r = run(["extract", "--date", "2024-06-09", "--format", "tsv", "-"], LEAD);
    const [header, row] = r.stdout.trim().split("\n");
    assert.ok(header.startsWith("article\tevent\tdate\ttype"));
    const cells = row.split("\t");
    assert.equal(cells[header.split("\t").indexOf("source_country")], "IRN");
    assert.equal(cells[header.split("\t").indexOf("type")], "CONSULT");
  });

  it("uses a user's actor file", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-cli-"));
    const actors = join(dir, "actors.json");
    writeFileSync(actors, JSON.stringify([{ names: ["Kilimo Saba"], country: "KEN", sector: "NGO" }]));
    const text = "Kilimo Saba condemned Somalia on Tuesday for closing the border crossing.";
    const without = run(["extract", "--date", "2024-06-09", "-"], text);
    assert.equal(without.stdout.trim(), "");
    const withActors = run(["extract", "--date", "2024-06-09", "--actors", actors, "-"], text);
    const [e] = withActors.stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.deepEqual([e.source.country, e.source.sector, e.type, e.target.country], ["KEN", "NGO", "ACCUSE", "SOM"]);
  });

  it("rejects a bad actor file and a bad option with a clear message", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-cli-"));
    const actors = join(dir, "actors.json");
    writeFileSync(actors, JSON.stringify([{ names: ["X"], country: "XYZ", sector: "NGO" }]));
    const r = run(["extract", "--date", "2024-06-09", "--actors", actors, "-"], LEAD);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /actors\.json/);
    assert.match(r.stderr, /country/);
    const f = run(["extract", "--format", "xml", "-"], LEAD);
    assert.equal(f.status, 2);
    assert.match(f.stderr, /--format: expected one of jsonl, tsv, table/);
  });
});
