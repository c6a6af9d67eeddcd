import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { classifyMarkup, sniffBytes } from "./detect.js";

describe("sniffBytes", () => {
  it("tells gzip, UTF-16, WARC, markup and text apart by their first bytes", () => {
    assert.equal(sniffBytes(gzipSync("{}")), "gzip");
    assert.equal(sniffBytes(Buffer.from([0xff, 0xfe, 0x3c, 0x00])), "utf-16le");
    assert.equal(sniffBytes(Buffer.from([0xfe, 0xff, 0x00, 0x3c])), "utf-16be");
    assert.equal(sniffBytes(Buffer.from("WARC/1.1\r\nWARC-Type: warcinfo\r\n")), "warc");
    assert.equal(sniffBytes(Buffer.from("\uFEFF \n\t<!DOCTYPE html><html>")), "markup");
    assert.equal(sniffBytes(Buffer.from('{"id":"a"}')), "text");
    assert.equal(sniffBytes(Buffer.from("date 2024-06-09 WARC/1.0 is a format.")), "text");
  });
});

describe("classifyMarkup", () => {
  it("finds the root element past the XML declaration, comments and doctype", () => {
    assert.deepEqual(classifyMarkup('<?xml version="1.0"?>\n<!-- generator: x -->\n<rss version="2.0">'), { kind: "feed", root: "rss" });
    assert.deepEqual(classifyMarkup('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'), { kind: "feed", root: "feed" });
    assert.deepEqual(classifyMarkup('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'), { kind: "feed", root: "rdf:RDF" });
    assert.equal(classifyMarkup("<!DOCTYPE html>\n<html lang=en>").kind, "html");
    assert.equal(classifyMarkup("<!-- saved from url=(0042) -->\n<HTML><HEAD>").kind, "html");
    assert.equal(classifyMarkup("<title>A fragment</title><p>Text</p>").kind, "html");
  });

  it("calls other XML by its root, so it can be reported rather than read as a page", () => {
    assert.deepEqual(classifyMarkup('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'), { kind: "other", root: "urlset" });
    assert.deepEqual(classifyMarkup("<svg xmlns='http://www.w3.org/2000/svg'>"), { kind: "other", root: "svg" });
  });
});
