// Reads one byte stream (a file, stdin or a fetched URL): sniffs its first
// bytes for its format and hands it to that format's reader. Gzip and UTF-16
// are unwrapped and sniffed again; WARC archives and JSON lines are streamed
// record by record; a page or feed is gathered whole up to its cap; a dated
// or plain article up to the article limit.
import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import iconv from "iconv-lite";
import { parseArticleText } from "./article-text.js";
import { looksBinary, looksBinaryBytes } from "./binary.js";
import { decodeDocument, guessCharset, htmlDeclaredCharset, utf16ToUtf8, xmlDeclaredCharset } from "./charset.js";
import { classifyHead, classifyMarkup, looksLikeJsonLines, sniffBytes, stripBom } from "./detect.js";
import { readFeed, type FollowLink } from "./feed.js";
import { gunzip } from "./gunzip.js";
import { readHead, toBuffer, type StreamHead } from "./head.js";
import { readHtmlPage } from "./html.js";
import { JsonLinesReader } from "./json-line.js";
import { screenLanguage } from "./language.js";
import { splitLines } from "./lines.js";
import { count, InputError, problem } from "./problems.js";
import { readWarc } from "./read-warc.js";
import {
  maxChars, maxLineBytes, MAX_FEED_BYTES, MAX_PAGE_BYTES, MAX_TEXT_FILE_BYTES, SNIFF_BYTES,
  type IngestItem, type ReadOptions, type SourceHints,
} from "./types.js";

export interface StreamInfo {
  /** Size in bytes when known (files), to refuse huge files unread. */
  size?: number;
  /** Destroy the source when done (files: yes; process.stdin: no). */
  owned?: boolean;
  /** What is known from outside the content (a fetched URL and its charset). */
  hints?: SourceHints;
  /** Reads a feed item's linked page (set when ReadOptions.followLinks is on). */
  follow?: FollowLink;
}

// Room for the "date YYYY-MM-DD" token, which is read but is not part of the
// text the limit is about; parseArticleText then applies the exact limit.
const HEADER_SLACK = 4096;

/**
 * How many wrappings (gzip, UTF-16) are undone: gzip of gzip happens by
 * mistake in pipelines; past three it is junk, or a bomb of nested layers.
 */
const MAX_WRAPPING = 3;

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : String(err);
}

/** Line number (1-based) of character `at`, counting "\r\n", "\n" and "\r" as one break each. */
function lineAt(text: string, at: number): number {
  return (text.slice(0, at).match(/\r\n?|\n/g)?.length ?? 0) + 1;
}

/**
 * Reads articles from a stream. `file` names it in origins and problems.
 * Never throws for bad input: read errors become UNREADABLE problems, and
 * input that breaks off inside (gzip, WARC, a URL body) its own problem.
 */
export async function* readStream(source: Readable, file: string, opts: ReadOptions, info: StreamInfo = {}): AsyncGenerator<IngestItem> {
  const owned = info.owned ?? true;
  const chunks = source.iterator({ destroyOnReturn: owned });
  let articles = 0;
  try {
    for await (const item of readChunks(chunks, file, opts, info, 0)) {
      if (item.kind === "article") articles++;
      yield item;
    }
  } catch (err) {
    if (err instanceof InputError) {
      // what was read before a cut-off gzip is kept: say how much that was
      const before = err.code !== "BAD_GZIP" ? "" : articles ? `; the ${count(articles)} article(s) before it were read` : "; no complete record was found before it";
      yield problem(err.code, file, err.line, err.message + before);
      return;
    }
    // I/O errors carry a code (EIO, EISDIR, …); anything else is a bug here.
    if (!(err instanceof Error && "code" in err)) throw err;
    yield problem("UNREADABLE", file, undefined, `expected a readable file; reading failed with ${reason(err)}`);
  } finally {
    if (owned) source.destroy();
  }
}

