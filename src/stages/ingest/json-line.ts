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
 * True when the first record of a file failed in a way that shows the file is
 * one pretty-printed JSON document ("{" alone on the first line) rather than
 * JSON lines: the reader then stops with one problem instead of one per line.
 * A JSON-lines record always ends its line with "}", so a first line that
 * merely has a typo does not stop the rest of the file being read.
 */
export function startsJsonDocument(item: IngestItem, line: string): boolean {
  if (item.kind !== "problem" || item.problem.code !== "BAD_JSON") return false;
  if (line.trim().endsWith("}")) return false;
  item.problem.message += "; this looks like a pretty-printed JSON document, so the file was not read further (expected JSON lines: one object per line)";
  return true;
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
