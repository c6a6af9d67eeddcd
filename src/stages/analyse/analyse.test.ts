import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse } from "./analyse.js";

const SEED_LEAD = "Iran’s Acting Foreign Minister Ali Bagheri, who is in the Turkish city of Istanbul to participate in the extraordinary meeting of the Foreign Ministers of the Organization for Economic Cooperation (D-8), held talks with Pakistani Foreign Minister Mohammad Ishaq Dar on the sidelines of the conference.\n\nThe two sides discussed process of the developing ties between the two counties as well as some issues of mutual interest in the region, especially the Palestinian issue.";

describe("analyse", () => {
  const doc = analyse({ id: "seed", date: "2024-06-09", text: SEED_LEAD });

  it("splits the seed lead into its two sentences", () => {
    assert.equal(doc.sentences.length, 2);
    assert.ok(doc.sentences[0].text.startsWith("Iran’s Acting Foreign Minister"));
    assert.ok(doc.sentences[0].text.endsWith("on the sidelines of the conference."));
    assert.ok(doc.sentences[1].text.startsWith("The two sides discussed"));
  });

  it("gives every token offsets that point back into the text", () => {
    for (const t of doc.tokens) assert.equal(SEED_LEAD.slice(t.start, t.end), t.text);
  });

  it("tags verbs and proper nouns and lemmatises", () => {
    const held = doc.tokens.find((t) => t.text === "held")!;
    assert.equal(held.pos, "VERB");
    assert.equal(held.lemma, "hold");
    assert.equal(doc.tokens.find((t) => t.text === "Bagheri")!.pos, "PROPN");
    assert.equal(doc.tokens.find((t) => t.text === "talks")!.lemma, "talk");
  });

  it("puts each token in the sentence that holds it", () => {
    for (const s of doc.sentences) for (let k = s.tokStart; k < s.tokEnd; k++) assert.equal(doc.tokens[k].sent, s.i);
  });
});
