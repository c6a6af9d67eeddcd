// Actor mentions and coreference on real sentences (the seed article and
// retold dev stories).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ArticleDoc } from "../../doc/types.js";
import { loadLexicon } from "../../lexicon/index.js";
import { analyse } from "../analyse/analyse.js";
import { buildGazetteer } from "./build-gazetteer.js";
import { findMentions, type FoundMention } from "./mentions.js";
import { resolveCoreference } from "./resolve.js";

const gaz = buildGazetteer(loadLexicon());

function mentionsOf(text: string, date = "2024-06-09"): { doc: ArticleDoc; ms: FoundMention[]; span: (m: FoundMention) => string } {
  const doc = analyse({ id: "t", date, text });
  const ms = findMentions(doc, gaz);
  resolveCoreference(doc, ms);
  const span = (m: FoundMention) => text.slice(doc.tokens[m.tokStart].start, doc.tokens[m.tokEnd - 1].end);
  return { doc, ms, span };
}

describe("actor mentions", () => {
  it("joins a possessive country, a title and a name into one actor", () => {
    const { ms, span } = mentionsOf("Iran’s Acting Foreign Minister Ali Bagheri held talks with Pakistani Foreign Minister Mohammad Ishaq Dar on the sidelines of the conference.");
    const people = ms.filter((m) => m.kind === "person");
    assert.deepEqual(people.map(span), ["Iran’s Acting Foreign Minister Ali Bagheri", "Pakistani Foreign Minister Mohammad Ishaq Dar"]);
    assert.deepEqual(people.map((m) => [m.actor?.country, m.actor?.sector, m.actor?.name]), [["IRN", "GOV", "Ali Bagheri"], ["PAK", "GOV", "Mohammad Ishaq Dar"]]);
  });

  it("reads a name followed by its title as one person (apposition)", () => {
    // an invented minister, so that only the apposition can tell his country
    const { ms, span } = mentionsOf("He then sat down with Elmar Kovačević, the foreign minister of Bosnia and Herzegovina.", "2023-09-25");
    const p = ms.find((m) => m.kind === "person")!;
    assert.equal(span(p), "Elmar Kovačević, the foreign minister of Bosnia and Herzegovina");
    assert.equal(p.actor?.country, "BIH");
    assert.equal(p.actor?.name, "Elmar Kovačević");
  });

  it("knows a serving minister by name and keeps the name as written", () => {
    const { ms, span } = mentionsOf("He then sat down with Elmedin Konaković, the foreign minister of Bosnia and Herzegovina.", "2023-09-25");
    const p = ms.find((m) => span(m).startsWith("Elmedin"))!;
    assert.deepEqual([p.actor?.country, p.actor?.sector, p.actor?.name], ["BIH", "GOV", "Elmedin Konaković"]);
  });

  it("takes the country of a postmodifier: police in Belarus", () => {
    const { ms, span } = mentionsOf("MINSK: Police in Belarus detained dozens of people, including journalists, on Saturday.", "2020-09-12");
    const police = ms.find((m) => span(m) === "Police in Belarus")!;
    assert.deepEqual([police.actor?.country, police.actor?.sector], ["BLR", "POL"]);
  });

  it("treats a demonym on a place noun as no actor", () => {
    const { ms, span } = mentionsOf("Ali Bagheri, who is in the Turkish city of Istanbul, held talks.");
    assert.equal(ms.find((m) => span(m) === "Turkish")?.parts.modifierOnly, true);
  });

  it("shares a country across titles joined by 'and'", () => {
    const { ms, span } = mentionsOf("after the martyrdom of the Iranian president and foreign minister");
    const fm = ms.find((m) => span(m) === "foreign minister")!;
    assert.equal(fm.actor?.country, "IRN");
  });

  it("knows named armed groups and IGOs", () => {
    const { ms, span } = mentionsOf("The Economic Community of West African States (ECOWAS) said Hamas had not replied.", "2023-08-04");
    const byText = Object.fromEntries(ms.map((m) => [span(m), m.actor?.country]));
    assert.equal(byText["Economic Community of West African States"], "IGO");
    assert.equal(byText["Hamas"], "PSE");
  });
});

describe("coreference", () => {
  it("resolves a later surname to the person named with a title", () => {
    const { ms, span } = mentionsOf("Iran’s Acting Foreign Minister Ali Bagheri held talks with Pakistani Foreign Minister Mohammad Ishaq Dar. In the meeting, Bagheri appreciated the kindness of the people of Pakistan.");
    const b = ms.find((m) => span(m) === "Bagheri")!;
    assert.equal(b.actor?.country, "IRN");
    assert.equal(b.actor?.name, "Ali Bagheri");
  });

  it("resolves 'he' to the subject of the last sentence with a person", () => {
    const { ms, span } = mentionsOf("Pakistani Foreign Minister Mohammad Ishaq Dar honored the memory of President Raisi. He referred to the important visit of Raisi to Pakistan.");
    const he = ms.find((m) => span(m) === "He")!;
    assert.equal(he.actor?.country, "PAK");
  });

  it("resolves 'the two sides' to the two actors named before", () => {
    const { ms, span } = mentionsOf("Iran’s Acting Foreign Minister Ali Bagheri held talks with Pakistani Foreign Minister Mohammad Ishaq Dar. The two sides discussed the developing ties.");
    const sides = ms.find((m) => span(m) === "The two sides")!;
    assert.deepEqual(sides.members?.map((a) => a.country).sort(), ["IRN", "PAK"]);
  });

  it("resolves an object pronoun to the other person in the sentence", () => {
    const { ms, span } = mentionsOf("Slovakia's Foreign Minister Ivan Korcok said he had spoken with his Ukrainian counterpart, Foreign Minister Dmytro Kuleba, and had said sorry to him.", "2021-03-04");
    const him = ms.find((m) => span(m) === "him")!;
    assert.equal(him.actor?.country, "UKR");
  });
});

describe("actors found through the peer suites' misses (issue 6)", () => {
  it("reads 'UN Secretary-General' before a name as the UN, and 'Secretary General' as a title", () => {
    const { ms, span } = mentionsOf("UN Secretary-General Antonio Guterres met Arab League Secretary General Ahmed Aboul Gheit in Cairo.");
    assert.deepEqual(ms.filter((m) => m.actor).map((m) => `${span(m)}=${m.actor!.country}`), ["UN Secretary-General Antonio Guterres=IGO", "Arab League Secretary General Ahmed Aboul Gheit=IGO", "Cairo=EGY"]);
  });

  it("knows the European Community as the EU's earlier name", () => {
    const { ms } = mentionsOf("The European Community gave Ivory Coast 5 million dollars of aid.");
    assert.equal(ms[0].actor?.country, "IGO");
  });

  it("gives a named title the country of the same title named earlier without a name, and a named official the protagonist's country", () => {
    const { ms, span } = mentionsOf("China summoned Japan's ambassador on Sunday over the summit statement. Vice Foreign Minister Sun Weidong lodged a protest with Ambassador Hideo Tarumi, the ministry said.", "2023-05-22");
    const of = (s: string) => ms.find((m) => span(m) === s)?.actor?.country;
    assert.equal(of("Vice Foreign Minister Sun Weidong"), "CHN");
    assert.equal(of("Ambassador Hideo Tarumi"), "JPN");
  });
});
