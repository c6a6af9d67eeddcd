// Gzip around any format (.jsonl.gz, .warc.gz, a gzipped feed): the bytes are
// inflated as a stream, members one after another as WARC writes them, and
// a cut-off or corrupt stream becomes one BAD_GZIP problem after the records
// read before it (the stream reader says how many).
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { count, InputError } from "./problems.js";

/** Node's zlib errors carry a Z_* code; I/O errors from the source do not. */
function isZlibError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === "string" && (err as NodeJS.ErrnoException).code!.startsWith("Z_");
}

/**
 * The inflated bytes of a gzip stream. Read errors of the source pass through
 * unchanged (they are the file's, not the gzip's).
 * @example for await (const chunk of gunzip(createReadStream("a.warc.gz"))) …
 */
export async function* gunzip(source: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const input = Readable.from(source, { objectMode: false });
  const inflate = createGunzip();
  input.on("error", (err) => inflate.destroy(err));
  input.pipe(inflate);
  let inflated = 0;
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      yield chunk;
    }
  } catch (err) {
    if (!isZlibError(err)) throw err;
    const cut = err.code === "Z_BUF_ERROR" ? "is truncated (the file ends inside a compressed block)" : `is corrupt (${err.message})`;
    throw new InputError("BAD_GZIP", `expected complete gzip data; the gzip stream ${cut} after ${count(inflated)} inflated bytes`);
  } finally {
    input.destroy();
    inflate.destroy();
  }
}
