// A quick count of the articles in some paths, for a progress bar's ETA: a
// JSON-lines file counts its non-blank lines, a feed its items, a WARC
// archive its HTML responses, any other file one. Gzipped and large archives
// are sampled from their start and the count scaled by size. An estimate
// only (bad records are counted too); stdin and URLs are not counted.
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { createGunzip } from "node:zlib";
import { classifyMarkup, sniffBytes } from "./detect.js";
import { isUrlInput } from "./fetch-url.js";
import { walk } from "./walk.js";

/** Bytes of a big archive (compressed bytes for gzip) read to estimate the rest. */
const SAMPLE_BYTES = 16 * 1024 * 1024;

/** A per-format counter, fed the (inflated) content chunk by chunk. */
interface Counter {
  feed(chunk: Buffer): void;
  count(): number;
}

function lineCounter(): Counter {
  let lines = 0, lineHasText = false;
  return {
    feed(chunk) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i];
        if (b === 0x0a) { if (lineHasText) lines++; lineHasText = false; }
        else if (b > 0x20) lineHasText = true;
      }
    },
    count: () => lines + (lineHasText ? 1 : 0),
  };
}

/** Counts matches of `re` (a latin1 pattern), carrying a tail so a match split across chunks is seen. */
function patternCounter(re: RegExp): Counter {
  let n = 0, tail = "";
  const TAIL = 64;
  return {
    feed(chunk) {
      const s = tail + chunk.toString("latin1");
      re.lastIndex = 0;
      for (let m = re.exec(s); m; m = re.exec(s)) if (m.index + m[0].length > tail.length) n++;
      tail = s.slice(-TAIL);
    },
    count: () => n,
  };
}

// An HTML response's HTTP header line; a page's own <meta http-equiv> has no colon after the name.
const WARC_PAGE = /\r\nContent-Type:[ \t]*(?:text\/html|application\/xhtml\+xml)/gi;
const FEED_ITEM = /<(?:item|entry)[\s>/]/g;

/** The counter for content starting with `head`, or a fixed count; `sampled` when a big one may be scaled. */
function counterFor(head: Buffer): { counter: Counter; sampled: boolean } | number {
  const format = sniffBytes(head);
  if (format === "warc") return { counter: patternCounter(WARC_PAGE), sampled: true };
  if (format === "markup") return classifyMarkup(head.toString("latin1")).kind === "feed" ? { counter: patternCounter(FEED_ITEM), sampled: false } : 1;
  if (format !== "text") return 1; // UTF-16 and the like: rare, counted as one
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && head[i] <= 0x20) i++;
  return head[i] === 0x7b /* { */ ? { counter: lineCounter(), sampled: false } : 1;
}

/** Enough of the content to recognise its format. */
const HEAD_BYTES = 4096;

/**
 * Counts units in a byte stream. `consumed()` is how many bytes of the file
 * were read so far; once a sampled format (or anything gzipped) has read
 * SAMPLE_BYTES of it, the count is scaled by `size / consumed`.
 */
async function countStream(bytes: AsyncIterable<Buffer>, size: number, consumed: () => number, gzipped: boolean): Promise<number> {
  let found: { counter: Counter; sampled: boolean } | undefined;
  let head: Buffer[] = [];
  let headBytes = 0;
  for await (const chunk of bytes) {
    let data = chunk;
    if (!found) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes < HEAD_BYTES) continue;
      data = Buffer.concat(head);
      head = [];
      const c = counterFor(data);
      if (typeof c === "number") return c;
      found = c;
    }
    found.counter.feed(data);
    const read = consumed();
    if ((found.sampled || gzipped) && read >= SAMPLE_BYTES && read < size) return Math.round((found.counter.count() * size) / read);
  }
  if (!found) {
    if (headBytes === 0) return 0;
    const data = Buffer.concat(head);
    const c = counterFor(data);
    if (typeof c === "number") return c;
    c.counter.feed(data);
    return c.counter.count();
  }
  return found.counter.count();
}

async function countInFile(path: string, size: number): Promise<number> {
  const fh = await open(path, "r");
  let magic: Buffer;
  try {
    magic = (await fh.read(Buffer.alloc(2), 0, 2, 0)).buffer;
  } finally {
    await fh.close();
  }
  const file = createReadStream(path);
  try {
    if (magic[0] !== 0x1f || magic[1] !== 0x8b) return await countStream(file as AsyncIterable<Buffer>, size, () => file.bytesRead, false);
    const inflated = file.pipe(createGunzip());
    // A truncated or corrupt gzip still gives an estimate from what was read.
    const safe = (async function* () {
      try {
        for await (const c of inflated as AsyncIterable<Buffer>) yield c;
      } catch { /* reported by the reader */ }
    })();
    try {
      return await countStream(safe, size, () => file.bytesRead, true);
    } finally {
      inflated.destroy();
    }
  } finally {
    file.destroy();
  }
}

/** The number of articles the paths probably hold, or undefined when stdin or a URL is among them. */
export async function estimateArticles(paths: string[]): Promise<number | undefined> {
  let n = 0;
  for (const p of paths) {
    if (p === "-" || isUrlInput(p)) return undefined;
    try {
      const st = await stat(p);
      if (st.isFile()) n += await countInFile(p, st.size);
      else if (st.isDirectory()) {
        for await (const e of walk(p)) if (e.kind === "file") n += await countInFile(e.path, e.size);
      }
    } catch { /* reported by the reader */ }
  }
  return n;
}
