// Ingest stage: reads dated articles from files, folders and stdin, by
// content (dated article, JSON lines or plain text), reporting bad input as
// problems instead of throwing.
export { readInputs } from "./read-inputs.js";
export { parseArticleText } from "./article-text.js";
export { parseJsonLine } from "./json-line.js";
export { articleId, contentHash } from "./article-id.js";
export { normaliseDate, type DateResult } from "./dates.js";
export { PROBLEM_CODES, type ProblemCode } from "./problems.js";
export { DEFAULT_MAX_ARTICLE_CHARS, MAX_TEXT_FILE_BYTES, STDIN_NAME, type IngestItem, type ReadOptions } from "./types.js";
