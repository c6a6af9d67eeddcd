import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { articleId, contentHash } from "./article-id.js";

describe("articleId", () => {
  it("uses the input id, numbers as strings", () => {
    assert.equal(articleId({ id: "dev-a-04", url: "https://x", text: "t" }), "dev-a-04");
    assert.equal(articleId({ id: 42, text: "t" }), "42");
  });

  it("falls back to the url when the id is absent or empty", () => {
    assert.equal(articleId({ url: "https://example.org/a", text: "t" }), "https://example.org/a");
    assert.equal(articleId({ id: "  ", url: "https://example.org/a", text: "t" }), "https://example.org/a");
    assert.equal(articleId({ id: null, url: "https://example.org/a", text: "t" }), "https://example.org/a");
  });

  it("falls back to sha1: and 16 hex digits of the text", () => {
    const want = "sha1:" + createHash("sha1").update("Iran’s Acting Foreign Minister").digest("hex").slice(0, 16);
    assert.equal(articleId({ text: "Iran’s Acting Foreign Minister" }), want);
    assert.equal(contentHash("Iran’s Acting Foreign Minister"), want);
    assert.match(want, /^sha1:[0-9a-f]{16}$/);
    assert.notEqual(contentHash("a"), contentHash("b"));
  });
});
