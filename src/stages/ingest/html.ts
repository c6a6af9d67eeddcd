// The HTML reader: one news page → one article. The main text comes from
// Mozilla's Readability over a linkedom DOM (after page furniture is cut);
// the date, title, canonical URL and outlet from the page's own metadata.
// A page without a usable date is reported, never dated today.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { limitNesting } from "./nesting.js";
import type { ArticleInput } from "../../doc/types.js";
import { articleId } from "./article-id.js";
import { fileId } from "./article-text.js";
import { hostOutlet, pageMeta, type PageMeta } from "./html-meta.js";
import { dropBylines, htmlToText, stripClutter, type DomElement, type DomNode } from "./html-text.js";
import { notEnglish } from "./language.js";
import { count, found, problem, type ProblemCode } from "./problems.js";
import { datelineDate, isDateLine, parsePublished } from "./published-date.js";
import { maxChars, type IngestItem, type ReadOptions, type SourceHints } from "./types.js";

/**
 * Main text shorter than this is not an article worth coding: an index page,
 * a video page with a caption, a page whose story is built by script.
 */
export const MIN_ARTICLE_CHARS = 200;

/** Where a page came from, for origins and problems. `where` prefixes messages ("WARC record 3 (https://…)"). */
export interface PageOrigin {
  file: string;
  line?: number;
  where?: string;
}

interface ParsedDocument {
  documentElement: DomElement;
  body: DomElement | null;
}

/**
 * A DOM for a page. linkedom does not imply <html>, <head> and <body> the way
 * browsers do (a page without them gets no usable body), so such a page or
 * fragment is rebuilt inside one <body>; its <title> and <meta> then sit in
 * the body, where the metadata reader still finds them.
 */
export function parsePage(html: string): ParsedDocument {
  const whole = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  const markup = whole ? html : `<!DOCTYPE html><html><body>${html.replace(/<!doctype[^>]*>|<\/?(?:html|head|body)\b[^>]*>/gi, "")}</body></html>`;
  return parseHTML(limitNesting(markup)).document as unknown as ParsedDocument;
}

/**
 * The text of an HTML fragment (a feed item's content:encoded), with the same
 * furniture cutting and paragraph breaks as a page, but no Readability: the
 * fragment is the story already.
 * @example fragmentText("<p>One.</p><p>Two &amp; three.</p>") // "One.\n\nTwo & three."
 */
export function fragmentText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/[ \t]+/g, " ").trim();
  const doc = parsePage(html);
  stripClutter(doc.documentElement);
  return htmlToText((doc.body ?? doc.documentElement) as DomNode);
}

type DateChoice = { ok: true; date: string } | { ok: false; code: ProblemCode; message: string };

/** Metadata first, then a dateline in the text, then the fallback the caller knows (WARC-Date, feed item). */
function chooseDate(meta: PageMeta, text: string, hints: SourceHints): DateChoice {
  const unusable: string[] = [];
  for (const c of meta.dates) {
    const d = parsePublished(c.value);
    if (d.ok) return d;
    unusable.push(`${c.from} ${found(c.value, 40)} (${d.reason})`);
  }
  const dateline = datelineDate(text);
  if (dateline) return { ok: true, date: dateline.date };
  if (hints.fallbackDate) return { ok: true, date: hints.fallbackDate.date };
  if (unusable.length > 0) {
    return { ok: false, code: "BAD_DATE", message: `expected a publication date; found only unusable ones: ${unusable.slice(0, 3).join("; ")}` };
  }
  return {
    ok: false,
    code: "NO_DATE",
    message: "expected a publication date (article:published_time, JSON-LD datePublished, <time datetime>, a dateline); found none, so the page is not coded rather than dated today",
  };
}

function errorText(err: unknown): string {
  const s = err instanceof Error ? err.message : String(err);
  return s.length > 120 ? s.slice(0, 120) + "…" : s;
}

/**
 * Reads one HTML page (already decoded to text) into an article or a problem
 * (NO_ARTICLE, NOT_ENGLISH, TOO_LARGE, NO_DATE, BAD_DATE, checked in that
 * order). `hints.url` is where the page came from; the canonical URL, when
 * the page gives one, replaces it. A local file without either keeps its
 * name as id, as dated text files do.
 * @example readHtmlPage(html, { file: "saved/story.html" }, { url: "https://example.org/story" }, {})
 */
export function readHtmlPage(html: string, origin: PageOrigin, hints: SourceHints, opts: ReadOptions): IngestItem {
  const at = (code: ProblemCode, message: string) => problem(code, origin.file, origin.line, origin.where ? `${origin.where}: ${message}` : message);
  let meta: PageMeta;
  let text: string;
  let lead: string; // the text with its byline, which may hold the only date
  let readabilityTitle: string | undefined;
  let pageTitle: string | undefined;
  try {
    const doc = parsePage(html);
    const root = doc.documentElement;
    meta = pageMeta(root, hints.url);
    pageTitle = root.querySelector("title")?.textContent?.replace(/\s+/g, " ").trim() || undefined;
    stripClutter(root);
    const parsed = new Readability(doc as unknown as Document, { serializer: (el: Node) => el }).parse();
    readabilityTitle = parsed?.title?.trim() || undefined;
    lead = parsed?.content ? htmlToText(parsed.content as unknown as DomNode) : "";
    text = dropBylines(lead, isDateLine);
  } catch (err) {
    // A parser failure on one strange page must not end the batch.
    return at("NO_ARTICLE", `expected an HTML page; parsing it failed: ${errorText(err)}`);
  }
  if (text.length < MIN_ARTICLE_CHARS) {
    return at("NO_ARTICLE", `expected an article; the page's main text has ${count(text.length)} characters (under ${MIN_ARTICLE_CHARS}): an index, video or script-built page has nothing to code`);
  }
  const foreign = notEnglish(text, opts);
  if (foreign) return at("NOT_ENGLISH", foreign);
  const max = maxChars(opts);
  if (text.length > max) return at("TOO_LARGE", `the page's text has ${count(text.length)} characters; the limit is ${count(max)} (maxArticleBytes)`);
  const date = chooseDate(meta, lead, hints);
  if (!date.ok) return at(date.code, date.message);

  const url = meta.canonicalUrl ?? hints.url;
  const title = meta.title ?? readabilityTitle ?? pageTitle;
  const source = meta.siteName ?? hostOutlet(url);
  const article: ArticleInput = {
    id: articleId({ id: url ? undefined : fileId(origin.file), url, text }),
    ...(url ? { url } : {}),
    ...(source ? { source } : {}),
    date: date.date,
    ...(title ? { title } : {}),
    text,
    origin: origin.line === undefined ? { file: origin.file } : { file: origin.file, line: origin.line },
  };
  return { kind: "article", article };
}
