// The WARC reader: the archived HTML pages of a web crawl → articles. Only
// `response` records of an HTML page with HTTP status 200 are coded (their
// WARC-Target-URI is the page's URL, their WARC-Date a last-resort date);
// requests, metadata, redirects, images and scripts are skipped silently.
import { looksBinary } from "./binary.js";
import { charsetOfContentType, decodeDocument, htmlDeclaredCharset } from "./charset.js";
import { readHtmlPage } from "./html.js";
import { decodeContentEncoding, dechunk, readHttpHead } from "./http-message.js";
import { count, problem } from "./problems.js";
import { parsePublished } from "./published-date.js";
import { MAX_PAGE_BYTES, SNIFF_BYTES, type IngestItem, type ReadOptions } from "./types.js";
import { recordLabel, warcRecords } from "./warc.js";

const HTML_TYPE = /^\s*(?:text\/html|application\/xhtml\+xml)\b/i;
// Chunk-size lines add a little to a chunked body; allowed for before refusing it.
const CHUNK_SLACK = 64 * 1024;

/** "6 request, 5 response (image/jpeg 3, HTTP 301 2)": what an archive held instead of pages. */
function tallyText(tally: Map<string, number>): string {
  return [...tally].map(([k, n]) => `${k} ×${n}`).join(", ");
}

/**
 * Reads the pages of a WARC stream (already inflated). A record that is not
 * where its predecessor's Content-Length says is a BAD_WARC problem, and the
 * reading goes on at the next record; a cut-off record ends the archive with
 * BAD_WARC (thrown, after the pages before it);
 * an archive with no HTML page at all gives one NO_ARTICLE problem.
 * @example for await (const item of readWarc(chunks, "crawl.warc.gz", {})) …
 */
export async function* readWarc(chunks: AsyncIterator<Uint8Array>, file: string, opts: ReadOptions): AsyncGenerator<IngestItem> {
  let records = 0;
  let pages = 0;
  const skipped = new Map<string, number>();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  // records skipped to find the next one (a wrong Content-Length), reported as they happen
  const lost: string[] = [];
  const stream = warcRecords(chunks, (message) => lost.push(message));
  for await (const r of stream) {
    for (const message of lost.splice(0)) yield problem("BAD_WARC", file, undefined, message);
    records++;
    if (r.type !== "response") {
      skip(r.type || "untyped");
      continue;
    }
    const http = await readHttpHead(r.block);
    if (!http) {
      skip("response (not HTTP)");
      continue;
    }
    const contentType = http.headers.get("content-type") ?? "";
    if (http.status !== 200) {
      skip(`response (HTTP ${http.status})`);
      continue;
    }
    if (!HTML_TYPE.test(contentType)) {
      skip(`response (${contentType.split(";")[0].trim() || "no Content-Type"})`);
      continue;
    }
    pages++;
    const label = recordLabel(r);
    if (r.block.remaining > MAX_PAGE_BYTES + CHUNK_SLACK) {
      yield problem("TOO_LARGE", file, undefined, `${label}: the page has ${count(r.block.remaining)} bytes; pages over ${count(MAX_PAGE_BYTES)} bytes are not parsed`);
      continue;
    }
    let body = await r.block.read();
    if (/\bchunked\b/i.test(http.headers.get("transfer-encoding") ?? "")) body = dechunk(body);
    const decoded = decodeContentEncoding(body, http.headers.get("content-encoding"));
    if (!decoded.ok) {
      yield problem(decoded.tooLarge ? "TOO_LARGE" : "BAD_GZIP", file, undefined, `${label}: expected an HTML page; ${decoded.reason}`);
      continue;
    }
    const head = decoded.body.toString("latin1", 0, 4096);
    const { text } = decodeDocument(decoded.body, [charsetOfContentType(contentType), htmlDeclaredCharset(head)]);
    if (looksBinary(text.slice(0, SNIFF_BYTES))) {
      yield problem("BINARY", file, undefined, `${label}: expected an HTML page; found binary data under Content-Type ${contentType}`);
      continue;
    }
    const warcDate = r.date ? parsePublished(r.date) : undefined;
    yield readHtmlPage(text, { file, where: label }, {
      ...(r.targetUri ? { url: r.targetUri } : {}),
      ...(warcDate?.ok ? { fallbackDate: { date: warcDate.date, from: "WARC-Date" } } : {}),
    }, opts);
  }
  for (const message of lost.splice(0)) yield problem("BAD_WARC", file, undefined, message);
  if (pages === 0) {
    yield problem("NO_ARTICLE", file, undefined, `expected HTML pages (response records with HTTP status 200 and Content-Type text/html); found ${count(records)} record(s): ${tallyText(skipped) || "none"}`);
  }
}