async function* readChunks(chunks: AsyncIterator<unknown>, file: string, opts: ReadOptions, info: StreamInfo, depth: number): AsyncGenerator<IngestItem> {
  const head = await readHead(chunks);
  if (head.bytes === 0 && head.error) throw head.error;
  if (head.bytes === 0) {
    yield problem("EMPTY_FILE", file, undefined, depth === 0 ? "expected articles; found an empty file" : "expected articles; found empty content inside the gzip or UTF-16 wrapping");
    return;
  }
  const sniffed = Buffer.concat(head.chunks);
  const format = sniffBytes(sniffed);
  if ((format === "gzip" || format === "utf-16le" || format === "utf-16be") && depth >= MAX_WRAPPING) {
    yield problem("BINARY", file, undefined, `expected text; found ${format} wrapped ${depth} times`);
    return;
  }
  const rest = replay(head, chunks);
  switch (format) {
    case "gzip":
      // Sizes are of the compressed file, so no size check inside.
      yield* readChunks(gunzip(rest)[Symbol.asyncIterator](), file, opts, { ...info, size: undefined }, depth + 1);
      return;
    case "utf-16le":
    case "utf-16be":
      yield* readChunks(utf16ToUtf8(rest, format)[Symbol.asyncIterator](), file, opts, { ...info, size: undefined }, depth + 1);
      return;
    case "warc":
      yield* readWarc(rest[Symbol.asyncIterator](), file, opts);
      return;
    case "markup":
      yield* readMarkup(sniffed, rest, file, opts, info);
      return;
    default:
      yield* readText(head, chunks, file, opts, info);
  }
}

/** The held-back head, then the rest of the stream, as bytes. */
async function* replay(head: StreamHead, chunks: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield* head.chunks;
  if (head.error) throw head.error;
  if (!head.ended) for await (const c of { [Symbol.asyncIterator]: () => chunks }) yield toBuffer(c);
}

/** Gathers a stream whole, or returns the number of bytes at which it passed `cap` (and stops reading). */
async function gather(bytes: AsyncIterable<Buffer>, cap: number): Promise<Buffer | number> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const b of bytes) {
    total += b.length;
    if (total > cap) return total;
    parts.push(b);
  }
  return Buffer.concat(parts, total);
}

/** A page or a feed: gathered whole (up to its cap), decoded by its declared charset, then read. */
async function* readMarkup(sniffed: Buffer, rest: AsyncIterable<Buffer>, file: string, opts: ReadOptions, info: StreamInfo): AsyncGenerator<IngestItem> {
  // Tags and declarations are ASCII in every charset that markup can start
  // with here (UTF-16 was unwrapped before), so latin1 is enough to classify.
  const headText = sniffed.toString("latin1");
  const kind = classifyMarkup(headText);
  if (kind.kind === "other") {
    yield problem("UNSUPPORTED", file, undefined, `expected an HTML page or an RSS or Atom feed; found XML with root element <${kind.root}>`);
    return;
  }
  const cap = kind.kind === "feed" ? MAX_FEED_BYTES : MAX_PAGE_BYTES;
  const what = kind.kind === "feed" ? "feeds" : "pages";
  if (info.size !== undefined && info.size > cap) {
    yield problem("TOO_LARGE", file, undefined, `the file has ${count(info.size)} bytes; ${what} over ${count(cap)} bytes are not parsed`);
    return;
  }
  const bytes = await gather(rest, cap);
  if (typeof bytes === "number") {
    yield problem("TOO_LARGE", file, undefined, `the content passed ${count(cap)} bytes; ${what} over that are not parsed, so it was not read further`);
    return;
  }
  // HTTP's charset first (RFC 7303, and browsers); XHTML may declare its
  // charset only in the XML declaration.
  const declared = kind.kind === "feed" ? [xmlDeclaredCharset(headText)] : [htmlDeclaredCharset(headText), xmlDeclaredCharset(headText)];
  const { text } = decodeDocument(bytes, [info.hints?.charset, ...declared]);
  if (looksBinary(text.slice(0, SNIFF_BYTES))) {
    yield problem("BINARY", file, undefined, "expected markup text; found binary data after the first tag");
    return;
  }
  const hints = info.hints ?? {};
  if (kind.kind === "feed") yield* readFeed(text, { file }, hints, opts, info.follow);
  else yield readHtmlPage(text, { file }, hints, opts);
}

