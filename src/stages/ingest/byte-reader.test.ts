import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ByteReader } from "./byte-reader.js";

function reader(...parts: string[]): ByteReader {
  async function* gen() {
    for (const p of parts) yield Buffer.from(p, "latin1");
  }
  return new ByteReader(gen());
}

describe("ByteReader", () => {
  it("reads CRLF and LF lines across chunk boundaries, a CR split from its LF too", async () => {
    const r = reader("WARC/1.1\r", "\nWARC-Type: resp", "onse\n\r\nrest");
    assert.equal((await r.readLine(100))?.line.toString(), "WARC/1.1");
    assert.equal((await r.readLine(100))?.line.toString(), "WARC-Type: response");
    assert.equal((await r.readLine(100))?.line.toString(), "");
    assert.equal(r.offset, 32);
    assert.deepEqual(await r.readLine(100), { line: Buffer.from("rest"), long: false });
    assert.equal(await r.readLine(100), null);
  });

  it("cuts a line longer than the limit instead of buffering on", async () => {
    const r = reader("x".repeat(50), "y".repeat(50), "\nnext\n");
    const first = await r.readLine(64);
    assert.deepEqual([first?.line.length, first?.long], [64, true]);
    assert.equal((await r.readLine(64))?.line.toString(), "y".repeat(36));
    assert.equal((await r.readLine(64))?.line.toString(), "next");
  });

  it("reads and skips byte counts, returning short at the end of the stream", async () => {
    const r = reader("abc", "defgh", "ij");
    assert.equal((await r.read(4)).toString(), "abcd");
    assert.equal(await r.skip(3), 3);
    assert.equal((await r.read(10)).toString(), "hij");
    assert.equal(await r.skip(5), 0);
    assert.equal(r.offset, 10);
  });
});
