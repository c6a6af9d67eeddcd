import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { isUrlInput } from "./fetch-url.js";
import { readInputs } from "./read-inputs.js";
import type { IngestItem, ReadOptions } from "./types.js";

const INTAKE = fileURLToPath(new URL("../../../test/fixtures/intake/", import.meta.url));
const fixture = (name: string) => readFileSync(join(INTAKE, name));

async function collect(paths: string[], opts: ReadOptions = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}

function brief(items: IngestItem[]): string[] {
  return items.map((i) => (i.kind === "article" ? `article:${i.article.id}` : `problem:${i.problem.code}`));
}

describe("URL inputs", () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];
  before(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? "");
      const send = (status: number, type: string, body: Buffer | string, extra: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": type, ...extra });
        res.end(body);
      };
      switch (req.url) {
        case "/feed.xml": return send(200, "application/rss+xml", fixture("feeds/world.rss"));
        case "/story": return send(200, "text/html; charset=utf-8", fixture("pages/wire-story.html"));
        case "/moved": return send(302, "text/html", "", { location: "/fragment" });
        case "/fragment": return send(200, "text/html", fixture("pages/fragment.html"));
        case "/nodate": return send(200, "text/html", fixture("pages/no-date.html"));
        // The charset only in the HTTP header, the page itself silent.
        case "/cp1252": return send(200, "text/html; charset=windows-1252", Buffer.from(fixture("pages/windows-1252.html").toString("latin1").replace(/<meta http-equiv[^>]*>/, ""), "latin1"));
        case "/gzipped": return send(200, "text/html", gzipSync(fixture("pages/wire-story.html")), { "content-encoding": "gzip" });
        case "/feed.xml.gz": return send(200, "application/gzip", gzipSync(fixture("feeds/east-africa.atom")));
        case "/big": return send(200, "text/html", Buffer.alloc(300_000, 0x20), { "content-length": "300000" });
        case "/slow":
          res.writeHead(200, { "content-type": "text/html" });
          res.write("<html><body><p>The first words arrive, then nothing more.</p>");
          return; // never ended: the client's timeout must end it
        case "/endless": {
          // No Content-Length: the cap must stop the reading.
          res.writeHead(200, { "content-type": "application/x-ndjson" });
          const line = JSON.stringify({ id: "r", date: "2024-06-09", text: "The ministers met." }) + "\n";
          const more = () => { while (res.write(line.repeat(100))) { /* fill the socket */ } };
          res.on("drain", more);
          more();
          return;
        }
        default: return send(404, "text/plain", "not found");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it("knows a URL from a path", () => {
    assert.equal(isUrlInput("https://example.org/feed.xml"), true);
    assert.equal(isUrlInput("HTTP://example.org/"), true);
    assert.equal(isUrlInput("./https/feed.xml"), false);
    assert.equal(isUrlInput("ftp://example.org/"), false);
  });

  it("fetches a feed and a page and reads them by content", async () => {
    const items = await collect([`${base}/feed.xml`, `${base}/story`]);
    assert.deepEqual(brief(items).filter((b) => b.startsWith("article")), [
      "article:courier-88213",
      "article:https://harbourcourier.example/world/africa/somalia-kenya-patrols",
      "article:https://lakesidetribune.example/2024/06/08/uganda-rwanda-power",
      "article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
    ]);
    const feedItem = items[0];
    assert.ok(feedItem.kind === "article");
    assert.equal(feedItem.article.origin?.file, `${base}/feed.xml`);
  });

  it("follows redirects, and gives a page without a canonical link the final URL and its host", async () => {
    const [a] = await collect([`${base}/moved`]);
    assert.ok(a.kind === "article", JSON.stringify(a));
    assert.deepEqual([a.article.id, a.article.url, a.article.source, a.article.origin?.file], [`${base}/fragment`, `${base}/fragment`, "127.0.0.1", `${base}/moved`]);
  });

  it("reports a page without a date by its URL", async () => {
    const [p] = await collect([`${base}/nodate`]);
    assert.ok(p.kind === "problem");
    assert.deepEqual([p.problem.code, p.problem.file], ["NO_DATE", `${base}/nodate`]);
  });

  it("decodes by the HTTP charset, and reads gzip whether the server or the file applied it", async () => {
    const items = await collect([`${base}/cp1252`, `${base}/gzipped`, `${base}/feed.xml.gz`]);
    assert.equal(items.length, 5);
    const [cp] = items;
    assert.ok(cp.kind === "article");
    assert.equal(cp.article.url, `${base}/cp1252`);
    assert.equal(cp.article.source, "Gulf of Guinea Review");
    assert.match(cp.article.text, /^ABIDJAN — Côte d’Ivoire .*“We will not/s);
    assert.ok(items.every((i) => i.kind === "article"), JSON.stringify(brief(items)));
  });

  it("reports an HTTP error, a refused connection, a timeout and an oversize body as FETCH_FAILED, then goes on", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const t0 = Date.now();
    const items = await collect(
      [`${base}/missing`, `http://127.0.0.1:${deadPort}/feed.xml`, `${base}/slow`, `${base}/big`, `${base}/endless`, `${base}/story`],
      { fetchTimeoutMs: 500, maxFetchBytes: 200_000 },
    );
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
    const problems = items.filter((i) => i.kind === "problem");
    assert.deepEqual(problems.map((p) => p.kind === "problem" && [p.problem.code, p.problem.file]), [
      ["FETCH_FAILED", `${base}/missing`],
      ["FETCH_FAILED", `http://127.0.0.1:${deadPort}/feed.xml`],
      ["FETCH_FAILED", `${base}/slow`],
      ["FETCH_FAILED", `${base}/big`],
      ["FETCH_FAILED", `${base}/endless`],
    ]);
    const messages = problems.map((p) => (p.kind === "problem" ? p.problem.message : ""));
    assert.match(messages[0], /expected HTTP 200 from .*\/missing; found HTTP 404 Not Found/);
    assert.match(messages[1], /ECONNREFUSED/);
    assert.match(messages[2], /no complete response within 500 ms/);
    assert.match(messages[3], /its Content-Length is 300,000/);
    assert.match(messages[4], /expected at most 200,000 bytes .* it sent more/);
    // The endless stream's records before the cap were read; the last input still was.
    assert.ok(items.filter((i) => i.kind === "article" && i.article.id === "r").length > 100);
    assert.deepEqual(brief(items).slice(-1), ["article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing"]);
  });

  it("with followLinks, reads a summary-only feed item from its page, dated by the item if need be", async () => {
    const feed = `<rss><channel><title>Local</title>
      <item><title>Story</title><link>${base}/story</link><pubDate>Tue, 11 Jun 2024 07:45:00 GMT</pubDate><description>Short.</description></item>
      <item><title>Undated page</title><link>${base}/nodate</link><pubDate>Fri, 21 Jun 2024 09:00:00 GMT</pubDate><description>Short.</description></item>
      <item><title>Gone</title><link>${base}/missing</link><pubDate>Fri, 21 Jun 2024 09:00:00 GMT</pubDate><description>Short.</description></item>
    </channel></rss>`;
    const dir = mkdtempSync(join(tmpdir(), "dyad-follow-"));
    const tmp = join(dir, "feed.xml");
    writeFileSync(tmp, feed);
    try {
      const items = await collect([tmp], { followLinks: true });
      assert.deepEqual(brief(items), [
        "article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
        `article:${base}/nodate`,
        "problem:FETCH_FAILED",
      ]);
      assert.ok(items[1].kind === "article");
      assert.deepEqual([items[1].article.date, items[1].article.source], ["2024-06-21", "Island Post"]);
      const plain = await collect([tmp]);
      assert.deepEqual(plain.map((i) => i.kind === "article" && i.article.text), ["Short.", "Short.", "Short."]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
