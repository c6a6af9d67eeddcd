// The ingest stage's own types and limits: what callers pass in and what they
// get back (an article or a problem per record, never an exception).
import type { ArticleInput, InputProblem } from "../../doc/types.js";

export interface ReadOptions {
  /** YYYY-MM-DD for plain text that has no `date` line (the CLI's `--date`). */
  date?: string;
  /**
   * Longest article text accepted, in characters (UTF-16 code units, i.e.
   * `text.length`); longer texts are reported as TOO_LARGE and skipped.
   * Default {@link DEFAULT_MAX_ARTICLE_CHARS}.
   */
  maxArticleBytes?: number;
}

export type IngestItem =
  | { kind: "article"; article: ArticleInput }
  | { kind: "problem"; problem: InputProblem };

/** Default for {@link ReadOptions.maxArticleBytes}. */
export const DEFAULT_MAX_ARTICLE_CHARS = 1_000_000;

/** Dated-article and plain-text files are read whole, so bigger ones are refused unread. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/** How much of a file is looked at to decide whether it is binary. */
export const SNIFF_BYTES = 8192;

/** The `file` named in origins and problems for records read from stdin. */
export const STDIN_NAME = "<stdin>";

export function maxChars(opts: ReadOptions): number {
  return opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_CHARS;
}
