// Binary sniffing: a PDF or a zip given by mistake should give one clear
// problem, not thousands of BAD_JSON lines or an "article" of garbage.

/** Share of suspicious characters above which text is taken for binary. */
const MAX_BAD_SHARE = 0.1;

/**
 * True when the text holds a NUL, or more than a tenth of its characters are
 * U+FFFD (invalid UTF-8 seen by a lenient decoder) or control characters
 * other than tab, newline, carriage return and form feed.
 */
export function looksBinary(text: string): boolean {
  if (text.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || c === 0x7f || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 11)) bad++;
  }
  return bad / text.length > MAX_BAD_SHARE;
}

/** {@link looksBinary} for the first bytes of a file. */
export function looksBinaryBytes(head: Uint8Array): boolean {
  if (head.includes(0)) return true;
  // stream: true keeps a multi-byte character cut at the end of the sample
  // from counting as invalid.
  return looksBinary(new TextDecoder("utf-8", { fatal: false }).decode(head, { stream: true }));
}
