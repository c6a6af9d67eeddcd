import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { Readable } from "node:stream";
import { readLines } from "./lines.js";

async function all(input: Readable): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(input)) out.push(line);
  return out;
}

describe("readLines", () => {
  it("splits on LF, CRLF and CR, even when a CRLF straddles two chunks", async () => {
    const chunks = ["one\r", "\ntwo\nthr", "ee\r\nfour\rfive"].map((s) => Buffer.from(s));
    assert.deepEqual(await all(Readable.from(chunks, { objectMode: false })), ["one", "two", "three", "four", "five"]);
  });

  it("decodes a UTF-8 character split across chunks", async () => {
    const bytes = Buffer.from("Iran’s\n", "utf8");
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5)];
    assert.deepEqual(await all(Readable.from(chunks, { objectMode: false })), ["Iran’s"]);
  });

  it("does not read ahead of the consumer", async () => {
    // 500 chunks of one 10 KB line each; readline's own iterator would buffer
    // them all (it pauses only after 1024 lines).
    let pulled = 0;
    const line = Buffer.from("x".repeat(10_000) + "\n");
    async function* source() {
      for (let i = 0; i < 500; i++) {
        pulled++;
        yield line;
      }
    }
    const input = Readable.from(source(), { objectMode: false, highWaterMark: 1024 });
    const lines = readLines(input);
    await lines.next();
    await lines.next();
    await new Promise((r) => setTimeout(r, 50)); // give a greedy reader time to run ahead
    assert.ok(pulled < 20, `pulled ${pulled} chunks for 2 lines`);
    await lines.return(undefined);
    input.destroy();
  });

  it("throws a read error after the lines before it", async () => {
    async function* failing() {
      yield Buffer.from("first\n");
      throw Object.assign(new Error("disk on fire"), { code: "EIO" });
    }
    const got: string[] = [];
    await assert.rejects(async () => {
      for await (const l of readLines(Readable.from(failing(), { objectMode: false }))) got.push(l);
    }, /disk on fire/);
    assert.deepEqual(got, ["first"]);
  });
});
