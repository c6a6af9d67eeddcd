// A pull reader over a stream of byte chunks, for formats framed by header
// lines and byte counts (WARC records, the HTTP messages inside them): read a
// line, read or skip n bytes. It holds at most one chunk plus what was asked
// for, so an archive of any size is read in flat memory.

const EMPTY = Buffer.alloc(0);

export class ByteReader {
  private buf: Buffer = EMPTY;
  private pos = 0;
  private done = false;
  /** Bytes consumed so far: the offset of the next byte in the stream. */
  offset = 0;

  constructor(private readonly chunks: AsyncIterator<Uint8Array>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const r = await this.chunks.next();
    if (r.done) {
      this.done = true;
      return false;
    }
    const chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    this.buf = this.pos < this.buf.length ? Buffer.concat([this.buf.subarray(this.pos), chunk]) : chunk;
    this.pos = 0;
    return true;
  }

  /**
   * The next line without its "\n" or "\r\n"; null at the end of the stream.
   * A line longer than `max` bytes is returned cut at `max` with `long` set,
   * so a missing line break cannot make the reader buffer a whole archive.
   */
  async readLine(max: number): Promise<{ line: Buffer; long: boolean } | null> {
    let searched = 0; // bytes of the unread part already searched for "\n"
    for (;;) {
      const nl = this.buf.indexOf(0x0a, this.pos + searched);
      if (nl >= 0 && nl - this.pos <= max) {
        const end = nl > this.pos && this.buf[nl - 1] === 0x0d ? nl - 1 : nl;
        const line = this.buf.subarray(this.pos, end);
        this.offset += nl + 1 - this.pos;
        this.pos = nl + 1;
        return { line, long: false };
      }
      const unread = this.buf.length - this.pos;
      if (unread > max) {
        const line = this.buf.subarray(this.pos, this.pos + max);
        this.offset += max;
        this.pos += max;
        return { line, long: true };
      }
      searched = unread; // fill() moves the unread bytes to the start of buf
      if (!(await this.fill())) {
        if (unread === 0) return null;
        const line = this.buf.subarray(this.pos);
        this.offset += line.length;
        this.pos = this.buf.length;
        return { line, long: false };
      }
    }
  }

  /** Up to `n` bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      if (this.pos >= this.buf.length && !(await this.fill())) break;
      const take = Math.min(n - got, this.buf.length - this.pos);
      parts.push(this.buf.subarray(this.pos, this.pos + take));
      this.pos += take;
      got += take;
    }
    this.offset += got;
    return parts.length === 1 ? parts[0] : Buffer.concat(parts, got);
  }

  /** Ends the stream early (its producer's cleanup runs: a gunzip is torn down). */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.chunks.return?.();
  }

  /** Skips up to `n` bytes without keeping them; returns how many were skipped. */
  async skip(n: number): Promise<number> {
    let skipped = 0;
    while (skipped < n) {
      if (this.pos >= this.buf.length && !(await this.fill())) break;
      const take = Math.min(n - skipped, this.buf.length - this.pos);
      this.pos += take;
      skipped += take;
    }
    this.offset += skipped;
    return skipped;
  }
}
