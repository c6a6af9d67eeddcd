import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse } from "../analyse/analyse.js";
import { pluralOf } from "./build-gazetteer.js";
import { Gazetteer } from "./gazetteer.js";

describe("gazetteer", () => {
  const g = new Gazetteer();
  g.add("Bosnia and Herzegovina", { kind: "country", country: "BIH", name: "Bosnia and Herzegovina" });
  g.add("Bosnia", { kind: "country", country: "BIH", name: "Bosnia and Herzegovina" });
  g.add("WHO", { kind: "igo", country: "IGO", name: "World Health Organization", igo: "WHO", exact: "WHO" });
  g.add("foreign minister", { kind: "role", country: "", sector: "GOV", name: "foreign minister" });

  /** Matches at the token that starts with `word`. */
  const match = (text: string, word: string) => {
    const doc = analyse({ id: "t", date: "2023-09-25", text });
    const at = doc.tokens.findIndex((t) => t.text === word);
    assert.ok(at >= 0, `no token "${word}"`);
    return g.longestAt(doc.tokens.map((t) => t.lower), doc.tokens.map((t) => t.text), at, doc.tokens.length);
  };

  it("takes the longest name at a position", () => {
    // dev-a-04: "He then sat down with Elmedin Konaković, the foreign minister of Bosnia and Herzegovina."
    const m = match("He then sat down with Elmedin Konaković, the foreign minister of Bosnia and Herzegovina.", "Bosnia");
    assert.equal(m?.len, 3);
    assert.equal(m?.entries[0].country, "BIH");
  });

  it("matches case-sensitive acronyms only in their own case", () => {
    assert.equal(match("The WHO said the outbreak was over.", "WHO")?.entries[0].igo, "WHO");
    assert.equal(match("Those who fled were counted.", "who"), undefined);
  });

  it("matches titles case-insensitively", () => {
    assert.equal(match("Pakistani Foreign Minister Mohammad Ishaq Dar", "Foreign")?.len, 2);
  });

  it("makes English plurals of role nouns", () => {
    assert.equal(pluralOf("foreign minister"), "foreign ministers");
    assert.equal(pluralOf("militia"), "militias");
    assert.equal(pluralOf("spokesman"), "spokesmen");
    assert.equal(pluralOf("country"), "countries");
    assert.equal(pluralOf("coalition"), "coalitions");
  });
});
