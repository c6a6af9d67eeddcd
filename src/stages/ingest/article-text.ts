// A whole file's content → articles or problems, without touching the disk:
// a dated article, plain text dated by the options, or (handed on line by
// line) JSON lines. The streaming reader ends here for non-JSONL files too.
import { basename, extname } from "node:path";
import type { ArticleInput } from "../../doc/types.js";
import { articleId } from "./article-id.js";
import { looksBinary } from "./binary.js";
import { classifyHead, stripBom } from "./detect.js";
import { JsonLinesReader } from "./json-line.js";
import { count, problem } from "./problems.js";
import { maxChars, SNIFF_BYTES, STDIN_NAME, type IngestItem, type ReadOptions } from "./types.js";

/** A dated file's id is its name ("seed-article.txt" → "seed-article"); stdin has none. */
export function fileId(file: string): string | undefined {
  if (file === STDIN_NAME || file === "-") return undefined;
  const name = basename(file, extname(file));
  return name === "" ? undefined : name;
}

/**
 * Parses the whole content of a file. `origin.line` is the line number of the
 * content's first line (default 1), so problems name lines of the real file.
 * Line endings are normalised to "\n" and the text is trimmed, so the text
 * (and the offsets later stages give into it) does not depend on CRLF or on
 * whether it came from a file or a stream.
 * @example parseArticleText("date 2024-06-09 Iran’s Acting …", { file: "a.txt" }, {})
 */
export function parseArticleText(text: string, origin: { file: string; line?: number }, opts: ReadOptions): IngestItem[] {
  const { file } = origin;
  const base = origin.line ?? 1;
  const content = stripBom(text).replace(/\r\n?/g, "\n");
  if (looksBinary(content.slice(0, SNIFF_BYTES))) {
    return [problem("BINARY", file, undefined, "expected text; found binary data (NUL bytes, invalid UTF-8 or control characters)")];
  }
  const start = content.search(/\S/);
  if (start < 0) {
    return [problem("EMPTY_FILE", file, undefined, content === "" ? "expected articles; found an empty file" : "expected articles; found only whitespace")];
  }
  // Line of the first non-blank character: where the date line is, if any.
  let headLine = base;
  for (let i = content.indexOf("\n"); i >= 0 && i < start; i = content.indexOf("\n", i + 1)) headLine++;
  const body = content.slice(start);

  const head = classifyHead(body, opts);
  if (head.kind === "problem") return [problem(head.code, file, headLine, head.message)];
  if (head.kind === "jsonl") {
    const reader = new JsonLinesReader(file, opts);
    const lines = content.split("\n");
    const items = lines.flatMap((l, i) => reader.line(l, base + i));
    return [...items, ...reader.end()];
  }

  const articleText = (head.kind === "dated" ? body.slice(head.prefix) : body).trim();
  if (articleText === "") {
    return [problem("EMPTY_TEXT", file, headLine, `expected article text after the date line; found none`)];
  }
  const max = maxChars(opts);
  if (articleText.length > max) {
    return [problem("TOO_LARGE", file, headLine, `the text has ${count(articleText.length)} characters; the limit is ${count(max)} (maxArticleBytes)`)];
  }
  const article: ArticleInput = {
    id: articleId({ id: fileId(file), text: articleText }),
    date: head.date,
    text: articleText,
    origin: { file, line: headLine },
  };
  return [{ kind: "article", article }];
}
