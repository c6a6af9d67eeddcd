import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { looksBinary, looksBinaryBytes } from "./binary.js";

describe("binary", () => {
  it("passes ordinary text, including non-ASCII, tabs and CRLF", () => {
    assert.equal(looksBinary("Iran’s minister met Pakistan’s\tminister.\r\nZürich, Kraków, 北京."), false);
    assert.equal(looksBinaryBytes(Buffer.from("Bárcena met Jaishankar.\n", "utf8")), false);
  });

  it("flags any NUL byte", () => {
    assert.equal(looksBinaryBytes(Buffer.from("plain text\0more text", "utf8")), true);
    assert.equal(looksBinary("plain\u0000"), true);
  });

  it("flags a high share of invalid UTF-8 or control characters", () => {
    const junk = Buffer.alloc(1000);
    for (let i = 0; i < junk.length; i++) junk[i] = i % 2 ? 0xff : 0x41; // "A" and invalid bytes
    assert.equal(looksBinaryBytes(junk), true);
    assert.equal(looksBinary("ab\u0001\u0002\u0003\u0004cd"), true);
  });

  it("does not count a multi-byte character cut at the end of the sample", () => {
    const bytes = Buffer.from("ok ’", "utf8"); // ’ is three bytes
    assert.equal(looksBinaryBytes(bytes.subarray(0, bytes.length - 1)), false);
  });
});
