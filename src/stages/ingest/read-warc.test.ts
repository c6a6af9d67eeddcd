import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import { readStream } from "./read-stream.js";
import type { IngestItem, ReadOptions } from "./types.js";
import { warcRecords } from "./warc.js";
import { warcRecord } from "./warc-writer.js";

const PAGES = fileURLToPath(new URL("../../../test/fixtures/intake/pages/", import.meta.url));
const page = (name: string) => readFileSync(join(PAGES, name));

async function collect(bytes: Buffer | AsyncIterable<Buffer>, opts: ReadOptions = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  const source = Buffer.isBuffer(bytes) ? Readable.from([bytes], { objectMode: false }) : Readable.from(bytes, { objectMode: false });
  for await (const item of readStream(source, "crawl.warc", opts)) out.push(item);
  return out;
}

function brief(items: IngestItem[]): string[] {
  return items.map((i) => (i.kind === "article" ? `article:${i.article.id}` : `problem:${i.problem.code}`));
}

/** A small crawl: the pages around the ones worth coding, as a crawler stores them. */
async function crawl(gzip: boolean): Promise<Buffer> {
  const html = { "Content-Type": "text/html; charset=utf-8" };
  return Buffer.concat([
    await warcRecord({ type: "warcinfo", body: "software: test-crawler\r\n" }, gzip),
    await warcRecord({ type: "request", url: "https://harbourcourier.example/world/1", statusline: "GET /world/1 HTTP/1.1", httpHeaders: { Host: "harbourcourier.example" } }, gzip),
    await warcRecord({ type: "response", url: "https://harbourcourier.example/world/1", httpHeaders: html, body: page("wire-story.html") }, gzip),
    await warcRecord({ type: "metadata", url: "https://harbourcourier.example/world/1", body: "outlinks: 12\r\n" }, gzip),
    await warcRecord({ type: "response", url: "https://islandpost.example/logo.png", httpHeaders: { "Content-Type": "image/png" }, body: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]) }, gzip),
    await warcRecord({ type: "response", url: "https://islandpost.example/old", statusline: "HTTP/1.1 301 Moved Permanently", httpHeaders: { Location: "/fisheries", "Content-Type": "text/html" }, body: "<html>moved</html>" }, gzip),
    await warcRecord({ type: "response", url: "https://islandpost.example/fisheries", date: "2024-06-20T08:00:00Z", httpHeaders: { "Content-Type": "text/html" }, body: page("no-date.html") }, gzip),
    await warcRecord({ type: "response", url: "https://harbourcourier.example/world", httpHeaders: html, body: page("section-front.html") }, gzip),
  ]);
}

