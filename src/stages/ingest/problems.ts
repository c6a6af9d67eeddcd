// The table of ingest problem codes and the helpers that build problems, so
// every message says what was expected and what was found, in one style.
import type { IngestItem } from "./types.js";

/** Stable codes: callers count and filter by these, so never rename one. */
export const PROBLEM_CODES = {
  NOT_FOUND: "the path does not exist",
  UNREADABLE: "the path exists but cannot be read",
  BINARY: "the file holds binary data, not text",
  EMPTY_FILE: "the file is empty or holds only whitespace",
  BAD_JSON: "a JSON-lines line is not valid JSON",
  NOT_OBJECT: "a JSON-lines line is valid JSON but not an object",
  MISSING_FIELD: "a record lacks `date` or `text`",
  BAD_FIELD: "a record field has the wrong type",
  BAD_DATE: "a date is not a real calendar date between 1900-01-01 and tomorrow",
  NO_DATE: "plain text without a `date` line and without a date option, or a page or feed item with no publication date",
  EMPTY_TEXT: "the article text is empty or whitespace",
  TOO_LARGE: "the article or file is over the size limit",
  NO_ARTICLE: "an HTML page (or a WARC archive) holds no article text worth coding",
  NOT_ENGLISH: "the article is not in English (the language detected is in the message)",
  BAD_XML: "a feed is not well-formed XML",
  UNSUPPORTED: "markup that is neither an HTML page nor an RSS or Atom feed",
  BAD_GZIP: "gzip data is truncated or corrupt",
  BAD_WARC: "a WARC record is malformed or truncated",
  FETCH_FAILED: "a URL could not be fetched (network error, timeout, HTTP error status or size cap)",
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function problem(code: ProblemCode, file: string, line: number | undefined, message: string): IngestItem {
  return { kind: "problem", problem: line === undefined ? { file, code, message } : { file, line, code, message } };
}

/**
 * Bad input found deep inside a stream (a gzip member cut short, a URL body
 * that times out): thrown through the format readers, which cannot go on, and
 * turned into one problem by the stream reader that called them.
 */
export class InputError extends Error {
  constructor(readonly code: ProblemCode, message: string, readonly line?: number) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * A short, quoted rendering of a found value for messages, so a 5 MB bad line
 * does not become a 5 MB message.
 */
export function found(value: unknown, max = 60): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    const s = value.length > max ? value.slice(0, max) + "…" : value;
    return JSON.stringify(s);
  }
  return `${typeof value} ${String(value)}`;
}

/** 1234567 → "1,234,567": limits in messages are easier to read grouped. */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