/** JSON lines, a dated article or plain text: the formats that are text from the first byte. */
async function* readText(head: StreamHead, chunks: AsyncIterator<unknown>, file: string, opts: ReadOptions, info: StreamInfo): AsyncGenerator<IngestItem> {
  // JSON lines first: a record that parses is read whatever its neighbours
  // hold, so a NUL byte or a cut-off first line costs only that line.
  if (looksLikeJsonLines(head.text)) {
    const max = maxLineBytes(opts);
    const reader = new JsonLinesReader(file, opts);
    let lineNo = 0;
    try {
      for await (const line of splitLines(replay(head, chunks), max)) {
        lineNo++;
        const items = "text" in line ? reader.line(line.text, lineNo) : reader.tooLong(line.tooLong, lineNo, max);
        for (const item of items) yield screenLanguage(item, opts);
      }
    } catch (err) {
      // a run of bad lines is reported even when the stream breaks off after it
      yield* reader.end();
      throw err;
    }
    yield* reader.end();
    return;
  }
  if (looksBinaryBytes(Buffer.concat(head.chunks).subarray(0, SNIFF_BYTES))) {
    yield problem("BINARY", file, undefined, "expected text; found binary data (NUL bytes, invalid UTF-8 or control characters)");
    return;
  }
  const text = stripBom(head.text);
  const start = text.search(/\S/);
  if (start < 0) {
    yield problem("EMPTY_FILE", file, undefined, "expected articles; found only whitespace");
    return;
  }
  const kind = classifyHead(text.slice(start), opts);
  if (kind.kind === "problem") {
    yield problem(kind.code, file, lineAt(text, start), kind.message);
    return;
  }
  if (info.size !== undefined && info.size > MAX_TEXT_FILE_BYTES) {
    yield problem("TOO_LARGE", file, undefined, `the file has ${count(info.size)} bytes; article files over ${count(MAX_TEXT_FILE_BYTES)} bytes are not read (JSON-lines files have no such limit)`);
    return;
  }
  // A dated or plain article is one record: gather it, but no further than
  // the limit, so a huge one costs neither memory nor time. The raw bytes are
  // kept too, to decode again if they turn out not to be UTF-8.
  const limit = start + maxChars(opts) + HEADER_SLACK;
  const parts = [head.text];
  const raw = [...head.chunks];
  let chars = head.text.length;
  if (head.error) throw head.error;
  if (!head.ended) {
    for await (const c of { [Symbol.asyncIterator]: () => chunks }) {
      const b = toBuffer(c);
      raw.push(b);
      const s = head.decoder.write(b);
      parts.push(s);
      chars += s.length;
      if (chars > limit) {
        yield problem("TOO_LARGE", file, lineAt(text, start), `the text is longer than ${count(maxChars(opts))} characters (maxArticleBytes); not read further`);
        return;
      }
    }
    parts.push(head.decoder.end());
  }
  let content = parts.join("");
  if (content.includes("\ufffd")) {
    // Not valid UTF-8 (else there would be no U+FFFD from the decoder, barring
    // a literal one): a legacy charset such as windows-1252, guessed.
    const bytes = Buffer.concat(raw);
    if (!isUtf8(bytes)) content = iconv.decode(bytes, guessCharset(bytes));
  }
  for (const item of parseArticleText(content, { file, line: 1 }, opts)) yield screenLanguage(item, opts);
}
