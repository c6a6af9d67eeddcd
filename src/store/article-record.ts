// From an article as read by ingest to the article as stored: its outlet and
// a hash of its text that ignores spacing, so a copy saved with other line
// breaks is still recognised as the same article.
import { createHash } from "node:crypto";
import type { ArticleInput } from "../doc/types.js";
import { minhash } from "./near-duplicate.js";
import type { CodedArticle } from "./types.js";

/** SHA-1 (hex) of the text with runs of whitespace made one space and the ends trimmed. */
export function normalisedTextHash(text: string): string {
  return createHash("sha1").update(text.replace(/\s+/g, " ").trim(), "utf8").digest("hex");
}

/** The outlet of an article: the url's host without "www.", else the record's source name, else "". */
export function outletOf(a: Pick<ArticleInput, "url" | "source">): string {
  if (a.url) {
    try {
      const host = new URL(a.url).hostname.toLowerCase();
      if (host) return host.replace(/^www\d?\./, "");
    } catch { /* not a URL: fall back to the source name */ }
  }
  return a.source?.trim() ?? "";
}

/**
 * The url to recognise a stored article by: only a record's whose id is its
 * url (it had no id of its own); records with their own ids may share a url.
 */
export function identityUrl(key: { id: string; url?: string }): string | undefined {
  return key.url !== undefined && key.id === key.url.trim() ? key.url : undefined;
}

/** The article as stored, with its text hash and its MinHash signature (for syndicated copies). */
export function toStoredArticle(a: ArticleInput): CodedArticle["article"] {
  const signature = minhash(a.text);
  return {
    id: a.id,
    ...(a.url ? { url: a.url } : {}),
    source: outletOf(a),
    date: a.date,
    ...(a.title ? { title: a.title } : {}),
    textHash: normalisedTextHash(a.text),
    text: a.text,
    ...(signature ? { signature } : {}),
  };
}
