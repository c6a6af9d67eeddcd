// One JSON-lines record → an article or a problem. The schema is checked with
// zod, but messages are written here so they name the field, what was expected
// and what was found, in the same words as the other ingest problems.
import { z } from "zod";
import type { ArticleInput } from "../../doc/types.js";
import { articleId } from "./article-id.js";
import { normaliseDate } from "./dates.js";
import { stripBom } from "./detect.js";
import { count, found, problem, type ProblemCode } from "./problems.js";
import { maxChars, type IngestItem, type ReadOptions } from "./types.js";

// Unknown keys (events, story_url, …) are dropped: feeds carry extras.
const ArticleRecord = z.object({
  id: z.union([z.string(), z.number()]).nullish(),
  url: z.string().nullish(),
  date: z.string(),
  title: z.string().nullish(),
  source: z.string().nullish(),
  text: z.string(),
});

const EXPECTED: Record<string, string> = {
  id: "a string or number",
  url: "a string",
  date: "a string like YYYY-MM-DD",
  title: "a string",
  source: "a string (the outlet's name)",
  text: "a string",
};

/**
 * Reads a JSON-lines file line by line. A line that is not JSON costs only
 * itself: a truncated first line, or a NUL byte in it, must not lose the
 * records after it. Runs of lines that are not JSON (a pretty-printed
 * document, a pasted log) are reported as one problem at the run's first
 * line with the run's extent, not one problem per line.
 */
export class JsonLinesReader {
  private run: { item: IngestItem & { kind: "problem" }; from: number; to: number; count: number; hint: boolean } | undefined;
  private seen = false; // a non-blank line was read before

  constructor(private readonly file: string, private readonly opts: ReadOptions = {}) {}

  /** The items for line `lineNo` (1-based): none, an article or a problem, after any run it ends. */
  line(text: string, lineNo: number): IngestItem[] {
    const item = parseJsonLine(text, { file: this.file, line: lineNo }, this.opts);
    if (!item) return []; // blank lines neither start nor end a run
    const first = !this.seen;
    this.seen = true;
    if (item.kind === "problem" && item.problem.code === "BAD_JSON") {
      if (this.run) { this.run.to = lineNo; this.run.count++; return []; }
      // "{" alone, or "[": the start of a pretty-printed document rather than a cut-off record
      this.run = { item, from: lineNo, to: lineNo, count: 1, hint: first && !text.trim().endsWith("}") };
      return [];
    }
    return [...this.end(), item];
  }

  /** A line over the line cap, skipped unread. */
  tooLong(bytes: number, lineNo: number, max: number): IngestItem[] {
    this.seen = true;
    return [...this.end(), problem("TOO_LARGE", this.file, lineNo,
      `the line has ${count(bytes)} bytes; lines over ${count(max)} bytes are skipped unread (maxLineBytes, or DYAD_MAX_LINE_BYTES)`)];
  }

  /** The problem of a run of lines that are not JSON, if one is open (call at the end of the file). */
  end(): IngestItem[] {
    const run = this.run;
    if (!run) return [];
    this.run = undefined;
    if (run.count > 1) run.item.problem.message += `; the ${count(run.count - 1)} line(s) after it, to line ${run.to}, were not JSON either: ${count(run.count)} lines skipped`;
    // one bad line is just a bad line; a run of them from the top looks like a document
    if (run.hint && run.count > 1) run.item.problem.message += "; if the file is one pretty-printed JSON document, convert it to JSON lines (one object per line), e.g. with jq -c";
    return [run.item];
  }
}

/** JSON.parse's reason, without the echo of a possibly huge input. */
function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > 120 ? msg.slice(0, 120) + "…" : msg;
}

/**
 * Parses one line of a JSON-lines file. Returns null for a blank line.
 * @example parseJsonLine('{"id":"a","date":"2024-06-09","text":"…"}', { file: "x.jsonl", line: 1 })
 */
export function parseJsonLine(
  line: string,
  origin: { file: string; line: number },
  opts: ReadOptions = {},
): IngestItem | null {
  // A BOM can sit mid-stream when files were concatenated with cat.
  const src = stripBom(line).trim();
  if (src === "") return null;
  const at = (code: ProblemCode, message: string) => problem(code, origin.file, origin.line, message);

  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (err) {
    return at("BAD_JSON", `expected one JSON object per line; the JSON parser says: ${shortReason(err)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return at("NOT_OBJECT", `expected a JSON object {"id", "date", "text", …}; found ${found(value)}`);
  }

  const parsed = ArticleRecord.safeParse(value);
  if (!parsed.success) {
    const obj = value as Record<string, unknown>;
    let code: ProblemCode = "BAD_FIELD";
    const parts: string[] = [];
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (seen.has(key)) continue;
      seen.add(key);
      const got = obj[key];
      if (got === undefined || got === null) {
        code = "MISSING_FIELD";
        parts.push(`missing field "${key}" (expected ${EXPECTED[key] ?? "a value"})`);
      } else {
        parts.push(`field "${key}" should be ${EXPECTED[key] ?? "valid"}; found ${found(got)}`);
      }
    }
    return at(code, parts.join("; "));
  }

  const rec = parsed.data;
  const d = normaliseDate(rec.date);
  if (!d.ok) return at("BAD_DATE", `field "date": ${d.reason}; found ${found(rec.date)}`);
  if (rec.text.trim() === "") return at("EMPTY_TEXT", `expected article text in field "text"; found ${found(rec.text)}`);
  const max = maxChars(opts);
  if (rec.text.length > max) {
    return at("TOO_LARGE", `field "text" has ${count(rec.text.length)} characters; the limit is ${count(max)} (maxArticleBytes)`);
  }

  const article: ArticleInput = {
    id: articleId(rec),
    ...(rec.url ? { url: rec.url } : {}),
    date: d.date,
    ...(rec.title ? { title: rec.title } : {}),
    ...(rec.source?.trim() ? { source: rec.source.trim() } : {}),
    text: rec.text,
    origin: { file: origin.file, line: origin.line },
  };
  return { kind: "article", article };
}