describe("readWarc", () => {
  for (const gzip of [false, true]) {
    it(`reads the HTML pages of a ${gzip ? "gzipped " : ""}WARC and skips every other record`, async () => {
      const items = await collect(await crawl(gzip));
      assert.deepEqual(brief(items), [
        "article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
        "article:https://islandpost.example/fisheries",
        "problem:NO_ARTICLE",
      ]);
      const [a, b, c] = items;
      assert.ok(a.kind === "article" && b.kind === "article" && c.kind === "problem");
      assert.equal(a.article.date, "2024-06-11", "the page's own date");
      // No date on the page: the WARC-Date, and the target URI as its URL.
      assert.deepEqual([b.article.date, b.article.url, b.article.source], ["2024-06-20", "https://islandpost.example/fisheries", "Island Post"]);
      assert.equal(b.article.origin?.file, "crawl.warc");
      assert.match(c.problem.message, /^WARC record 8 \(https:\/\/harbourcourier\.example\/world\): expected an article/);
    });
  }

  it("decodes a page by the charset in its HTTP header, and undoes chunking and gzip", async () => {
    const html = readFileSync(join(PAGES, "windows-1252.html"), "latin1").replace(/<meta http-equiv[^>]*>/, "");
    const bytes = Buffer.from(html, "latin1");
    const gz = gzipSync(bytes);
    const chunked = Buffer.concat([Buffer.from(`${gz.length.toString(16)}\r\n`), gz, Buffer.from("\r\n0\r\n\r\n")]);
    const warc = Buffer.concat([
      await warcRecord({ type: "response", url: "https://gulfofguinea.example/a", httpHeaders: { "Content-Type": "text/html; charset=windows-1252" }, body: bytes }),
      await warcRecord({ type: "response", url: "https://gulfofguinea.example/b", httpHeaders: { "Content-Type": "text/html; charset=windows-1252", "Content-Encoding": "gzip", "Transfer-Encoding": "chunked" }, body: chunked }),
    ]);
    const items = await collect(warc);
    assert.equal(items.length, 2);
    for (const item of items) {
      assert.ok(item.kind === "article", JSON.stringify(item));
      assert.match(item.article.text, /^ABIDJAN — Côte d’Ivoire and Ghana/);
      assert.match(item.article.text, /“We will not let traders/);
    }
  });

  it("reports a truncated record by number after the pages before it", async () => {
    const whole = await crawl(false);
    const cut = whole.subarray(0, whole.indexOf("Island Post") + 20);
    const items = await collect(cut);
    assert.deepEqual(brief(items), ["article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing", "problem:BAD_WARC"]);
    const last = items[1];
    assert.ok(last.kind === "problem");
    assert.match(last.problem.message, /^WARC record 7 \(https:\/\/islandpost\.example\/fisheries\) is truncated: its Content-Length is [\d,]+ bytes, but the archive ends after [\d,]+/);
  });

  it("reports a truncated .warc.gz as BAD_GZIP after the pages before it", async () => {
    const whole = await crawl(true);
    const items = await collect(whole.subarray(0, whole.length - 900));
    assert.deepEqual(brief(items).slice(0, 2), ["article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing", "article:https://islandpost.example/fisheries"]);
    assert.deepEqual(brief(items).slice(-1), ["problem:BAD_GZIP"]);
  });

  it("skips bytes that are not a WARC record and reads the records after them", async () => {
    const good = await warcRecord({ type: "response", url: "https://harbourcourier.example/world/1", httpHeaders: { "Content-Type": "text/html" }, body: page("wire-story.html") });
    const items = await collect(Buffer.concat([good, Buffer.from("<html>stray bytes</html>\r\n"), good]));
    const story = "article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing";
    assert.deepEqual(brief(items), [story, "problem:BAD_WARC", story]);
    assert.ok(items[1].kind === "problem");
    assert.match(items[1].problem.message, /expected WARC record 2 to start with a "WARC\/1\.x" line at byte [\d,]+; found "<html>stray bytes<\/html>" .*; skipped 26 bytes to the next record/);
  });

  it("says what an archive held when it has no HTML page", async () => {
    const warc = Buffer.concat([
      await warcRecord({ type: "warcinfo", body: "software: x\r\n" }),
      await warcRecord({ type: "request", url: "https://x.example/a.jpg", statusline: "GET /a.jpg HTTP/1.1" }),
      await warcRecord({ type: "response", url: "https://x.example/a.jpg", httpHeaders: { "Content-Type": "image/jpeg" }, body: new Uint8Array([0xff, 0xd8, 0xff]) }),
    ]);
    const items = await collect(warc);
    assert.deepEqual(brief(items), ["problem:NO_ARTICLE"]);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /found 3 record\(s\): warcinfo ×1, request ×1, response \(image\/jpeg\) ×1/);
  });

  it("refuses a page over the cap without holding it, and reads the record after it", async () => {
    const size = 20 * 1024 * 1024;
    const http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/huge\r\nWARC-Date: 2024-06-11T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length + size}\r\n\r\n${http}`;
    const after = await warcRecord({ type: "response", url: "https://harbourcourier.example/world/1", httpHeaders: { "Content-Type": "text/html" }, body: page("wire-story.html") });
    // Streams copy chunks as they pass, so external memory is measured after
    // a full collection, three quarters into the huge body.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    // Backing stores are freed off the main thread: collect, wait, collect again.
    const settled = async () => {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      return process.memoryUsage().arrayBuffers;
    };
    let pulled = 0;
    let held = 0;
    async function* stream() {
      yield Buffer.from(head);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      for (let sent = 0; sent < size; sent += chunk.length) {
        if (++pulled === 240) held = await settled();
        yield chunk;
      }
      yield Buffer.from("\r\n\r\n");
      yield after;
    }
    const before = await settled();
    const items = await collect(stream());
    assert.deepEqual(brief(items), ["problem:TOO_LARGE", "article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing"]);
    assert.equal(pulled, size / (64 * 1024));
    assert.ok(held - before < 4 * 1024 * 1024, `the huge page was skipped, not held (${held - before} bytes held)`);
  });

  it("pulls no more of the archive than the records read so far", async () => {
    const one = await warcRecord({ type: "response", url: "https://harbourcourier.example/world/1", httpHeaders: { "Content-Type": "text/html" }, body: page("wire-story.html") });
    let pulled = 0;
    async function* many() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield one;
      }
    }
    const source = Readable.from(many(), { objectMode: false, highWaterMark: 1 });
    for await (const item of readStream(source, "crawl.warc", {})) {
      assert.equal(item.kind, "article");
      break;
    }
    assert.ok(pulled < 50, `pulled ${pulled} of 1000 records`);
  });
});

describe("warcRecords", () => {
  it("reads WARC/1.0 headers: folded lines, a bracketed target URI, any number of blank lines between records", async () => {
    const block = "hello";
    const rec = `WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <https://x.example/a>\r\nX-Note: one\r\n  two\r\nContent-Length: ${block.length}\r\n\r\n${block}`;
    async function* src() {
      yield Buffer.from(`${rec}\r\n\r\n\r\n${rec}\n\n`);
    }
    const seen: string[] = [];
    for await (const r of warcRecords(src())) seen.push(`${r.n}:${r.type}:${r.targetUri}:${r.headers.get("x-note")}:${(await r.block.read()).toString()}`);
    assert.deepEqual(seen, ["1:resource:https://x.example/a:one two:hello", "2:resource:https://x.example/a:one two:hello"]);
  });

  it("skips a record without a valid Content-Length up to the next record", async () => {
    async function* src() {
      yield Buffer.from("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/\r\nContent-Length: lots\r\n\r\nbody\r\n\r\n");
      yield Buffer.from("WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nok\r\n\r\n");
    }
    const skipped: string[] = [];
    const types: string[] = [];
    for await (const r of warcRecords(src(), (m) => skipped.push(m))) types.push(`${r.n} ${r.type}`);
    assert.deepEqual(types, ["2 warcinfo"]);
    assert.equal(skipped.length, 1);
    assert.match(skipped[0], /WARC record 1 \(https:\/\/x\.example\/\) has no valid Content-Length \(found "lots"\); it was skipped/);
  });
});
