// Character encodings: pages, feeds and text files in windows-1252 and other
// legacy charsets are decoded by what they declare (a BOM, the HTTP header,
// <meta charset>, the XML declaration), else by a guess, so "smart quotes"
// and accented names reach the coder intact instead of as U+FFFD.
import { isUtf8 } from "node:buffer";
import { detect as chardetDetect } from "chardet";
import iconv from "iconv-lite";

export interface Decoded {
  text: string;
  /** The charset used, as iconv-lite names it ("utf-8", "windows-1252"). */
  charset: string;
}

// The WHATWG Encoding Standard reads these labels as the Windows code page
// that extends them, as browsers do: pages labelled latin-1 use 0x80–0x9F for
// curly quotes and dashes, which ISO-8859-1 would turn into control codes.
const WHATWG_ALIASES: Record<string, string> = {
  "iso-8859-1": "windows-1252", "iso8859-1": "windows-1252", "iso_8859-1": "windows-1252", latin1: "windows-1252",
  l1: "windows-1252", "us-ascii": "windows-1252", ascii: "windows-1252", cp1252: "windows-1252", "x-cp1252": "windows-1252",
  cp819: "windows-1252", ibm819: "windows-1252", "iso-8859-9": "windows-1254", latin5: "windows-1254", "iso-8859-11": "windows-874",
  utf8: "utf-8", "unicode-1-1-utf-8": "utf-8",
};

/** A declared label as iconv-lite knows it, or undefined for junk and unknown labels. */
export function charsetName(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (l === "") return undefined;
  const name = WHATWG_ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : undefined;
}

/** The charset in a Content-Type value: `text/html; charset=windows-1252` → "windows-1252". */
export function charsetOfContentType(contentType: string | null | undefined): string | undefined {
  return contentType ? /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">` in a page's head. */
export function htmlDeclaredCharset(head: string): string | undefined {
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

/** The `encoding` of an XML declaration. */
export function xmlDeclaredCharset(head: string): string | undefined {
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Bytes chardet looks at: its statistics settle long before a whole page. */
const GUESS_BYTES = 64 * 1024;

/**
 * The charset chardet guesses, through the WHATWG aliases; windows-1252 when
 * it has no usable guess (the web's default for undeclared legacy pages).
 */
export function guessCharset(bytes: Uint8Array): string {
  const guess = charsetName(chardetDetect(bytes.subarray(0, GUESS_BYTES)) ?? undefined);
  return guess && guess !== "utf-8" ? guess : "windows-1252";
}

/**
 * Decodes a whole document. A BOM wins; then the first declared charset that
 * iconv knows. Two mislabellings are common enough to undo: bytes declared
 * UTF-8 that are not valid UTF-8 are guessed instead, and bytes that are
 * valid UTF-8 with non-ASCII in them are read as UTF-8 whatever legacy
 * charset was declared (a legacy text is almost never valid UTF-8 by chance).
 * Undeclared bytes are UTF-8 if valid, else guessed with chardet.
 * @example decodeDocument(bytes, [charsetOfContentType(res.headers.get("content-type")), htmlDeclaredCharset(head)])
 */
export function decodeDocument(bytes: Uint8Array, declared: (string | undefined)[] = []): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: iconv.decode(Buffer.from(bytes.subarray(3)), "utf-8"), charset: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16le"), charset: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), "utf-16be"), charset: "utf-16be" };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = isUtf8(buf);
  for (const label of declared) {
    const name = charsetName(label);
    if (!name) continue;
    // A UTF-16 label on bytes without a BOM is a known mistake (the bytes
    // are ASCII-compatible or the markup could not have been read): ignored.
    if (name.startsWith("utf-16") || name.startsWith("utf16")) continue;
    if (name === "utf-8") {
      if (utf8) return { text: buf.toString("utf8"), charset: "utf-8" };
      break;
    }
    if (utf8 && hasHighBytes(buf)) return { text: buf.toString("utf8"), charset: "utf-8" };
    return { text: iconv.decode(buf, name), charset: name };
  }
  if (utf8) return { text: buf.toString("utf8"), charset: "utf-8" };
  const guess = guessCharset(buf);
  return { text: iconv.decode(buf, guess), charset: guess };
}

/**
 * A UTF-16 stream (with its BOM) as UTF-8 bytes, chunk by chunk, so the
 * readers behind it (JSON lines, pages, feeds) see the text they expect.
 */
export async function* utf16ToUtf8(chunks: AsyncIterable<Uint8Array>, encoding: "utf-16le" | "utf-16be"): AsyncGenerator<Buffer> {
  // TextDecoder drops the BOM and keeps a code unit split across chunks.
  const decoder = new TextDecoder(encoding);
  for await (const c of chunks) {
    const s = decoder.decode(c, { stream: true });
    if (s) yield Buffer.from(s, "utf8");
  }
  const rest = decoder.decode();
  if (rest) yield Buffer.from(rest, "utf8");
}
