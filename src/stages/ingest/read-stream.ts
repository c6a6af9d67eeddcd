// Reads one byte stream (a file or stdin): sniffs its first bytes for binary
// data and for its format, then streams JSON lines one at a time, or gathers a
// dated/plain article (stopping at the size limit) for parseArticleText.
import { Readable } from "node:stream";
import { parseArticleText } from "./article-text.js";
import { looksBinaryBytes } from "./binary.js";
import { classifyHead, stripBom } from "./detect.js";
import { readHead, toBuffer, type StreamHead } from "./head.js";
import { parseJsonLine, startsJsonDocument } from "./json-line.js";
import { readLines } from "./lines.js";
import { count, problem } from "./problems.js";
import { maxChars, MAX_TEXT_FILE_BYTES, SNIFF_BYTES, type IngestItem, type ReadOptions } from "./types.js";

export interface StreamInfo {
  /** Size in bytes when known (files), to refuse huge text files unread. */
  size?: number;
  /** Destroy the source when done (files: yes; process.stdin: no). */
  owned?: boolean;
}

// Room for the "date YYYY-MM-DD" token, which is read but is not part of the
// text the limit is about; parseArticleText then applies the exact limit.
const HEADER_SLACK = 4096;

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
 * Never throws for bad input: read errors become UNREADABLE problems.
 */
export async function* readStream(source: Readable, file: string, opts: ReadOptions, info: StreamInfo = {}): AsyncGenerator<IngestItem> {
  const owned = info.owned ?? true;
  const chunks = source.iterator({ destroyOnReturn: owned });
  let lineInput: Readable | undefined;
  try {
    const head = await readHead(chunks);
    if (head.bytes === 0) {
      yield problem("EMPTY_FILE", file, undefined, "expected articles; found an empty file");
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
    if (kind.kind === "jsonl") {
      lineInput = Readable.from(replay(head, chunks), { objectMode: false });
      yield* jsonLines(readLines(lineInput), file, opts);
      return;
    }
    if (info.size !== undefined && info.size > MAX_TEXT_FILE_BYTES) {
      yield problem("TOO_LARGE", file, undefined, `the file has ${count(info.size)} bytes; article files over ${count(MAX_TEXT_FILE_BYTES)} bytes are not read (JSON-lines files have no such limit)`);
      return;
    }
    // A dated or plain article is one record: gather it, but no further than
    // the limit, so a huge one costs neither memory nor time.
    const limit = start + maxChars(opts) + HEADER_SLACK;
    const parts = [head.text];
    let chars = head.text.length;
    if (!head.ended) {
      for await (const c of { [Symbol.asyncIterator]: () => chunks }) {
        const s = head.decoder.write(toBuffer(c));
        parts.push(s);
        chars += s.length;
        if (chars > limit) {
          yield problem("TOO_LARGE", file, lineAt(text, start), `the text is longer than ${count(maxChars(opts))} characters (maxArticleBytes); not read further`);
          return;
        }
      }
      parts.push(head.decoder.end());
    }
    yield* parseArticleText(parts.join(""), { file, line: 1 }, opts);
  } catch (err) {
    // I/O errors carry a code (EIO, EISDIR, …); anything else is a bug here.
    if (!(err instanceof Error && "code" in err)) throw err;
    yield problem("UNREADABLE", file, undefined, `expected a readable file; reading failed with ${reason(err)}`);
  } finally {
    lineInput?.destroy();
    if (owned) source.destroy();
  }
}

/** The held-back head, then the rest of the stream, as bytes for readline. */
async function* replay(head: StreamHead, chunks: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield* head.chunks;
  if (!head.ended) for await (const c of { [Symbol.asyncIterator]: () => chunks }) yield toBuffer(c);
}

async function* jsonLines(lines: AsyncIterable<string>, file: string, opts: ReadOptions): AsyncGenerator<IngestItem> {
  let lineNo = 0;
  let records = 0;
  for await (const line of lines) {
    lineNo++;
    const item = parseJsonLine(line, { file, line: lineNo }, opts);
    if (!item) continue;
    const stop = records++ === 0 && startsJsonDocument(item, line);
    yield item;
    if (stop) return;
  }
}
