// Format detection by content, not file name: the first non-blank line says
// whether a file is JSON lines, a dated article or plain text. Shared by the
// streaming reader and the whole-text parser so both decide alike.
import { DATE_FORMS, normaliseDate } from "./dates.js";
import { found, type ProblemCode } from "./problems.js";
import type { ReadOptions } from "./types.js";

export type Head =
  | { kind: "jsonl" }
  /** `prefix` is the length of the `date …` token to cut off the text. */
  | { kind: "dated"; date: string; prefix: number }
  | { kind: "plain"; date: string }
  | { kind: "problem"; code: ProblemCode; message: string };

// "date" then a token starting with a digit: the digit keeps prose that opens
// with the word "date" from being read as a date line.
const DATE_LINE = /^date[ \t]+(\d\S*)/i;
// A JSON array of records, a common export format; matched narrowly so that
// prose opening with "[Reuters]" stays plain text.
const JSON_ARRAY = /^\[\s*(\{|$)/;

export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Classifies content by its first non-blank line, given without leading whitespace. */
export function classifyHead(first: string, opts: ReadOptions): Head {
  if (first.startsWith("{")) return { kind: "jsonl" };
  if (JSON_ARRAY.test(first)) {
    return {
      kind: "problem",
      code: "NOT_OBJECT",
      message: `expected JSON lines (one object per line); found a JSON array (convert it with: jq -c '.[]')`,
    };
  }
  const m = DATE_LINE.exec(first);
  if (m) {
    const d = normaliseDate(m[1]);
    if (!d.ok) {
      return { kind: "problem", code: "BAD_DATE", message: `date line: ${d.reason}; found ${found(m[1])}` };
    }
    return { kind: "dated", date: d.date, prefix: m[0].length };
  }
  if (opts.date === undefined) {
    return {
      kind: "problem",
      code: "NO_DATE",
      message: `expected a first line "date YYYY-MM-DD" (or a date given with --date) before plain text; found ${found(first, 40)}`,
    };
  }
  const d = normaliseDate(opts.date);
  if (!d.ok) {
    return { kind: "problem", code: "BAD_DATE", message: `--date option: ${d.reason}; found ${found(opts.date)} (accepted: ${DATE_FORMS})` };
  }
  return { kind: "plain", date: d.date };
}
