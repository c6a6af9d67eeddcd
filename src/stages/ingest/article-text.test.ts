import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseArticleText } from "./article-text.js";
import { contentHash } from "./article-id.js";
import { STDIN_NAME, type IngestItem } from "./types.js";

const SEED_START = "date 2024-06-09 Iran’s Acting Foreign Minister Ali Bagheri, who is in the Turkish city of Istanbul";

function only(items: IngestItem[]) {
  assert.equal(items.length, 1, JSON.stringify(items));
  return items[0];
}

function codeOf(items: IngestItem[]): string {
  const item = only(items);
  assert.equal(item.kind, "problem", JSON.stringify(item));
  return item.kind === "problem" ? item.problem.code : "";
}

describe("parseArticleText", () => {
  it("reads a dated article: date from the first token, text after it, id from the file name", () => {
    const item = only(parseArticleText(" " + SEED_START + "\n", { file: "examples/seed-article.txt" }, {}));
    assert.deepEqual(item, {
      kind: "article",
      article: {
        id: "seed-article",
        date: "2024-06-09",
        text: SEED_START.slice("date 2024-06-09 ".length),
        origin: { file: "examples/seed-article.txt", line: 1 },
      },
    });
  });

  it("gives a dated article from stdin a content-hash id", () => {
    const item = only(parseArticleText("date 2024-06-09 Kenya hosted talks.", { file: STDIN_NAME }, {}));
    assert.ok(item.kind === "article");
    assert.equal(item.article.id, contentHash("Kenya hosted talks."));
  });

  it("strips a BOM and normalises mixed CRLF/LF/CR endings to LF", () => {
    const item = only(parseArticleText("\uFEFFdate 2024-06-09 One.\r\nTwo.\nThree.\rFour.\r\n", { file: "a.txt" }, {}));
    assert.ok(item.kind === "article");
    assert.equal(item.article.text, "One.\nTwo.\nThree.\nFour.");
  });

  it("finds the date line after blank lines and reports its line number", () => {
    const item = only(parseArticleText("\n\r\n  date 20240610\n\nNAIROBI: text.\n", { file: "k.txt", line: 1 }, {}));
    assert.ok(item.kind === "article");
    assert.equal(item.article.date, "2024-06-10");
    assert.equal(item.article.text, "NAIROBI: text.");
    assert.deepEqual(item.article.origin, { file: "k.txt", line: 3 });
  });

  it("takes plain text with opts.date whole; a date line wins over opts.date", () => {
    const plain = only(parseArticleText("\nABUJA: text.\n", { file: "p.txt" }, { date: "2024-06-01" }));
    assert.ok(plain.kind === "article");
    assert.equal(plain.article.date, "2024-06-01");
    assert.equal(plain.article.text, "ABUJA: text.");
    const dated = only(parseArticleText("date 2024-06-09 X.", { file: "p.txt" }, { date: "2024-06-01" }));
    assert.ok(dated.kind === "article");
    assert.equal(dated.article.date, "2024-06-09");
  });

  it("does not take prose that opens with the word 'date' for a date line", () => {
    assert.equal(codeOf(parseArticleText("Date palms were exported.", { file: "p.txt" }, {})), "NO_DATE");
  });

  it("reports NO_DATE naming the file when plain text has no date", () => {
    const item = only(parseArticleText("ABUJA: text.", { file: "plain/no-date.txt" }, {}));
    assert.ok(item.kind === "problem");
    assert.equal(item.problem.code, "NO_DATE");
    assert.equal(item.problem.file, "plain/no-date.txt");
    assert.match(item.problem.message, /expected a first line "date YYYY-MM-DD".*found "ABUJA: text\."/);
  });

  it("reports bad dates in the date line and in opts.date", () => {
    assert.equal(codeOf(parseArticleText("date 2024-02-30 X.", { file: "a.txt" }, {})), "BAD_DATE");
    assert.equal(codeOf(parseArticleText("date 2024-13-01 X.", { file: "a.txt" }, {})), "BAD_DATE");
    const item = only(parseArticleText("X.", { file: "a.txt" }, { date: "yesterday" }));
    assert.ok(item.kind === "problem");
    assert.equal(item.problem.code, "BAD_DATE");
    assert.match(item.problem.message, /--date/);
  });

  it("reports empty files, whitespace-only files and a date line with no text", () => {
    assert.equal(codeOf(parseArticleText("", { file: "e.txt" }, {})), "EMPTY_FILE");
    assert.equal(codeOf(parseArticleText("\uFEFF \r\n\t\n", { file: "e.txt" }, {})), "EMPTY_FILE");
    assert.equal(codeOf(parseArticleText("date 2024-06-09   \n\n", { file: "e.txt" }, {})), "EMPTY_TEXT");
  });

  it("reports text over maxArticleBytes, counting the text only", () => {
    assert.equal(codeOf(parseArticleText("date 2024-06-09 " + "a".repeat(11), { file: "a.txt" }, { maxArticleBytes: 10 })), "TOO_LARGE");
    assert.equal(only(parseArticleText("date 2024-06-09 " + "a".repeat(10), { file: "a.txt" }, { maxArticleBytes: 10 })).kind, "article");
  });

  it("reports binary content", () => {
    assert.equal(codeOf(parseArticleText("date 2024-06-09 \u0000\u0001\u0002", { file: "b.bin" }, {})), "BINARY");
  });

  it("reads JSON-lines content line by line, numbering lines from origin.line", () => {
    const items = parseArticleText('\n{"id":"a","date":"2024-06-09","text":"x"}\r\nnot json\n', { file: "x", line: 10 }, {});
    assert.equal(items.length, 2);
    assert.ok(items[0].kind === "article" && items[0].article.origin?.line === 11);
    assert.ok(items[1].kind === "problem" && items[1].problem.code === "BAD_JSON" && items[1].problem.line === 12);
  });

  it("reports a pretty-printed JSON document as one problem", () => {
    const items = parseArticleText('{\n  "id": "a",\n  "text": "x"\n}\n', { file: "doc.json" }, {});
    assert.equal(items.length, 1);
    assert.ok(items[0].kind === "problem");
    assert.match(items[0].problem.message, /pretty-printed JSON document/);
  });

  it("refuses a JSON array even when a date is given", () => {
    const item = only(parseArticleText('[{"date":"2024-06-09","text":"x"}]', { file: "a.json" }, { date: "2024-06-09" }));
    assert.ok(item.kind === "problem");
    assert.equal(item.problem.code, "NOT_OBJECT");
    assert.match(item.problem.message, /JSON array/);
    assert.equal(only(parseArticleText("[Reuters] Chile recalled its envoy.", { file: "r.txt" }, { date: "2024-06-09" })).kind, "article");
  });
});
