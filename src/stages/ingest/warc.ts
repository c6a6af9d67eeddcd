// WARC framing (ISO 28500, versions 1.0 and 1.1): a stream of records, each a
// "WARC/1.x" line, named header fields, a blank line and a block of exactly
// Content-Length bytes. Records are yielded one at a time with a reader for
// their block; whatever the consumer leaves unread is skipped, never held.
//
// Written here rather than taken from warcio: warcio inflates gzip in
// JavaScript (pako, several times slower than node:zlib), returns a cut-off
// record as if it were whole, and logs to the console; here a truncated
// record is a BAD_WARC problem that names it.
import { ByteReader } from "./byte-reader.js";
import { count, found, InputError } from "./problems.js";

/** Longest header line accepted; real ones are a few hundred bytes. */
const MAX_HEADER_LINE = 64 * 1024;
const MAX_HEADER_FIELDS = 512;

export interface WarcRecord {
  /** 1-based position in the archive. */
  n: number;
  /** Byte offset of the record in the (inflated) stream. */
  offset: number;
  /** Header fields by lower-case name. */
  headers: Map<string, string>;
  /** WARC-Type, lower case ("response", "request", "warcinfo", …). */
  type: string;
  targetUri?: string;
  date?: string;
  /** The block's size from Content-Length. */
  length: number;
  block: WarcBlock;
}

/** "WARC record 12 (https://…)": how problems name a record. */
export function recordLabel(r: { n: number; targetUri?: string }): string {
  return `WARC record ${r.n}${r.targetUri ? ` (${r.targetUri})` : ""}`;
}

/** The bytes of one record's block, bounded by its Content-Length. */
export class WarcBlock {
  constructor(private readonly reader: ByteReader, private readonly length: number, private readonly label: string) {
    this.remaining = length;
  }
  /** Bytes of the block not read yet. */
  remaining: number;

  private truncated(): never {
    throw new InputError("BAD_WARC", `${this.label} is truncated: its Content-Length is ${count(this.length)} bytes, but the archive ends after ${count(this.length - this.remaining)}; the records before it were read`);
  }

  /** The next line of the block (see ByteReader.readLine), or null when the block is used up. */
  async readLine(max: number): Promise<{ line: Buffer; long: boolean } | null> {
    if (this.remaining <= 0) return null;
    const start = this.reader.offset;
    const r = await this.reader.readLine(Math.min(max, this.remaining));
    if (r === null) this.truncated();
    this.remaining -= this.reader.offset - start;
    return r;
  }

  /** The rest of the block, or its first `n` bytes. */
  async read(n = this.remaining): Promise<Buffer> {
    const want = Math.min(n, this.remaining);
    const bytes = await this.reader.read(want);
    this.remaining -= bytes.length;
    if (bytes.length < want) this.truncated();
    return bytes;
  }

  /** Skips the rest of the block. */
  async skipRest(): Promise<void> {
    const want = this.remaining;
    const skipped = await this.reader.skip(want);
    this.remaining -= skipped;
    if (skipped < want) this.truncated();
  }
}

function latin1(b: Buffer): string {
  return b.toString("latin1");
}

const VERSION_LINE = /^WARC\/\d+\.\d+\s*$/;

/**
 * Reads on to the next "WARC/1.x" line (the start of a record); null at the
 * end of the stream. What lies between is skipped, never held.
 */
async function nextVersionLine(reader: ByteReader): Promise<{ line: Buffer; long: boolean } | null> {
  for (;;) {
    const l = await reader.readLine(MAX_HEADER_LINE);
    if (l === null || (!l.long && VERSION_LINE.test(latin1(l.line)))) return l;
  }
}

/**
 * The records of a WARC stream (already inflated). Where a record should
 * start and does not (the Content-Length before it was wrong), the reader
 * skips to the next "WARC/1.x" line and goes on, telling `onSkip` what was
 * skipped, so one bad record does not lose every record after it. Throws
 * InputError (BAD_WARC) for a record cut off by the end of the stream.
 * @example for await (const r of warcRecords(chunks)) if (r.type === "response") await r.block.read()
 */
