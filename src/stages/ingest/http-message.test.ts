import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { decodeContentEncoding, dechunk } from "./http-message.js";

const PAGE = "<html><body><p>Kenya and Ethiopia agreed.</p></body></html>";

describe("http-message", () => {
  it("joins a chunked body, and leaves a body that was stored dechunked alone", () => {
    const [a, b] = [PAGE.slice(0, 24), PAGE.slice(24)];
    const chunked = Buffer.from(`${a.length.toString(16)}\r\n${a}\r\n${b.length.toString(16)};ext=1\r\n${b}\r\n0\r\n\r\n`);
    assert.equal(dechunk(chunked).toString(), PAGE);
    assert.equal(dechunk(Buffer.from(PAGE)).toString(), PAGE);
  });

  it("undoes gzip, deflate (wrapped or raw) and brotli", () => {
    for (const [enc, bytes] of [["gzip", gzipSync(PAGE)], ["x-gzip", gzipSync(PAGE)], ["deflate", deflateSync(PAGE)], ["deflate", deflateRawSync(PAGE)], ["br", brotliCompressSync(PAGE)]] as const) {
      const r = decodeContentEncoding(bytes, enc);
      assert.ok(r.ok, enc);
      assert.equal(r.body.toString(), PAGE, enc);
    }
  });

  it("keeps a body that is already plain, and reports one that cannot be decoded", () => {
    const plain = decodeContentEncoding(Buffer.from(PAGE), "gzip");
    assert.ok(plain.ok && plain.body.toString() === PAGE);
    const junk = decodeContentEncoding(Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]), "gzip");
    assert.ok(!junk.ok && !junk.tooLarge);
    assert.match(junk.reason, /Content-Encoding gzip could not be decoded/);
  });

  it("refuses a body that inflates past the page cap", () => {
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
    const r = decodeContentEncoding(bomb, "gzip");
    assert.ok(!r.ok && r.tooLarge);
  });
});
