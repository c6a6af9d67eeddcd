// `npm run bench` (intake): (1) HTML extraction throughput, pages/s and MB/s,
// of the page reader (metadata, clutter cutting, Readability, text) over
// generated pages built from templates with the furniture real news pages
// carry (navigation, cookie banner, ad slots, share bars, related stories, a
// comment thread, inline scripts); (2) WARC reading throughput, plain and
// gzipped, through readInputs, with how much the process grows meanwhile. The pages
// are made up from word lists, never copied. Prints figures; asserts nothing.
import { appendFileSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readHtmlPage } from "../stages/ingest/html.js";
import { readInputs } from "../stages/ingest/index.js";
import { warcRecord, type RecordSpec } from "../stages/ingest/warc-writer.js";
import { rng } from "./rng.js";

const PAGES = Number(process.env.BENCH_INTAKE_PAGES ?? 400);


const COUNTRIES = ["Kenya", "Ethiopia", "Pakistan", "Uzbekistan", "Chile", "Argentina", "Nigeria", "Ghana", "Togo", "Tanzania", "Burundi", "Fiji", "Tonga", "Senegal", "Mauritania", "Uganda", "Rwanda", "Somalia"];
const TITLES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister", "Trade Minister", "Interior Minister"];
const NAMES = ["Amina Wekesa", "Bakhtiyor Saidov", "Diana Mondino", "Yusuf Tuggar", "Dominic Nitiwul", "Taye Atske", "Hodan Ali", "Murat Kaya"];
const ACTS = ["met", "held talks with", "signed an agreement with", "called on", "criticised", "pledged aid to", "accused", "hosted"];
const TOPICS = ["border security", "a rail link", "grain exports", "refugee returns", "a fisheries accord", "power lines", "cattle raids", "a customs post"];
const CITIES = ["NAIROBI", "ISLAMABAD", "SANTIAGO", "ABUJA", "ACCRA", "DAR ES SALAAM", "SUVA", "DAKAR", "KAMPALA"];

