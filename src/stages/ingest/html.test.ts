import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readHtmlPage } from "./html.js";
import type { IngestItem, ReadOptions, SourceHints } from "./types.js";

// From dist/stages/ingest/ three levels up is the project root.
const PAGES = fileURLToPath(new URL("../../../test/fixtures/intake/pages/", import.meta.url));

function read(name: string, hints: SourceHints = {}, opts: ReadOptions = {}): IngestItem {
  return readHtmlPage(readFileSync(join(PAGES, name), "utf8"), { file: name }, hints, opts);
}

function article(item: IngestItem) {
  assert.equal(item.kind, "article", JSON.stringify(item));
  return item.kind === "article" ? item.article : (undefined as never);
}

function problemOf(item: IngestItem) {
  assert.equal(item.kind, "problem", JSON.stringify(item));
  return item.kind === "problem" ? item.problem : (undefined as never);
}

/** A page with the given head and a story long enough to be an article. */
function page(head: string, body = "", story = STORY): string {
  return `<!DOCTYPE html><html><head>${head}</head><body>${body}<article><h1>Talks</h1>${story}</article></body></html>`;
}
const STORY = "<p>Kenya and Ethiopia agreed on Tuesday to reopen the Moyale border crossing to commercial traffic from next month, ending a closure that has stranded traders.</p><p>The two foreign ministers signed the agreement in Nairobi after two days of talks, officials said.</p>";

describe("readHtmlPage", () => {
  it("reads a cluttered news page: main text, date, title, canonical URL and outlet", () => {
    const a = article(read("wire-story.html", { url: "https://harbourcourier.example/?p=88213" }));
    assert.equal(a.id, "https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing");
    assert.equal(a.url, a.id);
    assert.equal(a.source, "The Harbour Courier");
    assert.equal(a.date, "2024-06-11");
    assert.equal(a.title, "Kenya and Ethiopia agree to reopen border crossing");
    const paragraphs = a.text.split("\n\n");
    assert.equal(paragraphs.length, 5);
    assert.match(paragraphs[0], /^NAIROBI, June 11 \(Harbour Courier\) - Kenya and Ethiopia agreed/);
    assert.match(paragraphs[4], /Kenya Revenue Authority\.$/);
    for (const clutter of ["Advertisement", "Share", "Tweet", "Read more", "Moyale traders count losses", "About time", "RiftValleyVoter", "cookies", "Markets:", "Somalia and Kenya resume", "morning briefing", "All rights reserved", "Courier archive"]) {
      assert.ok(!a.text.includes(clutter), `kept ${clutter}`);
    }
  });

  it("dates a page by JSON-LD in an @graph, names the outlet by its WebSite, and keeps og:url", () => {
    const a = article(read("jsonld-graph.html"));
    assert.deepEqual([a.date, a.source, a.url], ["2024-05-28", "Capital Ledger", "https://www.capitalledger.example/national/pakistan-uzbekistan-rail-deal"]);
    assert.match(a.text, /^ISLAMABAD: Pakistan and Uzbekistan/);
    for (const clutter of ["Also read", "Gwadar", "Most read", "Great news for trade", "File photo", "WhatsApp"]) assert.ok(!a.text.includes(clutter), `kept ${clutter}`);
  });

  it("dates a page by the story's <time>, not the sidebar's or the comments'", () => {
    const a = article(read("time-only.html", { url: "https://southerndesk.example/americas/feed-item" }));
    assert.equal(a.date, "2024-06-27");
    // The relative canonical link is resolved against where the page came from.
    assert.equal(a.url, "https://southerndesk.example/americas/chile-argentina-glacier-talks");
    assert.equal(a.source, "southerndesk.example");
    assert.match(a.text, /^SANTIAGO — Chile and Argentina/, "the byline is not part of the text");
  });

  it("dates a page with no date metadata by its dateline; a local file keeps its name as id", () => {
    const a = article(read("dateline-only.html"));
    assert.deepEqual([a.id, a.date, a.url, a.source], ["dateline-only", "2024-06-03", undefined, undefined]);
  });

  it("reads a fragment without <html> or <body>", () => {
    const a = article(read("fragment.html"));
    assert.deepEqual([a.date, a.title], ["2024-06-12", "Ghana and Togo agree joint border patrols"]);
    assert.equal(a.text.split("\n\n").length, 3);
  });

  it("reports a page without any date as NO_DATE, and dates it by a fallback when one is known", () => {
    const p = problemOf(read("no-date.html"));
    assert.equal(p.code, "NO_DATE");
    assert.match(p.message, /not coded rather than dated today/);
    const a = article(read("no-date.html", { fallbackDate: { date: "2024-06-20", from: "WARC-Date" } }));
    assert.deepEqual([a.date, a.source], ["2024-06-20", "Island Post"]);
  });

  it("prefers the page's own date to the fallback, and metadata to a dateline", () => {
    const html = page('<meta property="article:published_time" content="2024-06-01T10:00:00Z">', "", "<p>LAGOS, May 30, 2024 (Wire) - " + STORY.slice(3));
    const a = article(readHtmlPage(html, { file: "p.html" }, { fallbackDate: { date: "2024-06-20", from: "WARC-Date" } }, {}));
    assert.equal(a.date, "2024-06-01");
  });

  it("skips unusable metadata dates for the next one, and reports BAD_DATE when none is usable", () => {
    const good = page('<meta name="pubdate" content="last Tuesday"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-06-02"}</script>');
    assert.equal(article(readHtmlPage(good, { file: "p.html" }, {}, {})).date, "2024-06-02");
    const bad = page('<meta property="article:published_time" content="2099-01-01T00:00:00Z">');
    const p = problemOf(readHtmlPage(bad, { file: "p.html" }, {}, {}));
    assert.equal(p.code, "BAD_DATE");
    assert.match(p.message, /<meta article:published_time> "2099-01-01T00:00:00Z" \(after /);
  });

  it("reports an index page with no story as NO_ARTICLE", () => {
    const p = problemOf(read("section-front.html"));
    assert.equal(p.code, "NO_ARTICLE");
    assert.match(p.message, /main text has \d+ characters \(under 200\)/);
    assert.equal(problemOf(readHtmlPage("<html><body></body></html>", { file: "e.html" }, {}, {})).code, "NO_ARTICLE");
  });

  it("reports a French page as NOT_ENGLISH, and reads it with allLanguages", () => {
    const p = problemOf(read("french.html"));
    assert.equal(p.code, "NOT_ENGLISH");
    assert.match(p.message, /French \(fra\)/);
    assert.equal(article(read("french.html", {}, { allLanguages: true })).date, "2024-06-05");
  });

  it("applies the article limit to the extracted text", () => {
    const p = problemOf(read("wire-story.html", {}, { maxArticleBytes: 500 }));
    assert.equal(p.code, "TOO_LARGE");
  });

  it("prefixes problems with where the page came from", () => {
    const p = problemOf(readHtmlPage("<p>Short.</p>", { file: "crawl.warc", where: "WARC record 3 (https://x.example/)" }, {}, {}));
    assert.match(p.message, /^WARC record 3 \(https:\/\/x\.example\/\): expected an article/);
  });
});
