import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { limitNesting } from "./nesting.js";

describe("limitNesting", () => {
  it("returns markup within the cap unchanged", () => {
    const html = "<html><body><div><p>One<p>Two<br><img src=x><div class='a>b'>Three</div></div><script>'<div>'</script></body></html>";
    assert.equal(limitNesting(html, 4), html);
  });

  it("drops tags nested deeper than the cap, with their end tags, and keeps their text", () => {
    assert.equal(limitNesting("<div><div><div><b>x</b></div></div></div>y", 2), "<div><div>x</div></div>y");
  });

  it("does not count unclosed paragraphs, void elements or tags inside scripts", () => {
    const many = "<div>" + "<p>para".repeat(1000) + "<script>" + "<div>".repeat(1000) + "</script></div>";
    assert.equal(limitNesting(many, 2), many);
  });

  it("flattens 10,000 nested elements in one pass", () => {
    const out = limitNesting("<div>".repeat(10_000) + "deep" + "</div>".repeat(10_000), 256);
    assert.equal(out, "<div>".repeat(256) + "deep" + "</div>".repeat(256));
  });
});
