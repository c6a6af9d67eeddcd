import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type Line } from "./lines.js";

async function all(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, max = 1 << 20): Promise<Line[]> {
  const out: Line[] = [];
  async function* source() { yield* chunks; }
  for await (const line of splitLines(source(), max)) out.push(line);
  return out;
}
const texts = (lines: Line[]) => lines.map((l) => ("text" in l ? l.text : `<${l.tooLong} bytes>`));

describe("splitLines", () => {
  it("splits on LF, CRLF and CR, even when a CRLF straddles two chunks", async () => {
    const chunks = ["one\r", "\ntwo\nthr", "ee\r\nfour\rfive"].map((s) => Buffer.from(s));
    assert.deepEqual(texts(await all(chunks)), ["one", "two", "three", "four", "five"]);
  });

  it("keeps empty lines and a last line without a break", async () => {
    assert.deepEqual(texts(await all([Buffer.from("a\n\n\r\nb")])), ["a", "", "", "b"]);
    assert.deepEqual(texts(await all([Buffer.from("a\n")])), ["a"]);
  });

  it("decodes a UTF-8 character split across chunks", async () => {
    const bytes = Buffer.from("Iran’s\n", "utf8");
    assert.deepEqual(texts(await all([bytes.subarray(0, 5), bytes.subarray(5)])), ["Iran’s"]);
  });

  it("skips a line over the cap, counting its bytes, and reads the lines after it", async () => {
    const chunks = [Buffer.from("short\nxxxxx"), Buffer.from("xxxxxxxxxx"), Buffer.from("xxxxx\r"), Buffer.from("\nafter\n")];
    assert.deepEqual(texts(await all(chunks, 10)), ["short", "<20 bytes>", "after"]);
    // exactly at the cap is kept
    assert.deepEqual(texts(await all([Buffer.from("0123456789\n")], 10)), ["0123456789"]);
  });

  it("does not read ahead of the consumer", async () => {
    let pulled = 0;
    const line = Buffer.from("x".repeat(10_000) + "\n");
    async function* source() {
      for (let i = 0; i < 500; i++) { pulled++; yield line; }
    }
    const lines = splitLines(source(), 1 << 20);
    await lines.next();
    await lines.next();
    assert.equal(pulled, 2);
    await lines.return(undefined);
  });

  it("throws a read error after the whole lines before it, dropping the cut-off one", async () => {
    async function* failing() {
      yield Buffer.from("first\nsecond, cut");
      throw Object.assign(new Error("disk on fire"), { code: "EIO" });
    }
    const got: string[] = [];
    await assert.rejects(async () => {
      for await (const l of splitLines(failing(), 100)) got.push("text" in l ? l.text : "?");
    }, /disk on fire/);
    assert.deepEqual(got, ["first"]);
  });
});
