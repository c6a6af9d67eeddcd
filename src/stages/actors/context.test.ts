// Actor names and countries from context (issue 14, item 5): honorifics,
// formal state names, a bare title placed by the dateline or the agency's
// credit, and police or militants placed by the city they act in.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadLexicon } from "../../lexicon/index.js";
import { analyse } from "../analyse/analyse.js";
import { buildGazetteer } from "./build-gazetteer.js";
import { findMentions } from "./mentions.js";
import { resolveCoreference } from "./resolve.js";

const gaz = buildGazetteer(loadLexicon());

/** "span=CTY/SEC" for every mention that got an actor. */
function actors(text: string, opts: { date?: string; dateline?: string } = {}): string[] {
  const doc = analyse({ id: "t", date: opts.date ?? "2023-05-10", text });
  const ms = findMentions(doc, gaz);
  resolveCoreference(doc, ms, opts.dateline);
  return ms.filter((m) => m.actor).map((m) => `${text.slice(doc.tokens[m.tokStart].start, doc.tokens[m.tokEnd - 1].end)}=${m.actor!.country}/${m.actor!.sector}`);
}

describe("actors from context", () => {
  it("strips honorifics before a title or a name", () => {
    assert.deepEqual(actors("His Excellency President Cyril Ramaphosa met H.E. Mr. Joko Widodo in Pretoria.").slice(0, 2), ["President Cyril Ramaphosa=ZAF/GOV", "Joko Widodo=IDN/GOV"]);
    assert.deepEqual(actors("His Holiness Pope Francis thanked the volunteers.").slice(0, 1), ["Pope Francis=VAT/REL"]);
    assert.deepEqual(actors("His Majesty King Abdullah II of Jordan received the delegation.").slice(0, 1), ["King Abdullah II=JOR/GOV"]);
  });

  it("reads a name after 'His Highness Sheikh' whole, with the rest of the family name", () => {
    const a = actors("His Highness Sheikh Abdullah bin Zayed Al Nahyan received the envoy.");
    assert.equal(a[0], "Sheikh Abdullah bin Zayed Al Nahyan=ARE/GOV");
  });

  it("keeps a lexicon name that starts with an honorific word", () => {
    assert.deepEqual(actors("Sheikh Hasina met Mr. Modi.", { date: "2019-10-05" }), ["Sheikh Hasina=BGD/GOV", "Modi=IND/GOV"]);
  });

  it("reads formal state names as their country", () => {
    assert.deepEqual(actors("The Islamic Republic of Iran condemned the Kingdom of Saudi Arabia and the State of Qatar.").map((x) => x.split("=")[1]), ["IRN/GOV", "SAU/GOV", "QAT/GOV"]);
    assert.equal(actors("Ahmed Attaf, Minister of Foreign Affairs of the People's Democratic Republic of Algeria, arrived.")[0].split("=")[1], "DZA/GOV");
  });

  it("gives a bare title the country of the dateline", () => {
    const a = actors("ABU DHABI -- The Minister of Foreign Affairs met the ambassador of the Republic of Korea on Tuesday.", { dateline: "ARE" });
    assert.ok(a.includes("Minister of Foreign Affairs=ARE/GOV"), a.join(", "));
    assert.ok(a.includes("ambassador of the Republic of Korea=KOR/GOV"), a.join(", "));
  });

  it("gives a bare title the country of the news agency credited at the top, and the agency no actor", () => {
    const a = actors("(WAM) -- The Minister of Foreign Affairs met the ambassador of the Republic of Korea on Tuesday.");
    assert.deepEqual(a, ["Minister of Foreign Affairs=ARE/GOV", "ambassador of the Republic of Korea=KOR/GOV"]);
  });

  it("takes sources credited at the end of a summary for no actor and no place", () => {
    const a = actors("Opposition forces in Lebanon call off the general strike. (BBC) (Reuters)");
    assert.ok(!a.some((x) => /BBC|Reuters/.test(x)), a.join(", "));
    assert.ok(a[0].endsWith("LBN/REB"), a.join(", "));
  });

  it("places police and militants by the city they act in", () => {
    assert.deepEqual(actors("Police in Lagos arrested 20 protesters on Monday.").slice(0, 1), ["Police in Lagos=NGA/POL"]);
    assert.deepEqual(actors("Lagos police arrested 20 protesters on Monday.").slice(0, 1), ["Lagos police=NGA/POL"]);
    assert.deepEqual(actors("Militants in Maiduguri killed 12 farmers.").slice(0, 1), ["Militants in Maiduguri=NGA/REB"]);
    assert.deepEqual(actors("Police in Lagos, Nigeria, arrested a man.").slice(0, 1), ["Police in Lagos, Nigeria=NGA/POL"]);
  });

  it("places actors by a state or province", () => {
    assert.deepEqual(actors("Police in Borno State arrested 12 suspects.").slice(0, 1), ["Police in Borno State=NGA/POL"]);
    assert.deepEqual(actors("North Dakota Governor Jack Dalrymple issued an executive order.", { date: "2016-11-28" }).slice(0, 1), ["North Dakota Governor Jack Dalrymple=USA/GOV"]);
    // alone, a state is where the story is, not who acts ("attacks in Helmand")
    assert.deepEqual(actors("The Taliban launched attacks in Helmand.").filter((x) => x.startsWith("Helmand")), []);
  });

  it("does not place a role by a city qualified by another place", () => {
    const a = actors("Police in Springfield, Illinois, arrested a man.");
    assert.ok(!a.some((x) => x.startsWith("Police in Springfield=")), a.join(", "));
  });
});
