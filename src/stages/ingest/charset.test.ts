import { describe, it } from "node:test";
import assert from "node:assert/strict";
import iconv from "iconv-lite";
import { charsetName, charsetOfContentType, decodeDocument, htmlDeclaredCharset, utf16ToUtf8, xmlDeclaredCharset } from "./charset.js";

const QUOTE = "“We will not let traders set one country against the other,” said Côte d’Ivoire’s minister – in Abidjan.";
const cp1252 = iconv.encode(QUOTE, "windows-1252");

describe("charset", () => {
  it("reads declarations in meta tags, XML declarations and Content-Type headers", () => {
    assert.equal(htmlDeclaredCharset('<meta charset="windows-1252">'), "windows-1252");
    assert.equal(htmlDeclaredCharset('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'), "ISO-8859-1");
    assert.equal(xmlDeclaredCharset("<?xml version='1.0' encoding='windows-1251'?><rss>"), "windows-1251");
    assert.equal(charsetOfContentType('text/html; charset="utf-8"'), "utf-8");
    assert.equal(charsetOfContentType("text/html"), undefined);
  });

  it("reads latin-1 labels as windows-1252, as browsers do, and drops unknown labels", () => {
    assert.equal(charsetName("ISO-8859-1"), "windows-1252");
    assert.equal(charsetName("iso-8859-9"), "windows-1254");
    assert.equal(charsetName("x-klingon"), undefined);
  });

  it("decodes windows-1252 by its declaration, keeping curly quotes and accents", () => {
    assert.deepEqual(decodeDocument(cp1252, ["windows-1252"]), { text: QUOTE, charset: "windows-1252" });
    assert.deepEqual(decodeDocument(cp1252, ["iso-8859-1"]), { text: QUOTE, charset: "windows-1252" });
  });

  it("guesses undeclared legacy bytes, and bytes wrongly declared UTF-8", () => {
    const long = iconv.encode(`<p>${QUOTE} ${QUOTE} The minister’s café visit was brief.</p>`, "windows-1252");
    assert.match(decodeDocument(long).text, /“We will not.*Côte d’Ivoire’s.*café/);
    assert.match(decodeDocument(long, ["utf-8"]).text, /“We will not.*café/);
  });

  it("prefers valid UTF-8 over a declared legacy charset (a common mislabelling)", () => {
    const utf8 = Buffer.from(QUOTE, "utf8");
    assert.deepEqual(decodeDocument(utf8, ["windows-1252"]), { text: QUOTE, charset: "utf-8" });
    // Pure ASCII decodes alike either way.
    assert.equal(decodeDocument(Buffer.from("plain ascii"), ["windows-1252"]).text, "plain ascii");
  });

  it("honours byte order marks over any declaration", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(QUOTE, "utf-16le")]);
    assert.deepEqual(decodeDocument(le, ["windows-1252"]), { text: QUOTE, charset: "utf-16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(QUOTE, "utf-16be")]);
    assert.equal(decodeDocument(be).text, QUOTE);
    assert.equal(decodeDocument(Buffer.from("\uFEFF" + QUOTE, "utf8"), ["windows-1252"]).text, QUOTE);
  });

  it("transcodes a UTF-16 stream to UTF-8 even when a code unit is split across chunks", async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(QUOTE, "utf-16le")]);
    const chunks = [bytes.subarray(0, 3), bytes.subarray(3, 10), bytes.subarray(10)];
    const out: Buffer[] = [];
    for await (const c of utf16ToUtf8((async function* () { yield* chunks; })(), "utf-16le")) out.push(c);
    assert.equal(Buffer.concat(out).toString("utf8"), QUOTE);
  });
});
