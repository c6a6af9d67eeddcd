// Language screening: the coder's lexicon and patterns are English, so an
// article in another language would be coded wrongly (or, worse, a few names
// would be coded as events). Such articles are reported NOT_ENGLISH.
import { francAll } from "franc-min";
import type { ArticleInput } from "../../doc/types.js";
import { problem } from "./problems.js";
import type { IngestItem, ReadOptions } from "./types.js";

/** Below this many characters trigram statistics are unreliable: such texts count as English. */
export const MIN_LANGUAGE_CHARS = 250;

// franc costs 0.5–1.5 ms an article on the reading thread; most English
// texts are settled in microseconds by their share of English function
// words, which no other language reaches (Dutch and Scots come closest at a
// few per cent).
const FUNCTION_WORDS = new Set([
  "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by", "he", "it", "at", "from",
  "his", "an", "were", "are", "which", "this", "be", "has", "have", "had", "not", "but", "they", "their", "its", "said",
  "who", "will", "would", "been", "after", "also", "we", "she", "her", "or", "than", "there", "when", "into",
]);
const CLEARLY_ENGLISH = 0.2;
/** English scoring this close to franc's best guess (1.0) means franc cannot tell. */
const UNSURE = 0.9;
/** Characters franc looks at: enough to be sure, and its cost grows with length. */
const SAMPLE_CHARS = 2000;

const names = new Intl.DisplayNames(["en"], { type: "language" });

export type Language = { english: true } | { english: false; code: string; name: string };

/**
 * Whether `text` is English; if not, franc's ISO 639-3 code and its name.
 * @example detectLanguage("Le ministre a rencontré …") // { english: false, code: "fra", name: "French" }
 */
export function detectLanguage(text: string): Language {
  if (text.length < MIN_LANGUAGE_CHARS) return { english: true };
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return { english: true };
  let hits = 0;
  for (const w of words) if (FUNCTION_WORDS.has(w)) hits++;
  if (hits / words.length >= CLEARLY_ENGLISH) return { english: true };
  const ranked = francAll(sample);
  const code = ranked[0]?.[0] ?? "und";
  if (code === "eng" || code === "und") return { english: true };
  // Lists of names and titles score close to several languages at once;
  // franc is only trusted when English is clearly behind.
  const english = ranked.find(([c]) => c === "eng")?.[1] ?? 0;
  if (english >= UNSURE) return { english: true };
  let name = code;
  try {
    name = names.of(code) ?? code;
  } catch { /* a code Intl does not know: the code alone */ }
  return { english: false, code, name };
}

/**
 * The NOT_ENGLISH message for a text that is not English, or undefined when
 * it is (or when `opts.allLanguages` asks for every language).
 */
export function notEnglish(text: string, opts: ReadOptions): string | undefined {
  if (opts.allLanguages) return undefined;
  const lang = detectLanguage(text);
  if (lang.english) return undefined;
  return `expected an article in English; found ${lang.name} (${lang.code}); not coded (the allLanguages option reads it anyway)`;
}

/**
 * An article item, or NOT_ENGLISH in its place; problems pass through. For
 * the text formats, whose readers do not screen on their own.
 */
export function screenLanguage(item: IngestItem, opts: ReadOptions): IngestItem {
  if (item.kind !== "article") return item;
  const a: ArticleInput = item.article;
  const message = notEnglish(a.text, opts);
  if (message === undefined) return item;
  return problem("NOT_ENGLISH", a.origin?.file ?? a.id, a.origin?.line, a.origin?.file ? message : `article ${a.id}: ${message}`);
}
