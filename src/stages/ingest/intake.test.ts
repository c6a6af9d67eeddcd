// Issue 7 end to end through readInputs: every reader chosen by content, and
// bad input of each kind reported with its file while the batch goes on.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { estimateArticles } from "./estimate.js";
import { readInputs } from "./read-inputs.js";
import { readStream } from "./read-stream.js";
import type { IngestItem, ReadOptions } from "./types.js";
import { warcRecord } from "./warc-writer.js";

const INTAKE = fileURLToPath(new URL("../../../test/fixtures/intake/", import.meta.url));

async function collect(paths: string[], opts: ReadOptions = {}): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}

/** "<file>: article:<id>" or "<file>: problem:<code>", files relative to `root`. */
function brief(items: IngestItem[], root = INTAKE): string[] {
  return items.map((i) => {
    const file = (i.kind === "article" ? i.article.origin?.file ?? "" : i.problem.file).replace(root, "");
    return `${file}: ${i.kind === "article" ? `article:${i.article.id}` : `problem:${i.problem.code}`}`;
  });
}

const STORY = "<p>Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing to commercial traffic from next month, ending a closure that has stranded hundreds of traders on both sides.</p>";

describe("intake (issue 7)", () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), "dyad-intake-"));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it("reads the fixture pages and feeds by content, whatever their names", async () => {
    const items = await collect([join(INTAKE, "pages"), join(INTAKE, "feeds")]);
    assert.deepEqual(brief(items), [
      "pages/dateline-only.html: article:dateline-only",
      "pages/fragment.html: article:fragment",
      "pages/french.html: problem:NOT_ENGLISH",
      "pages/jsonld-graph.html: article:https://www.capitalledger.example/national/pakistan-uzbekistan-rail-deal",
      "pages/no-date.html: problem:NO_DATE",
      "pages/section-front.html: problem:NO_ARTICLE",
      "pages/time-only.html: article:time-only",
      "pages/undeclared-1252.html: article:undeclared-1252",
      "pages/utf-16.html: article:utf-16",
      "pages/windows-1252.html: article:windows-1252",
      "pages/wire-story.html: article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
      "feeds/east-africa.atom: article:tag:riftmonitor.example,2024:/rail-link",
      "feeds/east-africa.atom: article:tag:riftmonitor.example,2024:/pipeline",
      "feeds/east-africa.atom: article:urn:uuid:3b1f0c7e-3d44-4c11-8f0e-2b7d6a9e1f55",
      "feeds/malformed.rss: problem:BAD_XML",
      "feeds/windows-1252.rss: article:https://gulfofguinea.example/cocoa-pact",
      "feeds/world.rss: article:courier-88213",
      "feeds/world.rss: article:https://harbourcourier.example/world/africa/somalia-kenya-patrols",
      "feeds/world.rss: problem:NO_DATE",
      "feeds/world.rss: problem:NOT_ENGLISH",
      "feeds/world.rss: problem:BAD_DATE",
      "feeds/world.rss: article:https://lakesidetribune.example/2024/06/08/uganda-rwanda-power",
    ]);
    // The same page in three encodings reads the same.
    const texts = items.flatMap((i) => (i.kind === "article" && /1252|utf-16/.test(i.article.id) ? [i.article.text] : []));
    assert.equal(texts.length, 3);
    assert.equal(new Set(texts).size, 1);
    assert.match(texts[0], /Côte d’Ivoire .*“We will not let traders/s);
    const rss1252 = items.find((i) => i.kind === "article" && i.article.id.includes("cocoa-pact"));
    assert.ok(rss1252?.kind === "article");
    assert.equal(rss1252.article.title, "Côte d’Ivoire and Ghana pledge cocoa price pact");
  });

  it("reads gzip around any format: JSON lines, a page, a feed, a WARC", async () => {
    const jsonl = JSON.stringify({ id: "g1", date: "2024-06-09", text: "The ministers met." }) + "\n" + JSON.stringify({ id: "g2", date: "2024-06-09", text: "They agreed." }) + "\n";
    writeFileSync(join(tmp, "a.jsonl.gz"), gzipSync(jsonl));
    writeFileSync(join(tmp, "b.gz"), gzipSync(readFileSync(join(INTAKE, "pages/wire-story.html"))));
    writeFileSync(join(tmp, "c.xml.gz"), gzipSync(readFileSync(join(INTAKE, "feeds/east-africa.atom"))));
    writeFileSync(join(tmp, "d.warc.gz"), Buffer.concat([await warcRecord({ type: "response", url: "https://islandpost.example/f", httpHeaders: { "Content-Type": "text/html" }, body: readFileSync(join(INTAKE, "pages/fragment.html")) }, true)]));
    // Gzip twice, as some pipelines do by mistake.
    writeFileSync(join(tmp, "e.gz"), gzipSync(gzipSync(jsonl)));
    const items = await collect(["a.jsonl.gz", "b.gz", "c.xml.gz", "d.warc.gz", "e.gz"].map((f) => join(tmp, f)));
    assert.deepEqual(brief(items, tmp + "/"), [
      "a.jsonl.gz: article:g1",
      "a.jsonl.gz: article:g2",
      "b.gz: article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
      "c.xml.gz: article:tag:riftmonitor.example,2024:/rail-link",
      "c.xml.gz: article:tag:riftmonitor.example,2024:/pipeline",
      "c.xml.gz: article:urn:uuid:3b1f0c7e-3d44-4c11-8f0e-2b7d6a9e1f55",
      "d.warc.gz: article:https://islandpost.example/f",
      "e.gz: article:g1",
      "e.gz: article:g2",
    ]);
    assert.ok(items[0].kind === "article");
    assert.deepEqual(items[0].article.origin, { file: join(tmp, "a.jsonl.gz"), line: 1 });
  });

  it("reports each kind of bad input with its file and reads the rest of the batch", async () => {
    const dir = mkdtempSync(join(tmp, "batch-"));
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `t${i}`, date: "2024-06-09", text: `Record ${i} of a long file.` })).join("\n");
    const gz = gzipSync(lines);
    writeFileSync(join(dir, "1-truncated.jsonl.gz"), gz.subarray(0, Math.floor(gz.length / 2)));
    writeFileSync(join(dir, "2-corrupt.gz"), Buffer.concat([gz.subarray(0, 20), Buffer.alloc(200, 0xaa)]));
    writeFileSync(join(dir, "3-malformed.xml"), '<?xml version="1.0"?>\n<rss><channel>\n<item><title>x</item>\n</channel></rss>');
    writeFileSync(join(dir, "4-sitemap.xml"), '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>');
    writeFileSync(join(dir, "5-binary-markup.html"), Buffer.concat([Buffer.from("<html>"), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256))]));
    writeFileSync(join(dir, "6-index.html"), readFileSync(join(INTAKE, "pages/section-front.html")));
    writeFileSync(join(dir, "7-ok.html"), readFileSync(join(INTAKE, "pages/wire-story.html")));
    const items = await collect([dir]);
    const out = brief(items, dir + "/");
    const truncated = out.filter((b) => b.startsWith("1-truncated"));
    assert.ok(truncated.length > 100, "the records before the cut are read");
    assert.equal(truncated.at(-1), "1-truncated.jsonl.gz: problem:BAD_GZIP");
    assert.deepEqual(out.filter((b) => !b.startsWith("1-truncated")), [
      "2-corrupt.gz: problem:BAD_GZIP",
      "3-malformed.xml: problem:BAD_XML",
      "4-sitemap.xml: problem:UNSUPPORTED",
      "5-binary-markup.html: problem:BINARY",
      "6-index.html: problem:NO_ARTICLE",
      "7-ok.html: article:https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
    ]);
    const gzipProblem = items.find((i) => i.kind === "problem" && i.problem.code === "BAD_GZIP");
    assert.ok(gzipProblem?.kind === "problem");
    assert.match(gzipProblem.problem.message, /truncated .* after [\d,]+ inflated bytes; the [\d,]+ article\(s\) before it were read/);
    const xml = items.find((i) => i.kind === "problem" && i.problem.code === "BAD_XML");
    assert.ok(xml?.kind === "problem");
    assert.equal(xml.problem.line, 3);
  });

  it("refuses a 50 MB page above the cap before parsing it, from a file or a stream", async () => {
    const file = join(tmp, "huge.html");
    const fd = openSync(file, "w");
    writeSync(fd, "<!DOCTYPE html><html><body>" + STORY);
    closeSync(fd);
    truncateSync(file, 50 * 1024 * 1024); // sparse: costs no disk space
    const t0 = Date.now();
    const [fromFile] = await collect([file]);
    assert.ok(fromFile.kind === "problem");
    assert.equal(fromFile.problem.code, "TOO_LARGE");
    assert.match(fromFile.problem.message, /the file has 52,428,800 bytes; pages over 16,777,216 bytes are not parsed/);

    let pulled = 0;
    async function* page() {
      yield Buffer.from("<!DOCTYPE html><html><body>" + STORY);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 50; i++, pulled++) yield chunk;
    }
    const items: IngestItem[] = [];
    for await (const item of readStream(Readable.from(page(), { objectMode: false }), "<stdin>", {})) items.push(item);
    assert.deepEqual(brief(items), ["<stdin>: problem:TOO_LARGE"]);
    assert.ok(pulled < 20, `read ${pulled} MB of 50`);
    assert.ok(Date.now() - t0 < 5000, `took ${Date.now() - t0} ms`);
  });

  it("decodes UTF-16 with a BOM and windows-1252 text instead of calling them binary", async () => {
    const jsonl = JSON.stringify({ id: "u1", date: "2024-06-09", text: "Côte d’Ivoire’s minister met his Ghanaian counterpart." }) + "\n";
    writeFileSync(join(tmp, "le.jsonl"), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(jsonl, "utf-16le")]));
    writeFileSync(join(tmp, "be.txt"), Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode("date 2024-06-09 Côte d’Ivoire’s minister met his Ghanaian counterpart.", "utf-16be")]));
    writeFileSync(join(tmp, "cp.txt"), iconv.encode("date 2024-06-09 “Côte d’Ivoire’s minister met his Ghanaian counterpart,” officials said – in Abidjan.", "windows-1252"));
    const items = await collect(["le.jsonl", "be.txt", "cp.txt"].map((f) => join(tmp, f)));
    assert.deepEqual(items.map((i) => (i.kind === "article" ? i.article.text : i.problem.code)), [
      "Côte d’Ivoire’s minister met his Ghanaian counterpart.",
      "Côte d’Ivoire’s minister met his Ghanaian counterpart.",
      "“Côte d’Ivoire’s minister met his Ghanaian counterpart,” officials said – in Abidjan.",
    ]);
  });

  it("screens JSON lines and dated text for language too", async () => {
    const fr = "Le Sénégal et la Mauritanie ont signé mercredi un accord sur l'exploitation commune d'un gisement de gaz situé à la frontière maritime entre les deux pays, a annoncé le ministère sénégalais des Affaires étrangères. Les deux ministres se sont engagés à partager les recettes.";
    writeFileSync(join(tmp, "mixed-lang.jsonl"), [{ id: "fr", date: "2024-06-05", text: fr }, { id: "en", date: "2024-06-05", text: "The ministers met." }].map((r) => JSON.stringify(r)).join("\n"));
    const items = await collect([join(tmp, "mixed-lang.jsonl")]);
    assert.deepEqual(brief(items, tmp + "/"), ["mixed-lang.jsonl: problem:NOT_ENGLISH", "mixed-lang.jsonl: article:en"]);
    assert.ok(items[0].kind === "problem");
    assert.equal(items[0].problem.line, 1);
    assert.equal((await collect([join(tmp, "mixed-lang.jsonl")], { allLanguages: true })).length, 2);
  });
});

