// The ingest stage's own types and limits: what callers pass in and what they
// get back (an article or a problem per record, never an exception).
import type { ArticleInput, InputProblem } from "../../doc/types.js";

/**
 * What is known about a document from outside it: the URL it was fetched
 * from (a URL input, a WARC record, a feed link), the charset its HTTP
 * headers declared, and a date to fall back on when the page has none of its
 * own (the WARC-Date, or the date of the feed item that linked to it).
 */
export interface SourceHints {
  url?: string;
  charset?: string;
  fallbackDate?: { date: string; from: string };
}

export interface ReadOptions {
  /** YYYY-MM-DD for plain text that has no `date` line (the CLI's `--date`). */
  date?: string;
  /**
   * Longest article text accepted, in characters (UTF-16 code units, i.e.
   * `text.length`); longer texts are reported as TOO_LARGE and skipped.
   * Default {@link DEFAULT_MAX_ARTICLE_CHARS}.
   */
  maxArticleBytes?: number;
  /**
   * Read articles in every language. By default only English is read: the
   * coder's lexicon is English, so other texts are reported as NOT_ENGLISH
   * rather than coded wrongly.
   */
  allLanguages?: boolean;
  /**
   * Longest line of a JSON-lines file, in bytes; a longer line is skipped as
   * it streams past (reported as TOO_LARGE), so memory stays bounded by this.
   * Default: $DYAD_MAX_LINE_BYTES, else {@link DEFAULT_MAX_LINE_BYTES}.
   */
  maxLineBytes?: number;
  /** Whole-request timeout for URL inputs, in ms. Default {@link DEFAULT_FETCH_TIMEOUT_MS}. */
  fetchTimeoutMs?: number;
  /** Most bytes read from one URL input. Default {@link DEFAULT_MAX_FETCH_BYTES}. */
  maxFetchBytes?: number;
  /**
   * For feed items that carry only a summary, fetch the item's link and read
   * the page instead (the item's date then dates a page without its own).
   * Off by default: it makes one request per item.
   */
  followLinks?: boolean;
}

export type IngestItem =
  | { kind: "article"; article: ArticleInput }
  | { kind: "problem"; problem: InputProblem };

/** Default for {@link ReadOptions.maxArticleBytes}. */
export const DEFAULT_MAX_ARTICLE_CHARS = 1_000_000;

/**
 * Default for {@link ReadOptions.maxLineBytes}: room for a record whose text
 * is at the article limit even with every character escaped as \uXXXX.
 */
export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

/** The line cap: the option, else DYAD_MAX_LINE_BYTES (for a run as a whole), else the default. */
export function maxLineBytes(opts: ReadOptions): number {
  if (opts.maxLineBytes !== undefined) return opts.maxLineBytes;
  const env = Number(process.env.DYAD_MAX_LINE_BYTES);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_MAX_LINE_BYTES;
}

/** Dated-article and plain-text files are read whole, so bigger ones are refused unread. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * An HTML page (a file, a URL or a WARC response body) over this many bytes is
 * refused before it is parsed: real article pages are well under 5 MB, and a
 * DOM of a 50 MB page costs gigabytes.
 */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

/** A feed is parsed whole (it is one XML document), so it has a cap too. */
export const MAX_FEED_BYTES = 32 * 1024 * 1024;

/** Default for {@link ReadOptions.fetchTimeoutMs}. */
export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;

/** Default for {@link ReadOptions.maxFetchBytes}: above the page and feed caps, for archives. */
export const DEFAULT_MAX_FETCH_BYTES = 256 * 1024 * 1024;

/** How much of a file is looked at to decide whether it is binary. */
export const SNIFF_BYTES = 8192;

/** The `file` named in origins and problems for records read from stdin. */
export const STDIN_NAME = "<stdin>";

export function maxChars(opts: ReadOptions): number {
  return opts.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_CHARS;
}
