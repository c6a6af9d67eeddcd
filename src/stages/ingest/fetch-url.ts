// URLs as inputs: `dyad ingest https://example.org/feed.xml` fetches the URL
// (with a timeout and a size cap) and reads the body by its content, like a
// file. A failure is one FETCH_FAILED problem naming the URL, never a crash.
import { Readable } from "node:stream";
import { charsetOfContentType } from "./charset.js";
import { count, InputError, problem } from "./problems.js";
import { readStream, type StreamInfo } from "./read-stream.js";
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_FETCH_BYTES, type IngestItem, type ReadOptions, type SourceHints } from "./types.js";

/** An http(s) URL given where a path is expected. */
export function isUrlInput(path: string): boolean {
  return /^https?:\/\//i.test(path);
}

const USER_AGENT = "dyad (political event coder)";

/** Why a fetch failed, in words: undici hides the system error in `cause`. */
function fetchError(err: unknown, timeoutMs: number): string {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `no complete response within ${count(timeoutMs)} ms (fetchTimeoutMs)`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e.message}: ${cause}` : String(e?.message ?? err);
}

/** The body's bytes, failing with FETCH_FAILED past `cap` bytes or when the connection breaks. */
async function* cappedBody(body: ReadableStream<Uint8Array>, url: string, cap: number, timeoutMs: number): AsyncGenerator<Buffer> {
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      let r: ReadableStreamReadResult<Uint8Array>;
      try {
        r = await reader.read();
      } catch (err) {
        throw new InputError("FETCH_FAILED", `expected the whole body of ${url}; reading it failed after ${count(total)} bytes: ${fetchError(err, timeoutMs)}`);
      }
      if (r.done) return;
      total += r.value.byteLength;
      if (total > cap) {
        throw new InputError("FETCH_FAILED", `expected at most ${count(cap)} bytes from ${url} (maxFetchBytes); it sent more, so it was not read further`);
      }
      yield Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/**
 * Fetches a URL and reads its body by content (a page, a feed, a WARC
 * archive, JSON lines, …). `hints` adds what the caller knows, such as the
 * date of the feed item that linked to the page.
 * @example for await (const item of readUrl("https://example.org/feed.xml", {})) …
 */
export async function* readUrl(url: string, opts: ReadOptions, hints: SourceHints = {}, info: Pick<StreamInfo, "follow"> = {}): AsyncGenerator<IngestItem> {
  const timeoutMs = opts.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const cap = opts.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES;
  let res: Response;
  try {
    res = await fetch(url, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
      headers: { "user-agent": USER_AGENT, accept: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8" },
    });
  } catch (err) {
    yield problem("FETCH_FAILED", url, undefined, `expected a response from ${url}; ${fetchError(err, timeoutMs)}`);
    return;
  }
  if (!res.ok || res.body === null) {
    await res.body?.cancel().catch(() => undefined);
    yield problem("FETCH_FAILED", url, undefined, `expected HTTP 200 from ${url}; found HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`);
    return;
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > cap) {
    await res.body.cancel().catch(() => undefined);
    yield problem("FETCH_FAILED", url, undefined, `expected at most ${count(cap)} bytes from ${url} (maxFetchBytes); its Content-Length is ${count(declared)}`);
    return;
  }
  const charset = charsetOfContentType(res.headers.get("content-type"));
  const body = Readable.from(cappedBody(res.body, url, cap, timeoutMs), { objectMode: false });
  // Redirects followed: the final URL is where the page really is.
  yield* readStream(body, url, opts, {
    owned: true,
    hints: { ...hints, url: res.url || hints.url || url, ...(charset ? { charset } : {}) },
    ...info,
  });
}
