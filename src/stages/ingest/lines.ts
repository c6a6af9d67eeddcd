// Lines of a byte stream, one at a time, with a cap on a line's length: a
// line over the cap is skipped as it streams past (its bytes are counted, not
// kept), so memory is bounded by the cap and not by the longest line. A 600 MB
// line costs what a cap-sized one does, and the lines after it are still read.

/** A line's text, or the length in bytes of a line that was over the cap and skipped. */
export type Line = { text: string } | { tooLong: number };

const LF = 0x0a, CR = 0x0d;

/**
 * Yields the lines of `bytes` without their line endings ("\n", "\r\n" or
 * "\r", mixed freely, a "\r\n" split across chunks being one break). A line
 * over `maxBytes` bytes is yielded as `{ tooLong }`. Pulls a chunk only when
 * its lines are used up, so a slow consumer holds at most one chunk. A read
 * error is thrown after the whole lines before it; the cut-off line is dropped.
 */
export async function* splitLines(bytes: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0; // bytes of the current line so far, kept or not
  let skipping = false;
  let afterCR = false; // the last chunk ended in "\r": a "\n" first in the next one belongs to it
  const take = (piece: Buffer) => {
    length += piece.length;
    if (skipping) return;
    if (length > maxBytes) { skipping = true; parts = []; return; }
    if (piece.length) parts.push(piece);
  };
  const finish = (): Line => {
    const line: Line = skipping ? { tooLong: length } : { text: (parts.length === 1 ? parts[0] : Buffer.concat(parts, length)).toString("utf8") };
    parts = []; length = 0; skipping = false;
    return line;
  };
  for await (const c of bytes) {
    const chunk = Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    let i = 0;
    if (afterCR && chunk.length) {
      if (chunk[0] === LF) i = 1;
      afterCR = false;
    }
    // next "\n" and "\r" at or after i, each searched for once per chunk position
    let lf = chunk.indexOf(LF, i), cr = chunk.indexOf(CR, i);
    while (i < chunk.length) {
      if (lf >= 0 && lf < i) lf = chunk.indexOf(LF, i);
      if (cr >= 0 && cr < i) cr = chunk.indexOf(CR, i);
      const end = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
      if (end < 0) { take(chunk.subarray(i)); break; }
      take(chunk.subarray(i, end));
      yield finish();
      if (chunk[end] === CR) {
        if (end + 1 === chunk.length) afterCR = true;
        else if (chunk[end + 1] === LF) { i = end + 2; continue; }
      }
      i = end + 1;
    }
  }
  if (length > 0 || skipping) yield finish();
}
