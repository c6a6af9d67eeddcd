import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseJsonLine } from "./json-line.js";
import type { IngestItem } from "./types.js";

const at = { file: "in.jsonl", line: 7 };

function problemOf(item: IngestItem | null) {
  assert.ok(item && item.kind === "problem", `expected a problem, got ${JSON.stringify(item)}`);
  return item.problem;
}

function articleOf(item: IngestItem | null) {
  assert.ok(item && item.kind === "article", `expected an article, got ${JSON.stringify(item)}`);
  return item.article;
}

describe("parseJsonLine", () => {
  it("reads a record, keeping url and title and dropping extra fields", () => {
    const line = JSON.stringify({ id: "dev-1", url: "https://e.org/1", date: "2024-06-09", title: "T", text: "Iran met Pakistan.", events: [1] });
    assert.deepEqual(articleOf(parseJsonLine(line, at)), {
      id: "dev-1",
      url: "https://e.org/1",
      date: "2024-06-09",
      title: "T",
      text: "Iran met Pakistan.",
      origin: { file: "in.jsonl", line: 7 },
    });
  });

  it("returns null for blank lines (with CR or spaces)", () => {
    assert.equal(parseJsonLine("", at), null);
    assert.equal(parseJsonLine("  \r", at), null);
  });

  it("normalises timestamp and compact dates, and tolerates a BOM and a trailing CR", () => {
    const a = articleOf(parseJsonLine('\uFEFF{"id":1,"date":"2024-06-10T08:30:00Z","text":"x"}\r', at));
    assert.equal(a.date, "2024-06-10");
    assert.equal(a.id, "1");
    assert.equal(articleOf(parseJsonLine('{"date":"20240612","text":"x"}', at)).date, "2024-06-12");
  });

  it("reports invalid JSON with the parser's reason and the line", () => {
    const p = problemOf(parseJsonLine('{"id": "a", "text": "unterminated', at));
    assert.equal(p.code, "BAD_JSON");
    assert.equal(p.line, 7);
    assert.equal(p.file, "in.jsonl");
    assert.match(p.message, /^expected one JSON object per line; the JSON parser says: \S/);
  });

  it("keeps the message short for a huge bad line", () => {
    const p = problemOf(parseJsonLine("{" + "x".repeat(100_000), at));
    assert.equal(p.code, "BAD_JSON");
    assert.ok(p.message.length < 300, `message is ${p.message.length} chars`);
  });

  it("reports JSON that is not an object", () => {
    for (const line of ["[1,2]", '"text"', "42", "null"]) {
      assert.equal(problemOf(parseJsonLine(line, at)).code, "NOT_OBJECT", line);
    }
  });

  it("reports a missing date or text, naming the field", () => {
    const p = problemOf(parseJsonLine('{"id":"a","text":"x"}', at));
    assert.equal(p.code, "MISSING_FIELD");
    assert.match(p.message, /missing field "date"/);
    const q = problemOf(parseJsonLine('{"id":"a","date":"2024-06-09","text":null}', at));
    assert.equal(q.code, "MISSING_FIELD");
    assert.match(q.message, /"text"/);
  });

  it("reports a field of the wrong type with what was found", () => {
    const p = problemOf(parseJsonLine('{"id":"a","date":"2024-06-09","text":42}', at));
    assert.equal(p.code, "BAD_FIELD");
    assert.match(p.message, /field "text" should be a string; found number 42/);
    assert.equal(problemOf(parseJsonLine('{"id":["a"],"date":"2024-06-09","text":"x"}', at)).code, "BAD_FIELD");
    assert.equal(problemOf(parseJsonLine('{"date":20240609,"text":"x"}', at)).code, "BAD_FIELD");
  });

  it("reports dates that are not real or out of range", () => {
    for (const d of ["2024-02-30", "2024-13-01", "yesterday", "1899-12-31", "2999-01-01"]) {
      const p = problemOf(parseJsonLine(JSON.stringify({ date: d, text: "x" }), at));
      assert.equal(p.code, "BAD_DATE", d);
      assert.ok(p.message.includes(JSON.stringify(d)), p.message);
    }
  });

  it("reports empty text", () => {
    assert.equal(problemOf(parseJsonLine('{"date":"2024-06-09","text":" \\n "}', at)).code, "EMPTY_TEXT");
  });

  it("reports text over maxArticleBytes", () => {
    const line = JSON.stringify({ date: "2024-06-09", text: "a".repeat(101) });
    const p = problemOf(parseJsonLine(line, at, { maxArticleBytes: 100 }));
    assert.equal(p.code, "TOO_LARGE");
    assert.match(p.message, /101 characters; the limit is 100/);
    assert.equal(articleOf(parseJsonLine(line, at, { maxArticleBytes: 101 })).text.length, 101);
  });
});
