import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, chmodSync, truncateSync, openSync, writeSync, closeSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInputs } from "./read-inputs.js";
import { contentHash } from "./article-id.js";
import type { IngestItem, ReadOptions } from "./types.js";

// From dist/stages/ingest/ three levels up is the project root.
const FIX = fileURLToPath(new URL("../../../test/fixtures/ingest/", import.meta.url));
const SHARED = fileURLToPath(new URL("../../../../shared/", import.meta.url));
const DEV = join(SHARED, "eval/dev.jsonl");
const SEED = join(SHARED, "examples/seed-article.txt");

async function collect(paths: string[], opts: ReadOptions = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}

/** "article:<id>" or "problem:<code>@<line>", to compare whole sequences at once. */
function brief(items: IngestItem[]): string[] {
  return items.map((i) => (i.kind === "article" ? `article:${i.article.id}` : `problem:${i.problem.code}@${i.problem.line ?? "-"}`));
}

describe("readInputs", () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), "dyad-ingest-"));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("finds the fixtures from the compiled test file", () => {
    assert.match(FIX.replaceAll("\\", "/"), /\/test\/fixtures\/ingest\/$/);
    assert.doesNotMatch(FIX, /dist/);
    assert.ok(existsSync(join(FIX, "mixed.jsonl")), FIX);
  });

  it("reads a JSON-lines file with good and bad lines, one item per non-blank line", async () => {
    const items = await collect([join(FIX, "mixed.jsonl")]);
    assert.deepEqual(brief(items), [
      "article:m-1",
      "article:42",
      "problem:BAD_JSON@4",
      "problem:MISSING_FIELD@5",
      "problem:BAD_DATE@6",
      "problem:BAD_DATE@7",
      "problem:NOT_OBJECT@8",
      "problem:BAD_FIELD@9",
      "problem:EMPTY_TEXT@10",
      "article:https://example.org/u",
      `article:${contentHash("Hash me.")}`,
    ]);
    const first = items[0];
    assert.ok(first.kind === "article");
    assert.deepEqual(first.article, {
      id: "m-1",
      url: "https://example.org/1",
      date: "2024-06-09",
      title: "Ministers meet",
      text: "Turkey's foreign minister met his Greek counterpart in Athens.",
      origin: { file: join(FIX, "mixed.jsonl"), line: 1 },
    });
    assert.ok(items[1].kind === "article" && items[1].article.date === "2024-06-10");
    assert.ok(items[9].kind === "article" && items[9].article.date === "2024-06-12");
    for (const i of items) if (i.kind === "problem") assert.equal(i.problem.file, join(FIX, "mixed.jsonl"));
  });

  it("reads dated articles, with the file name as id and the date line's number", async () => {
    const items = await collect([join(FIX, "dated")]);
    assert.deepEqual(brief(items), ["article:bagheri-dar", "article:date-own-line"]);
    assert.ok(items[0].kind === "article" && items[1].kind === "article");
    assert.equal(items[0].article.date, "2024-06-09");
    assert.match(items[0].article.text, /^Iran's Acting Foreign Minister Ali Bagheri met .*\n\nThe two ministers discussed trade between their countries and the war in Gaza\.$/s);
    assert.equal(items[1].article.date, "2024-06-10");
    assert.equal(items[1].article.origin?.line, 3);
    assert.match(items[1].article.text, /^NAIROBI: Kenya's president/);
  });

  it("reports plain text without a date, and reads it with opts.date", async () => {
    const file = join(FIX, "plain/no-date.txt");
    const [p] = await collect([file]);
    assert.ok(p.kind === "problem");
    assert.equal(p.problem.code, "NO_DATE");
    assert.equal(p.problem.file, file);
    const [a] = await collect([file], { date: "2024-06-01" });
    assert.ok(a.kind === "article");
    assert.deepEqual([a.article.id, a.article.date], ["no-date", "2024-06-01"]);
    assert.equal(a.article.text, "ABUJA: Nigeria's foreign minister called on ECOWAS to lift sanctions on Niger.");
  });

  it("reports empty and whitespace-only files", async () => {
    assert.deepEqual(brief(await collect([join(FIX, "empty.txt"), join(FIX, "blank.txt")])), ["problem:EMPTY_FILE@-", "problem:EMPTY_FILE@-"]);
  });

  it("walks folders depth first in string order, skipping dotfiles and dot-folders", async () => {
    const items = await collect([join(FIX, "tree")]);
    assert.deepEqual(brief(items), ["article:Z-upper", "article:a-first", "article:c-1", "article:c-2", "article:d"]);
    assert.ok(items[4].kind === "article");
    assert.equal(items[4].article.origin?.file, join(FIX, "tree", "b-folder", "deep", "d.txt"));
  });

  it("reports a missing path and goes on with the next", async () => {
    const items = await collect([join(tmp, "no-such-file.txt"), join(FIX, "tree/a-first.txt")]);
    assert.deepEqual(brief(items), ["problem:NOT_FOUND@-", "article:a-first"]);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /no such path/);
  });

  it("reports binary junk once and reads nothing from it", async () => {
    const withNul = join(tmp, "junk.bin");
    const bytes = Buffer.alloc(50_000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
    writeFileSync(withNul, bytes);
    // High bytes only: no NUL, but almost all invalid UTF-8.
    const noNul = join(tmp, "latin.bin");
    writeFileSync(noNul, Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + (i % 64))));
    const items = await collect([withNul, noNul]);
    assert.deepEqual(brief(items), ["problem:BINARY@-", "problem:BINARY@-"]);
  });

  it("handles a BOM and mixed CRLF/LF line endings in JSON lines and dated text", async () => {
    const jsonl = join(tmp, "crlf.jsonl");
    writeFileSync(jsonl, '\uFEFF{"id":"a","date":"2024-06-09","text":"A."}\r\n\r\n{"id":"b","date":"2024-06-09","text":"B."}\n{"id":"c","date":"2024-06-09","text":"C."}\r\n');
    const items = await collect([jsonl]);
    assert.deepEqual(brief(items), ["article:a", "article:b", "article:c"]);
    assert.deepEqual(items.map((i) => (i.kind === "article" ? i.article.origin?.line : 0)), [1, 3, 4]);
    const dated = join(tmp, "crlf.txt");
    writeFileSync(dated, "\uFEFFdate 2024-06-09 Line one.\r\nLine two.\nLine three.\r\n");
    const [a] = await collect([dated]);
    assert.ok(a.kind === "article");
    assert.equal(a.article.text, "Line one.\nLine two.\nLine three.");
  });

  it("skips a 5 MB article as TOO_LARGE without hanging, and reads the lines after it", async () => {
    const big = "The ministers met again. ".repeat(200_000); // 5,000,000 characters
    const dated = join(tmp, "big.txt");
    writeFileSync(dated, "date 2024-06-09 " + big + "\n");
    const jsonl = join(tmp, "big.jsonl");
    writeFileSync(jsonl, JSON.stringify({ id: "big", date: "2024-06-09", text: big }) + "\n" + JSON.stringify({ id: "small", date: "2024-06-09", text: "ok" }) + "\n");
    const t0 = Date.now();
    const items = await collect([dated, jsonl]);
    assert.deepEqual(brief(items), ["problem:TOO_LARGE@1", "problem:TOO_LARGE@1", "article:small"]);
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /1,000,000 characters/);
    // With a higher limit the same file is one article of the full text.
    const [a] = await collect([dated], { maxArticleBytes: 6_000_000 });
    assert.ok(a.kind === "article");
    assert.equal(a.article.text, big.trim());
  });

  it("refuses an article file over 64 MB before reading it", async () => {
    const huge = join(tmp, "huge.txt");
    const fd = openSync(huge, "w");
    writeSync(fd, "date 2024-06-09 " + "Words and more words. ".repeat(1000));
    closeSync(fd);
    truncateSync(huge, 70 * 1024 * 1024); // sparse: costs no disk space
    const items = await collect([huge], { maxArticleBytes: 200 * 1024 * 1024 });
    assert.deepEqual(brief(items), ["problem:TOO_LARGE@-"]);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /73,400,320 bytes/);
  });

  it("reports a path that cannot be opened as UNREADABLE", async (t) => {
    const sock = join(tmp, "s.sock");
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const items = await collect([sock]);
      assert.deepEqual(brief(items), ["problem:UNREADABLE@-"]);
    } finally {
      server.close();
    }
    if (process.getuid?.() === 0) {
      t.diagnostic("running as root: file permissions cannot be tested");
      return;
    }
    const locked = join(tmp, "locked.txt");
    writeFileSync(locked, "date 2024-06-09 Secret.");
    chmodSync(locked, 0o000);
    assert.deepEqual(brief(await collect([locked])), ["problem:UNREADABLE@-"]);
  });

  it('reads "-" from stdin, by content', () => {
    const index = new URL("./index.js", import.meta.url).href;
    const script = `import { readInputs } from ${JSON.stringify(index)};
      for await (const item of readInputs(["-"], {})) console.log(JSON.stringify(item));`;
    const run = (input: string) => {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { input, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as IngestItem);
    };
    const jsonl = run('{"id":"s1","date":"2024-06-09","text":"One."}\n{bad\n');
    assert.deepEqual(brief(jsonl), ["article:s1", "problem:BAD_JSON@2"]);
    assert.ok(jsonl[1].kind === "problem" && jsonl[1].problem.file === "<stdin>");
    const [dated] = run("date 2024-06-09 From a pipe.\r\n");
    assert.ok(dated.kind === "article");
    assert.deepEqual(dated.article, { id: contentHash("From a pipe."), date: "2024-06-09", text: "From a pipe.", origin: { file: "<stdin>", line: 1 } });
  });

  it("stops cleanly when the consumer stops early", async () => {
    for await (const item of readInputs([join(FIX, "mixed.jsonl")], {})) {
      assert.equal(item.kind, "article");
      break;
    }
  });

  it("reads the shared dev set: 59 articles, no problems", { skip: !existsSync(DEV) && "shared/ not present" }, async () => {
    const items = await collect([DEV]);
    const problems = items.filter((i) => i.kind === "problem");
    assert.deepEqual(problems, []);
    assert.equal(items.length, 59);
    assert.equal(new Set(items.map((i) => (i.kind === "article" ? i.article.id : ""))).size, 59, "ids are unique");
  });

  it("reads the seed article", { skip: !existsSync(SEED) && "shared/ not present" }, async () => {
    const items = await collect([SEED]);
    assert.equal(items.length, 1);
    const a = items[0];
    assert.ok(a.kind === "article", JSON.stringify(a));
    assert.equal(a.article.date, "2024-06-09");
    assert.equal(a.article.id, "seed-article");
    assert.ok(a.article.text.startsWith("Iran’s Acting Foreign Minister"), a.article.text.slice(0, 40));
  });
});
