import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { itemLines, readFeed, type FollowLink } from "./feed.js";
import type { IngestItem, ReadOptions, SourceHints } from "./types.js";

const FEEDS = fileURLToPath(new URL("../../../test/fixtures/intake/feeds/", import.meta.url));

async function read(xml: string, opts: ReadOptions = {}, hints: SourceHints = {}, follow?: FollowLink): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readFeed(xml, { file: "feed.xml" }, hints, opts, follow)) out.push(item);
  return out;
}

const fixture = (name: string) => readFileSync(join(FEEDS, name), "utf8");

/** "article:<id>@<line>" or "problem:<code>@<line>". */
function brief(items: IngestItem[]): string[] {
  return items.map((i) => (i.kind === "article" ? `article:${i.article.id}@${i.article.origin?.line}` : `problem:${i.problem.code}@${i.problem.line}`));
}

const articles = (items: IngestItem[]) => items.flatMap((i) => (i.kind === "article" ? [i.article] : []));

describe("readFeed", () => {
  it("reads RSS 2.0: one article per item, or a problem naming the item's line", async () => {
    const items = await read(fixture("world.rss"));
    assert.deepEqual(brief(items), [
      "article:courier-88213@12",
      "article:https://harbourcourier.example/world/africa/somalia-kenya-patrols@26",
      "problem:NO_DATE@32",
      "problem:NOT_ENGLISH@37",
      "problem:BAD_DATE@43",
      "article:https://lakesidetribune.example/2024/06/08/uganda-rwanda-power@49",
    ]);
    const [first, second, sixth] = articles(items);
    assert.deepEqual({ ...first, text: undefined }, {
      id: "courier-88213",
      url: "https://harbourcourier.example/world/africa/kenya-ethiopia-border-crossing",
      source: "The Harbour Courier",
      date: "2024-06-11",
      title: "Kenya and Ethiopia agree to reopen border crossing",
      text: undefined,
      origin: { file: "feed.xml", line: 12 },
    });
    // Full content, not the one-line description; share links and the WordPress footer dropped.
    assert.equal(first.text.split("\n\n").length, 2);
    assert.match(first.text, /^NAIROBI, June 11 \(Harbour Courier\) - Kenya/);
    assert.match(first.text, /two days of talks & a working dinner\.$/);
    // Escaped HTML in a description, with a numeric entity.
    assert.equal(second.text, "MOGADISHU - Somalia and Kenya resumed talks on joint maritime patrols on Monday, Somalia’s defence ministry said.\n\nThe talks had been suspended since January.");
    assert.equal(second.title, "Somalia & Kenya resume talks on maritime patrols");
    // An aggregated item names its own outlet.
    assert.deepEqual([sixth.source, sixth.date], ["Lakeside Tribune", "2024-06-08"]);
    const bad = items[4];
    assert.ok(bad.kind === "problem");
    assert.match(bad.problem.message, /^item 5 \(courier-88192\): .*found "yesterday afternoon"/);
  });

  it("reads Atom: html, xhtml and text content, the alternate link, published before updated", async () => {
    const items = await read(fixture("east-africa.atom"));
    const [a, b, c] = articles(items);
    assert.equal(items.length, 3);
    assert.deepEqual([a.id, a.url, a.date, a.title, a.source], [
      "tag:riftmonitor.example,2024:/rail-link", "https://riftmonitor.example/east-africa/tanzania-burundi-rail-link", "2024-06-12", "Tanzania & Burundi agree rail link", "Rift Valley Monitor",
    ]);
    assert.equal(a.text.split("\n\n").length, 2);
    assert.match(b.text, /^JUBA - South Sudan .*\n\nOfficials .* the route & protect repair crews\.$/);
    assert.equal(b.date, "2024-06-11");
    assert.deepEqual([c.id, c.url, c.date], ["urn:uuid:3b1f0c7e-3d44-4c11-8f0e-2b7d6a9e1f55", undefined, "2024-06-10"]);
  });

  it("reports malformed XML once, with the line the parser names", async () => {
    const items = await read(fixture("malformed.rss"));
    assert.deepEqual(brief(items), ["problem:BAD_XML@13"]);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /Expected closing tag 'title'/);
  });

  it("reads RSS 1.0 (RDF) items", async () => {
    const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://x.example/"><title>Delta Times</title></channel>
<item rdf:about="https://x.example/a"><title>Ghana and Togo agree patrols</title><link>https://x.example/a</link><dc:date>2024-06-12</dc:date><description>Ghana and Togo agreed to run joint border patrols.</description></item>
</rdf:RDF>`;
    const [a] = articles(await read(rdf));
    assert.deepEqual([a.id, a.date, a.source, a.origin?.line], ["https://x.example/a", "2024-06-12", "Delta Times", 4]);
  });

  it("reports a feed without items, and XML that is not a feed", async () => {
    assert.deepEqual(brief(await read('<rss version="2.0"><channel><title>Empty</title></channel></rss>')), ["problem:EMPTY_FILE@undefined"]);
    assert.deepEqual(brief(await read("<opml><body/></opml>")), ["problem:UNSUPPORTED@undefined"]);
  });

  it("accepts bare ampersands, as feed readers do, but not other malformed XML", async () => {
    const xml = '<rss><channel><title>Q&A Daily</title><item><guid>g</guid><title>Trade & Aid</title><pubDate>Tue, 11 Jun 2024 07:45:00 GMT</pubDate><description><![CDATA[<p>Q&amp;A: Kenya & Ethiopia</p>]]></description></item></channel></rss>';
    const [a] = articles(await read(xml));
    assert.deepEqual([a.title, a.text, a.source], ["Trade & Aid", "Q&A: Kenya & Ethiopia", "Q&A Daily"]);
    assert.deepEqual(brief(await read("<rss><channel><item><title>x < y</title></item></channel></rss>")), ["problem:BAD_XML@1"]);
  });

  it("reports an item with no text as EMPTY_TEXT", async () => {
    const xml = '<rss><channel><item><guid>g</guid><pubDate>Tue, 11 Jun 2024 07:45:00 GMT</pubDate><description><![CDATA[<img src="a.jpg">]]></description></item></channel></rss>';
    assert.deepEqual(brief(await read(xml)), ["problem:EMPTY_TEXT@1"]);
  });

  it("resolves relative links against the feed's URL", async () => {
    const xml = '<rss><channel><item><link>/world/1</link><pubDate>Tue, 11 Jun 2024 07:45:00 GMT</pubDate><description>Kenya and Ethiopia agreed.</description></item></channel></rss>';
    const [a] = articles(await read(xml, {}, { url: "https://harbourcourier.example/feed.xml" }));
    assert.deepEqual([a.id, a.url, a.source], ["https://harbourcourier.example/world/1", "https://harbourcourier.example/world/1", "harbourcourier.example"]);
  });

  it("with a follower, reads a summary-only item's page, passing the item's date as fallback", async () => {
    const seen: [string, SourceHints][] = [];
    const follow: FollowLink = async function* (url, hints) {
      seen.push([url, hints]);
      yield { kind: "article", article: { id: url, url, date: hints.fallbackDate!.date, text: "From the page." } };
    };
    const items = await read(fixture("world.rss"), {}, {}, follow);
    // Items 2 and 6 have links and no full content; item 1 has content:encoded.
    assert.deepEqual(seen.map(([u]) => u), [
      "https://harbourcourier.example/world/africa/somalia-kenya-patrols",
      "https://lakesidetribune.example/2024/06/08/uganda-rwanda-power",
    ]);
    assert.deepEqual(seen[0][1], { url: seen[0][0], fallbackDate: { date: "2024-06-10", from: "feed item" } });
    assert.equal(items.length, 6);
  });
});

describe("itemLines", () => {
  it("finds item and entry tags outside CDATA and comments", () => {
    assert.deepEqual(itemLines("<rss>\n<!-- <item> -->\n<item>\n<description><![CDATA[<item>]]></description></item>\n<item/>\n<items/>"), [3, 5]);
  });
});
