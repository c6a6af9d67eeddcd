// Ingest stage: reads dated articles from files, folders, stdin and URLs, by
// content (JSON lines, dated or plain text, HTML pages, RSS and Atom feeds,
// WARC archives, any of them gzipped), reporting bad input as problems
// instead of throwing.
export { readInputs } from "./read-inputs.js";
export { parseArticleText } from "./article-text.js";
export { parseJsonLine } from "./json-line.js";
export { readHtmlPage, fragmentText, MIN_ARTICLE_CHARS } from "./html.js";
export { readFeed } from "./feed.js";
export { readWarc } from "./read-warc.js";
export { readUrl, isUrlInput } from "./fetch-url.js";
export { detectLanguage, screenLanguage, MIN_LANGUAGE_CHARS } from "./language.js";
export { articleId, contentHash } from "./article-id.js";
export { normaliseDate, type DateResult } from "./dates.js";
export { parsePublished } from "./published-date.js";
export { PROBLEM_CODES, type ProblemCode } from "./problems.js";
export {
  DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_ARTICLE_CHARS, DEFAULT_MAX_FETCH_BYTES, MAX_FEED_BYTES, MAX_PAGE_BYTES, MAX_TEXT_FILE_BYTES, STDIN_NAME,
  type IngestItem, type ReadOptions, type SourceHints,
} from "./types.js";
