import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PassThrough, Readable } from "node:stream";
import { readStream } from "./read-stream.js";
import type { IngestItem, ReadOptions } from "./types.js";

/** A stream of `n` chunks made by `make`, counting how many were pulled. */
function counted(n: number, make: (i: number) => string) {
  const state = { pulled: 0 };
  async function* gen() {
    for (let i = 0; i < n; i++) {
      state.pulled++;
      yield Buffer.from(make(i));
    }
  }
  return { stream: Readable.from(gen(), { objectMode: false, highWaterMark: 1024 }), state };
}

async function collect(source: Readable, opts: ReadOptions = {}, owned = true): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const item of readStream(source, "in", opts, { owned })) out.push(item);
  return out;
}

const codes = (items: IngestItem[]) => items.map((i) => (i.kind === "problem" ? i.problem.code : "article"));

describe("readStream", () => {
  it("decides NO_DATE from the first bytes of a huge one-line stream", async () => {
    const { stream, state } = counted(2000, () => "word ".repeat(2000)); // 20 MB, no newline
    assert.deepEqual(codes(await collect(stream)), ["NO_DATE"]);
    assert.ok(state.pulled < 10, `pulled ${state.pulled} of 2000 chunks`);
  });

  it("stops reading an article stream of unknown size once it passes the limit", async () => {
    const { stream, state } = counted(1000, (i) => (i === 0 ? "date 2024-06-09 " : "") + "x".repeat(10_000));
    const items = await collect(stream, { maxArticleBytes: 50_000 });
    assert.deepEqual(codes(items), ["TOO_LARGE"]);
    assert.ok(state.pulled < 20, `pulled ${state.pulled} of 1000 chunks`);
  });

  it("gives the records before a read error, then UNREADABLE", async () => {
    // More than the sniffed head, so the error comes while lines are read.
    const records = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `r${i}`, date: "2024-06-09", text: "A." }) + "\n").join("");
    async function* failing() {
      yield Buffer.from(records);
      throw Object.assign(new Error("device gone"), { code: "EIO" });
    }
    const items = await collect(Readable.from(failing(), { objectMode: false }));
    assert.equal(items.length, 201);
    assert.deepEqual(codes(items.slice(199)), ["article", "UNREADABLE"]);
    const last = items[200];
    assert.ok(last.kind === "problem");
    assert.match(last.problem.message, /EIO: device gone/);
  });

  it("leaves a source it does not own (stdin) open when the consumer stops early", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `r${i}`, date: "2024-06-09", text: "A." }) + "\n").join("");
    for (const owned of [false, true]) {
      const src = new PassThrough();
      src.write(lines); // never ended, like a terminal on stdin
      for await (const item of readStream(src, "in", {}, { owned })) {
        assert.equal(item.kind, "article");
        break;
      }
      assert.equal(src.destroyed, owned, `owned: ${owned}`);
      src.destroy();
    }
  });

  it("reads JSON lines with blank and whitespace lines between records", async () => {
    const src = Readable.from([Buffer.from('\n  \n{"id":"a","date":"2024-06-09","text":"A."}\n\n{"id":"b","date":"2024-06-09","text":"B."}')], { objectMode: false });
    const items = await collect(src);
    assert.deepEqual(items.map((i) => (i.kind === "article" ? `${i.article.id}@${i.article.origin?.line}` : "?")), ["a@3", "b@5"]);
  });
});
