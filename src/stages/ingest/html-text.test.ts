import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parsePage } from "./html.js";
import { dropBylines, htmlToText, stripClutter, type DomNode } from "./html-text.js";
import { isDateLine } from "./published-date.js";

function text(html: string, strip = false): string {
  const doc = parsePage(html);
  if (strip) stripClutter(doc.documentElement);
  return htmlToText((doc.body ?? doc.documentElement) as DomNode);
}

describe("htmlToText", () => {
  it("gives one paragraph per block with a blank line between, and a line per <br>", () => {
    assert.equal(
      text("<div><h2>Talks resume</h2><p>NAIROBI -  Kenya and\n  Ethiopia <b>agreed</b>.</p><p>Line one<br>Line two</p><ul><li>First</li><li>Second</li></ul></div>"),
      "Talks resume\n\nNAIROBI - Kenya and Ethiopia agreed.\n\nLine one\nLine two\n\nFirst\n\nSecond",
    );
  });

  it("decodes entities and leaves out scripts, captions and hidden text", () => {
    assert.equal(
      text('<p>Trade &amp; security&nbsp;talks.</p><script>var x = "<p>no</p>";</script><figure><img src=a.jpg><figcaption>File photo, 2 March 2021</figcaption></figure><p hidden>Hidden.</p><p style="display:none">Gone.</p><p>End.</p>'),
      "Trade & security talks.\n\nEnd.",
    );
  });

  it("drops ad labels, share prompts, read-more teasers and link-only paragraphs", () => {
    const html = [
      "<p>The ministers met in Nairobi on Tuesday.</p>",
      "<p>Advertisement</p>",
      "<p>Share this article: Facebook | WhatsApp | Copy link</p>",
      '<p>Read more: <a href="/x">Traders count losses</a></p>',
      '<p><a href="/y">Somalia and Kenya resume talks on maritime patrols</a></p>',
      "<p>The post Talks resume appeared first on The Courier.</p>",
      '<p>The talks, <a href="/z">first reported on Monday</a>, will resume next week.</p>',
    ].join("");
    assert.equal(text(html), "The ministers met in Nairobi on Tuesday.\n\nThe talks, first reported on Monday, will resume next week.");
  });

  it("keeps paragraphs about shareholders and comments in the story", () => {
    assert.equal(text("<p>Shareholders rejected the plan.</p><p>Share prices fell.</p>"), "Shareholders rejected the plan.\n\nShare prices fell.");
  });
});

describe("stripClutter", () => {
  it("cuts navigation, share bars, ads and comment threads but never the story", () => {
    const html = `<body class="comments-open"><nav>Home World</nav>
      <div class="share-bar">Share on Facebook</div>
      <div id="comments"><p>First!</p></div>
      <div class="ad-slot">Advertisement</div>
      <div class="promo" id="story-wrap"><article><p>Kenya and Ethiopia agreed to reopen the crossing.</p></article></div>
      <div class="shareholders-report"><p>Shareholders met.</p></div></body>`;
    assert.equal(text(html, true), "Kenya and Ethiopia agreed to reopen the crossing.\n\nShareholders met.");
  });
});

describe("dropBylines", () => {
  it("drops byline and date-only paragraphs at the top, nothing else", () => {
    assert.equal(dropBylines("By Southern Desk · 27 June 2024\n\nUpdated: June 28, 2024\n\nSANTIAGO — Chile said.", isDateLine), "SANTIAGO — Chile said.");
    assert.equal(dropBylines("By Tuesday the ministers had agreed on a text.\n\nMore.", isDateLine), "By Tuesday the ministers had agreed on a text.\n\nMore.");
    assert.equal(dropBylines("By Amina Wekesa", isDateLine), "By Amina Wekesa");
  });
});