describe("estimateArticles", () => {
  it("counts feed items, WARC pages and JSON lines, and gives up on URLs", async () => {
    assert.equal(await estimateArticles([join(INTAKE, "feeds/world.rss")]), 6);
    assert.equal(await estimateArticles([join(INTAKE, "pages")]), 11);
    assert.equal(await estimateArticles(["https://example.org/feed.xml"]), undefined);
    const dir = mkdtempSync(join(tmpdir(), "dyad-estimate-"));
    try {
      const page = { "Content-Type": "text/html" };
      const records = [];
      for (let i = 0; i < 5; i++) {
        records.push(await warcRecord({ type: "request", url: `https://x.example/${i}`, statusline: `GET /${i} HTTP/1.1` }, true));
        records.push(await warcRecord({ type: "response", url: `https://x.example/${i}`, httpHeaders: page, body: `<p>Page ${i}</p>` }, true));
      }
      writeFileSync(join(dir, "crawl.warc.gz"), Buffer.concat(records));
      writeFileSync(join(dir, "lines.jsonl.gz"), gzipSync('{"a":1}\n{"a":2}\n\n{"a":3}\n'));
      assert.equal(await estimateArticles([join(dir, "crawl.warc.gz")]), 5);
      assert.equal(await estimateArticles([join(dir, "lines.jsonl.gz")]), 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
