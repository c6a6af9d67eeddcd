// Issue 11: hostile input files through real `dyad` processes. One bad line
// (cut off, not JSON, a NUL byte, far too long) or a cut-off gzip must cost
// only itself: every valid record around it is read.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_FETCH_BYTES, DEFAULT_MAX_LINE_BYTES, MAX_FEED_BYTES, MAX_PAGE_BYTES, MAX_TEXT_FILE_BYTES } from "./types.js";
import { warcRecord } from "./warc-writer.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = join(root, "bin/dyad.js");
// four valid records, four different stories
const VALID = readFileSync(join(root, "test/fixtures/store/reports.jsonl"), "utf8").trim().split("\n");
const dyad = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
const dir = mkdtempSync(join(tmpdir(), "dyad-hostile-"));
const file = (name: string, content: string | Buffer) => { const p = join(dir, name); writeFileSync(p, content); return p; };
/** stderr lines that report problems ("file:line: CODE: …"), without the summary. */
const problems = (stderr: string) => stderr.trim().split("\n").filter((l) => !l.startsWith("dyad "));

describe("one bad line costs only itself (defect 1)", () => {
  const cases: [string, string][] = [
    ["a cut-off first line", '{"id":"x","date":"2024-01-01"'],
    ["a first line that is not JSON", "exported by feedtool 2.1 at 2024-06-10"],
    ["a NUL byte in the first line", '{"id":"n","date":"2024-06-09","text":"a\u0000b"'],
  ];
  for (const [what, first] of cases) {
    it(`reads every valid record after ${what}`, () => {
      const r = dyad(["extract", file(`${what}.jsonl`, [first, ...VALID].join("\n") + "\n"), "--workers", "1"]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /4 article\(s\) coded/);
      const p = problems(r.stderr);
      assert.equal(p.length, 1, r.stderr);
      assert.match(p[0], /\.jsonl:1: BAD_JSON: /);
    });
  }

  it("reads every valid record with a NUL byte inside the first 8 KB", () => {
    const nul = JSON.stringify({ id: "nul", date: "2024-06-09", text: "x".repeat(2000) }).replace("xxx", "x\u0000x");
    const r = dyad(["extract", file("nul.jsonl", [VALID[0], nul, ...VALID.slice(1)].join("\n") + "\n"), "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 article\(s\) coded, \d+ event\(s\), 1 input problem/);
    assert.match(problems(r.stderr)[0], /nul\.jsonl:2: BAD_JSON: /);
  });

  it("reports a pretty-printed JSON document as one problem naming its lines", () => {
    const doc = JSON.stringify(JSON.parse(VALID[0]), null, 2);
    const r = dyad(["extract", file("doc.json", doc + "\n"), "--workers", "1"]);
    assert.equal(r.status, 1);
    const p = problems(r.stderr);
    assert.equal(p.length, 1, r.stderr);
    assert.match(p[0], /doc\.json:1: BAD_JSON: .*to line \d+, were not JSON either.*pretty-printed JSON document/);
  });
});

describe("an over-long line is skipped as it streams (defect 2)", () => {
  it("stores the records before and after a line over DYAD_MAX_LINE_BYTES and names the line", () => {
    // the cap is small here so the test is quick; the default is 8 MiB
    const long = JSON.stringify({ id: "long", date: "2024-06-09", text: "Talks went on. ".repeat(20_000) });
    const input = file("long.jsonl", [VALID[0], VALID[1], long, VALID[2], VALID[3]].join("\n") + "\n");
    const db = join(dir, "long.db");
    const r = dyad(["ingest", input, "--db", db, "--workers", "1"], { DYAD_MAX_LINE_BYTES: "65536" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /4 article\(s\) read, 4 coded and stored, .*; 1 input problem\(s\) skipped/);
    const p = problems(r.stderr);
    assert.equal(p.length, 1);
    assert.match(p[0], /long\.jsonl:3: TOO_LARGE: the line has 300,0\d\d bytes; lines over 65,536 bytes are skipped unread/);
    const info = JSON.parse(dyad(["info", "--db", db, "--json"]).stdout);
    assert.equal(info.articles, 4);
  });
});

describe("a cut-off .gz (defect 3)", () => {
  it("reads the records before the cut even when less than 8 KB was inflated, and says so", () => {
    const gz = gzipSync(VALID.join("\n") + "\n");
    assert.ok(VALID.join("\n").length < 8192);
    const r = dyad(["extract", file("cut.jsonl.gz", gz.subarray(0, Math.floor(gz.length * 0.9))), "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /3 article\(s\) coded/);
    assert.match(problems(r.stderr)[0], /cut\.jsonl\.gz: BAD_GZIP: .*truncated .*; the 3 article\(s\) before it were read/);
  });

  it("says that nothing was read when the cut comes before the first record ends", () => {
    const gz = gzipSync(VALID.join("\n") + "\n");
    const r = dyad(["extract", file("early.jsonl.gz", gz.subarray(0, 60)), "--workers", "1"]);
    assert.equal(r.status, 1);
    assert.match(problems(r.stderr).at(-1)!, /early\.jsonl\.gz: BAD_GZIP: .*; no complete record was found before it/);
  });
});

describe("pages and archives (defect 9)", () => {
  const STORY = "<p>Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing to commercial traffic from next month, ending a closure that has stranded hundreds of traders on both sides of the border.</p><p>Ethiopian officials said the crossing would reopen on Monday.</p>";
  const page = (title: string, inner = "") => `<html><head><title>${title}</title><meta property="article:published_time" content="2024-06-09"></head><body><article><h1>${title}</h1>${STORY}${inner}</article></body></html>`;

  it("reads a page nested 10,000 elements deep instead of overflowing the stack", () => {
    const deep = file("deep.html", page("Deep", "<div>".repeat(10_000) + "Deep text." + "</div>".repeat(10_000)));
    const r = dyad(["extract", deep, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /1 article\(s\) coded/);
    assert.doesNotMatch(r.stderr, /call stack/);
  });

  it("reads the records after one with a wrong Content-Length in a WARC", async () => {
    const records = await Promise.all(["One", "Two", "Three"].map((t, i) =>
      warcRecord({ type: "response", url: `https://news.example/${i + 1}`, httpHeaders: { "Content-Type": "text/html" }, body: page(t) })));
    // the first record claims 40 bytes fewer than its block holds
    const first = records[0].toString("latin1").replace(/Content-Length: (\d+)/, (_, n) => `Content-Length: ${Number(n) - 40}`);
    const warc = file("crawl.warc", Buffer.concat([Buffer.from(first, "latin1"), records[1], records[2]]));
    const r = dyad(["extract", warc, "--workers", "1"]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /3 article\(s\) coded/);
    assert.match(problems(r.stderr)[0], /crawl\.warc: BAD_WARC: expected WARC record 2 to start with a "WARC\/1\.x" line .*skipped [\d,]+ bytes to the next record/);
  });
});

describe("every intake format is documented with its limits (defect 10)", () => {
  const mib = (n: number) => `${n / 1024 / 1024} MiB`;
  const limits = [mib(DEFAULT_MAX_LINE_BYTES), mib(MAX_TEXT_FILE_BYTES), mib(MAX_PAGE_BYTES), mib(MAX_FEED_BYTES), mib(DEFAULT_MAX_FETCH_BYTES), `${DEFAULT_FETCH_TIMEOUT_MS / 1000} s`];
  const formats = [/JSON lines/, /dated article/, /plain text/, /HTML page/, /RSS\/Atom feed/, /WARC archive/, /gzip/, /URL/, /NOT_ENGLISH/, /DYAD_MAX_LINE_BYTES/];

  it("in dyad extract --help", () => {
    const help = dyad(["extract", "--help"]).stdout;
    for (const f of formats) assert.match(help, f);
    for (const l of limits) assert.ok(help.includes(l), `--help does not give the limit ${l}`);
  });

  it("in the README's input section", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Coding articles"), readme.indexOf("### Output"));
    for (const f of formats) assert.match(section, f);
    for (const l of limits) assert.ok(section.includes(l), `the README does not give the limit ${l}`);
  });
});
