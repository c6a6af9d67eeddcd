// The start of a stream, held back so its format can be decided before any
// line is read: a one-line 5 GB file must be classified (and refused) from its
// first bytes, not after readline has buffered its whole first "line".
import { StringDecoder } from "node:string_decoder";
import { SNIFF_BYTES } from "./types.js";

export interface StreamHead {
  /** The raw chunks read so far, to replay to a line reader. */
  chunks: Buffer[];
  bytes: number;
  /** Their text, decoded by `decoder`, which can go on with later chunks. */
  text: string;
  decoder: StringDecoder;
  /** True when the whole stream was read, or reading it failed. */
  ended: boolean;
  /**
   * Why reading stopped early (a gzip cut short): kept, not thrown, so what
   * was read before it is still read, and thrown after it.
   */
  error?: unknown;
}

// Characters wanted after the first non-blank one: enough for the longest
// date line token ("date 2024-06-09T08:30:00.000+05:30").
const LOOKAHEAD = 64;

export function toBuffer(chunk: unknown): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
}

/**
 * Reads at least SNIFF_BYTES (or everything), and on until the first
 * non-blank character and a little after it are in hand. Leading whitespace
 * is kept, however long: only a pathological file has megabytes of it.
 */
export async function readHead(chunks: AsyncIterator<unknown>): Promise<StreamHead> {
  const head: StreamHead = { chunks: [], bytes: 0, text: "", decoder: new StringDecoder("utf8"), ended: false };
  for (;;) {
    if (head.bytes >= SNIFF_BYTES) {
      const start = head.text.search(/\S/);
      if (start >= 0 && head.text.length - start >= LOOKAHEAD) return head;
    }
    let r: IteratorResult<unknown>;
    try {
      r = await chunks.next();
    } catch (err) {
      head.error = err;
      r = { done: true, value: undefined };
    }
    if (r.done) {
      head.ended = true;
      head.text += head.decoder.end();
      return head;
    }
    const b = toBuffer(r.value);
    head.chunks.push(b);
    head.bytes += b.length;
    head.text += head.decoder.write(b);
  }
}
