// Format detection by content, not file name: the first bytes say whether a
// stream is gzip, UTF-16, a WARC archive or markup (a page or a feed); for
// text, the first non-blank line says whether it is JSON lines, a dated
// article or plain text. Shared by the streaming reader and the whole-text
// parser so both decide alike.
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

// A line that opens a JSON object with a key: how a JSON-lines record starts.
const RECORD_START = /(?:^|[\r\n])[ \t]*\{\s*"/;

/**
 * True when the head of a text is JSON lines even though its first line
 * may be broken: it starts with "{", or a later line of the head starts a
 * JSON object. A truncated first line, or one with a NUL byte in it, then
 * costs that line alone instead of the whole file.
 */
export function looksLikeJsonLines(head: string): boolean {
  const text = stripBom(head);
  const start = text.search(/\S/);
  if (start >= 0 && text[start] === "{") return true;
  const firstBreak = text.slice(start).search(/[\r\n]/);
  return firstBreak >= 0 && RECORD_START.test(text.slice(start + firstBreak));
}

/**
 * What the first bytes of a stream say before any text is decoded: a gzip
 * wrapper, a UTF-16 byte order mark, a WARC archive, markup (HTML or a feed,
 * whose charset is declared inside it), or text for {@link classifyHead}.
 */
export type ByteFormat = "gzip" | "utf-16le" | "utf-16be" | "warc" | "markup" | "text";

const WARC_MAGIC = Buffer.from("WARC/1.", "latin1");

export function sniffBytes(head: Uint8Array): ByteFormat {
  if (head[0] === 0x1f && head[1] === 0x8b) return "gzip";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  if (Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, WARC_MAGIC.length)).equals(WARC_MAGIC)) return "warc";
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || (head[i] >= 0x09 && head[i] <= 0x0d))) i++;
  return head[i] === 0x3c /* < */ ? "markup" : "text";
}

export type MarkupKind = "html" | "feed" | "other";

// Elements a page or a fragment of one can start with: anything else at the
// root (a sitemap's <urlset>, an SVG) is XML dyad does not read.
const HTML_ROOTS = new Set([
  "html", "head", "body", "meta", "title", "link", "base", "script", "style", "noscript", "div", "p", "span", "article",
  "main", "section", "header", "nav", "table", "ul", "ol", "a", "img", "br", "hr", "figure", "form", "center", "font",
  "b", "i", "em", "strong", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
]);

/**
 * Classifies markup by its root element, skipping the XML declaration,
 * comments and the doctype: `<rss>`, RDF (RSS 1.0) and Atom's `<feed>` are
 * feeds; HTML roots (or an HTML doctype) are pages; `root` names the element.
 * @example classifyMarkup('<?xml version="1.0"?><rss version="2.0">') // { kind: "feed", root: "rss" }
 */
export function classifyMarkup(text: string): { kind: MarkupKind; root: string } {
  let s = stripBom(text).trimStart();
  let xmlDeclared = false;
  for (let guard = 0; guard < 50; guard++) {
    if (s.startsWith("<?")) {
      xmlDeclared ||= /^<\?xml\s/i.test(s);
      const end = s.indexOf("?>");
      if (end < 0) break;
      s = s.slice(end + 2).trimStart();
    } else if (s.startsWith("<!--")) {
      const end = s.indexOf("-->");
      if (end < 0) break;
      s = s.slice(end + 3).trimStart();
    } else if (/^<!doctype/i.test(s)) {
      if (/^<!doctype\s+html/i.test(s)) return { kind: "html", root: "html" };
      // An internal subset ([ <!ENTITY …> ]) has ">" of its own inside.
      const gt = s.indexOf(">"), open = s.indexOf("[");
      const end = open >= 0 && open < gt ? s.search(/\]\s*>/) : gt;
      if (end < 0) break;
      s = s.slice(s.indexOf(">", end) + 1).trimStart();
    } else break;
  }
  const m = /^<([A-Za-z_][\w:.-]*)/.exec(s);
  const root = m ? m[1] : "";
  const local = root.slice(root.indexOf(":") + 1).toLowerCase();
  if (local === "rss" || local === "rdf" || local === "feed") return { kind: "feed", root };
  if (HTML_ROOTS.has(local)) return { kind: "html", root };
  // No element in the sniffed head (a "<" that opens no tag): read it as a
  // page, which then reports NO_ARTICLE if nothing is in it.
  if (root === "" && !xmlDeclared) return { kind: "html", root };
  return { kind: "other", root };
}
