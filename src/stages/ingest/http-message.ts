// The HTTP response inside a WARC response record: status line, headers, and
// a body that may still carry its transfer and content encodings (chunked,
// gzip, deflate, br), as crawlers store what came over the wire.
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import { MAX_PAGE_BYTES } from "./types.js";
import type { WarcBlock } from "./warc.js";

const MAX_HTTP_LINE = 16 * 1024;
const MAX_HTTP_FIELDS = 256;

export interface HttpHead {
  status: number;
  /** Header fields by lower-case name (a repeated field keeps its last value). */
  headers: Map<string, string>;
}

/** Reads the status line and headers from a record's block; null when the block is not an HTTP response. */
export async function readHttpHead(block: WarcBlock): Promise<HttpHead | null> {
  const first = await block.readLine(MAX_HTTP_LINE);
  const m = first && !first.long ? /^HTTP\/\d(?:\.\d)?\s+(\d{3})\b/.exec(first.line.toString("latin1")) : null;
  if (!m) return null;
  const headers = new Map<string, string>();
  for (let i = 0; i < MAX_HTTP_FIELDS; i++) {
    const h = await block.readLine(MAX_HTTP_LINE);
    if (h === null || h.line.length === 0) break;
    const line = h.line.toString("latin1");
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { status: Number(m[1]), headers };
}

/**
 * A chunked body joined back together; the body unchanged when it does not
 * parse as chunks (many WARC writers store the body dechunked but keep the
 * Transfer-Encoding header).
 */
export function dechunk(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const nl = body.indexOf("\r\n", pos);
    if (nl < 0) return body;
    const size = parseInt(body.toString("latin1", pos, nl).split(";")[0].trim(), 16);
    if (!Number.isFinite(size) || size < 0 || !/^[0-9a-f]/i.test(body.toString("latin1", pos, pos + 1))) return body;
    if (size === 0) return Buffer.concat(parts);
    const start = nl + 2;
    if (start + size > body.length) return parts.length > 0 ? Buffer.concat([...parts, body.subarray(start)]) : body;
    parts.push(body.subarray(start, start + size));
    pos = start + size + 2;
  }
}

export type Decoding = { ok: true; body: Buffer } | { ok: false; tooLarge: boolean; reason: string };

/**
 * Undoes a Content-Encoding, refusing output over the page cap (a small
 * compressed body can inflate to gigabytes). A body that is already plain
 * markup is returned as is: some tools decode it and keep the header.
 */
export function decodeContentEncoding(body: Buffer, encoding: string | undefined): Decoding {
  const enc = (encoding ?? "").trim().toLowerCase();
  if (enc === "" || enc === "identity" || body.length === 0) return { ok: true, body };
  const opts = { maxOutputLength: MAX_PAGE_BYTES };
  try {
    if (enc === "gzip" || enc === "x-gzip") return { ok: true, body: gunzipSync(body, opts) };
    if (enc === "deflate") {
      // "deflate" is zlib-wrapped by the standard and raw by some servers.
      try {
        return { ok: true, body: inflateSync(body, opts) };
      } catch (err) {
        if (err instanceof RangeError) throw err;
        return { ok: true, body: inflateRawSync(body, opts) };
      }
    }
    if (enc === "br") return { ok: true, body: brotliDecompressSync(body, opts) };
  } catch (err) {
    if (/^\s*</.test(body.toString("latin1", 0, 64))) return { ok: true, body };
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      return { ok: false, tooLarge: true, reason: `the page inflates to over ${MAX_PAGE_BYTES} bytes` };
    }
    return { ok: false, tooLarge: false, reason: `its Content-Encoding ${enc} could not be decoded (${err instanceof Error ? err.message : String(err)})` };
  }
  // An encoding zlib does not know: usable only if the body is plain already.
  if (/^\s*</.test(body.toString("latin1", 0, 64))) return { ok: true, body };
  return { ok: false, tooLarge: false, reason: `its Content-Encoding ${enc} is not supported` };
}
