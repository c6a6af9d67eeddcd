// Article ids: the input's own id, else its url, else a hash of the text, so
// the same article read twice gets the same id.
import { createHash } from "node:crypto";

/** "sha1:" + the first 16 hex digits of the text's SHA-1. */
export function contentHash(text: string): string {
  return "sha1:" + createHash("sha1").update(text, "utf8").digest("hex").slice(0, 16);
}

/**
 * The id for an article: `id` when a non-empty string or a finite number,
 * else `url` when a non-empty string, else {@link contentHash} of `text`.
 * @example articleId({ id: 42, text: "…" }) // "42"
 */
export function articleId(rec: { id?: unknown; url?: unknown; text: string }): string {
  if (typeof rec.id === "string" && rec.id.trim() !== "") return rec.id.trim();
  if (typeof rec.id === "number" && Number.isFinite(rec.id)) return String(rec.id);
  if (typeof rec.url === "string" && rec.url.trim() !== "") return rec.url.trim();
  return contentHash(rec.text);
}