function template(i: number, r: () => number): { url: string; html: string } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const a = pick(COUNTRIES), b = pick(COUNTRIES.filter((c) => c !== a));
  const sentence = () => `${pick(COUNTRIES)}'s ${pick(TITLES)} ${pick(NAMES)} ${pick(ACTS)} ${pick(COUNTRIES)} on ${pick(TOPICS)}, officials from both sides said on ${pick(["Monday", "Tuesday", "Wednesday", "Thursday"])}.`;
  const para = () => `<p>${Array.from({ length: 2 + Math.floor(r() * 3) }, sentence).join(" ")}</p>`;
  const day = String(1 + Math.floor(r() * 28)).padStart(2, "0");
  const url = `https://courier${i % 7}.example/world/${a.toLowerCase()}-${b.toLowerCase()}-${i}`;
  const links = (n: number) => Array.from({ length: n }, (_, k) => `<li><a href="/s/${k}">${sentence().slice(0, 60)}</a></li>`).join("");
  const story = Array.from({ length: 6 + Math.floor(r() * 10) }, (_, k) =>
    (k === 0 ? `<p>${pick(CITIES)} — ${sentence()} ${sentence()}</p>` : para())
    + (k % 3 === 2 ? '<div class="ad-slot ad-inline"><span>Advertisement</span><script>loadAd("inline")</script></div>' : "")).join("\n");
  const comments = Array.from({ length: Math.floor(r() * 30) }, (_, k) =>
    `<li class="comment"><p class="comment-author">reader${k}</p><time datetime="2024-06-${day}T12:00:00Z">12:00</time><p>${sentence()} ${sentence()}</p></li>`).join("");
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${a} and ${b} discuss ${pick(TOPICS)} | Courier ${i % 7}</title>
<meta property="og:site_name" content="Courier ${i % 7}"><meta property="article:published_time" content="2024-06-${day}T08:00:00+03:00">
<link rel="canonical" href="${url}">
<style>${"body{margin:0}.nav a{color:#333}.story-body p{line-height:1.5}".repeat(150)}</style>
<script>window.__STATE__=${JSON.stringify({ page: { id: i, sections: Array.from({ length: 120 }, (_, k) => ({ id: k, title: sentence(), url: `/s/${k}` })) } })};</script>
<script>${"window.dataLayer=window.dataLayer||[];dataLayer.push({section:'world'});".repeat(60)}</script>
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies. <button>Accept</button></div>
<header class="site-header"><a class="logo" href="/">Courier</a><nav class="main-nav"><ul>${links(25)}</ul><div class="mega-menu"><ul>${links(60)}</ul></div></nav></header>
<div class="ad-slot ad-leaderboard"><span>Advertisement</span></div>
<main><article><h1>${a} and ${b} discuss ${pick(TOPICS)}</h1>
<p class="byline">By ${pick(NAMES)}</p>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<figure><img src="/i.jpg"><figcaption>File photo, 2 March 2021</figcaption></figure>
<div class="story-body">${story}</div>
<div class="share-bar share-bottom">Share this article: <a href="#">WhatsApp</a></div>
</article>
<aside class="related-stories"><h2>Related</h2><ul>${links(8)}</ul></aside>
<section id="comments" class="comments"><ol class="comment-list">${comments}</ol></section></main>
<footer class="site-footer"><nav>${links(12)}</nav><p>© 2024 Courier</p></footer>
<script>${"(function(){var s=document.createElement('script');s.src='/t.js';})();".repeat(20)}</script>
</body></html>`;
  return { url, html };
}

function mb(bytes: number): string {
  return (bytes / 1e6).toFixed(1);
}

async function benchHtml(pages: { url: string; html: string }[]): Promise<void> {
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0);
  for (const p of pages.slice(0, 20)) readHtmlPage(p.html, { file: "warmup" }, { url: p.url }, {}); // JIT warm-up
  const t0 = performance.now();
  let articles = 0, chars = 0;
  for (const p of pages) {
    const item = readHtmlPage(p.html, { file: "bench" }, { url: p.url }, {});
    if (item.kind === "article") {
      articles++;
      chars += item.article.text.length;
    }
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(`  HTML pages: ${pages.length} pages, ${mb(bytes)} MB of HTML (${(bytes / pages.length / 1024).toFixed(0)} KB a page) → ${articles} articles, ${(chars / Math.max(articles, 1)).toFixed(0)} chars of text each`);
  console.log(`    ${secs.toFixed(2)} s  ${(pages.length / secs).toFixed(0)} pages/s  ${(bytes / 1e6 / secs).toFixed(1)} MB/s`);
}

/**
 * Writes the crawl to disk record by record, plain and gzipped (a gzip member
 * per record, as crawlers write), so the bench holds neither archive.
 */
async function writeCrawl(pages: { url: string; html: string }[], dir: string): Promise<{ plain: string; gz: string; records: number }> {
  const plain = join(dir, "crawl.warc"), gz = join(dir, "crawl.warc.gz");
  let records = 0;
  for (const p of pages) {
    // Around every page, the records a crawler also writes: its request and an image.
    const specs: RecordSpec[] = [
      { type: "request", url: p.url, statusline: `GET ${new URL(p.url).pathname} HTTP/1.1`, httpHeaders: { Host: new URL(p.url).host } },
      { type: "response", url: p.url, httpHeaders: { "Content-Type": "text/html; charset=utf-8" }, body: p.html },
      { type: "response", url: p.url + ".jpg", httpHeaders: { "Content-Type": "image/jpeg" }, body: new Uint8Array(20_000) },
    ];
    for (const spec of specs) {
      const bytes = await warcRecord(spec);
      appendFileSync(plain, bytes);
      appendFileSync(gz, gzipSync(bytes));
      records++;
    }
  }
  return { plain, gz, records };
}

async function benchWarc(file: string, records: number, pages: number, inflated: number): Promise<void> {
  const size = statSync(file).size;
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  const t0 = performance.now();
  let articles = 0, problems = 0;
  for await (const item of readInputs([file], {})) item.kind === "article" ? articles++ : problems++;
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  console.log(`  ${file.endsWith(".gz") ? "WARC.gz" : "WARC   "}: ${records} records (${pages} pages), ${mb(inflated)} MB of records, ${mb(size)} MB on disk → ${articles} articles, ${problems} problems`);
  console.log(`    ${secs.toFixed(2)} s  ${(records / secs).toFixed(0)} records/s  ${(articles / secs).toFixed(0)} pages/s  ${(inflated / 1e6 / secs).toFixed(1)} MB/s of records  RSS +${mb(peak - start)} MB while reading (peak ${mb(peak)} MB)`);
}

async function main(): Promise<void> {
  const r = rng(11);
  const pages = Array.from({ length: PAGES }, (_, i) => template(i, r));
  console.log(`intake benchmark: ${PAGES} generated pages (BENCH_INTAKE_PAGES changes it), one thread`);
  await benchHtml(pages);
  const dir = mkdtempSync(join(tmpdir(), "dyad-intake-bench-"));
  try {
    const crawl = await writeCrawl(pages, dir);
    const inflated = statSync(crawl.plain).size;
    await benchWarc(crawl.plain, crawl.records, pages.length, inflated);
    await benchWarc(crawl.gz, crawl.records, pages.length, inflated);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
