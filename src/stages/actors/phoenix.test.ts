// Actors known only from the imported Phoenix dictionaries: found in text,
// coded by the role they held on the article's date, yielding to hand-written data.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadLexicon } from "../../lexicon/index.js";
import { analyse } from "../analyse/analyse.js";
import { buildGazetteer } from "./build-gazetteer.js";
import { findMentions } from "./mentions.js";
import { resolveCoreference } from "./resolve.js";

const lex = loadLexicon();
const gaz = buildGazetteer(lex);

function actors(text: string, date: string): string[] {
  const doc = analyse({ id: "t", date, text });
  const ms = findMentions(doc, gaz);
  resolveCoreference(doc, ms);
  return ms.filter((m) => m.actor).map((m) => `${text.slice(doc.tokens[m.tokStart].start, doc.tokens[m.tokEnd - 1].end)}=${m.actor!.country}/${m.actor!.sector}`);
}

describe("imported Phoenix actors", () => {
  it("codes a person by the role held on the article's date", () => {
    // Hanegbi is in no hand-written file: MIL 2003-03 to 2004-10, GOV 2004-10 to 2006-06
    assert.deepEqual(actors("Tzahi Hanegbi met the Egyptian envoy.", "2003-06-01").slice(0, 1), ["Tzahi Hanegbi=ISR/MIL"]);
    assert.deepEqual(actors("Tzahi Hanegbi met the Egyptian envoy.", "2005-06-01").slice(0, 1), ["Tzahi Hanegbi=ISR/GOV"]);
  });

  it("keeps the last known country outside every dated role", () => {
    assert.deepEqual(actors("Tzahi Hanegbi met the Egyptian envoy.", "2023-11-01").slice(0, 1), ["Tzahi Hanegbi=ISR/GOV"]);
  });

  it("resolves the surname once the person is introduced", () => {
    const a = actors("Fatmir Sejdiu arrived in Tirana. Sejdiu said the talks went well.", "2008-03-01");
    assert.ok(a.includes("Fatmir Sejdiu=XKX/GOV"), a.join(", "));
    assert.ok(a.includes("Sejdiu=XKX/GOV"), a.join(", "));
  });

  it("lets the hand-written people.json win over an imported entry", () => {
    // Phoenix has Rouhani GOV from 2000 on; people.json makes him a former president after 2021
    assert.deepEqual(actors("Hassan Rouhani spoke.", "2022-01-10").slice(0, 1), ["Hassan Rouhani=IRN/OTH"]);
  });

  it("matches imported names only when capitalised as names", () => {
    assert.deepEqual(actors("The governor backed red flag laws.", "2024-03-26").filter((x) => /red flag/i.test(x)), []);
  });
});