export async function* warcRecords(chunks: AsyncIterator<Uint8Array>, onSkip: (message: string) => void = () => {}): AsyncGenerator<WarcRecord> {
  const reader = new ByteReader(chunks);
  // a record's first line found while skipping a bad record, with its offset
  let resynced: { line: Buffer; long: boolean; offset: number } | undefined;
  try {
    for (let n = 1; ; n++) {
      // Records are separated by two CRLFs; tools differ in how many they write.
      let first: { line: Buffer; long: boolean } | null = resynced ?? null;
      let offset = resynced?.offset ?? 0;
      if (!resynced) {
        do first = await reader.readLine(MAX_HEADER_LINE);
        while (first !== null && first.line.length === 0);
        if (first === null) return;
        offset = reader.offset - first.line.length - 1;
      }
      resynced = undefined;
      if (first === null) return;
      const version = latin1(first.line);
      if (first.long || !VERSION_LINE.test(version)) {
        const at = offset;
        first = await nextVersionLine(reader);
        const why = `expected WARC record ${n} to start with a "WARC/1.x" line at byte ${count(at)}; found ${found(version, 40)} (the Content-Length of the record before it may be wrong)`;
        if (first === null) { onSkip(`${why}; no record follows, so the rest of the archive was skipped`); return; }
        offset = reader.offset - first.line.length - 1;
        onSkip(`${why}; skipped ${count(offset - at)} bytes to the next record, at byte ${count(offset)}`);
      }
      const headers = new Map<string, string>();
      let last = "";
      for (let fields = 0; ; fields++) {
        const h = await reader.readLine(MAX_HEADER_LINE);
        if (h === null) throw new InputError("BAD_WARC", `WARC record ${n} is truncated: the archive ends inside its header`);
        if (h.long || fields > MAX_HEADER_FIELDS) throw new InputError("BAD_WARC", `WARC record ${n} has a header over ${count(MAX_HEADER_LINE)} bytes a line or ${MAX_HEADER_FIELDS} fields; not a WARC header`);
        if (h.line.length === 0) break;
        const line = latin1(h.line);
        if ((line[0] === " " || line[0] === "\t") && last !== "") {
          headers.set(last, `${headers.get(last)} ${line.trim()}`);
          continue;
        }
        const colon = line.indexOf(":");
        if (colon <= 0) continue; // a stray line: ignored, as readers of WARC commonly do
        last = line.slice(0, colon).trim().toLowerCase();
        headers.set(last, line.slice(colon + 1).trim());
      }
      const rawLength = headers.get("content-length");
      const length = rawLength !== undefined && /^\d+$/.test(rawLength) ? Number(rawLength) : NaN;
      const targetUri = headers.get("warc-target-uri")?.replace(/^<(.*)>$/, "$1");
      if (!Number.isSafeInteger(length)) {
        // its block cannot be measured: it is skipped up to the next record's first line
        onSkip(`${recordLabel({ n, targetUri })} has no valid Content-Length (found ${found(rawLength)}); it was skipped up to the next "WARC/1.x" line`);
        const next = await nextVersionLine(reader);
        if (next === null) return;
        resynced = { ...next, offset: reader.offset - next.line.length - 1 };
        continue;
      }
      const block = new WarcBlock(reader, length, recordLabel({ n, targetUri }));
      yield {
        n,
        offset,
        headers,
        type: (headers.get("warc-type") ?? "").toLowerCase(),
        ...(targetUri ? { targetUri } : {}),
        ...(headers.has("warc-date") ? { date: headers.get("warc-date") } : {}),
        length,
        block,
      };
      await block.skipRest();
    }
  } finally {
    // A consumer that stops early must not leave the source (a gunzip) half-read and open.
    await reader.close();
  }
}
