// Mechanisms of real news English, on sentences written for these tests in
// the way wire copy, current-events summaries and readouts put things.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createCoder } from "../../pipeline/coder.js";

const coder = createCoder();
const coded = (date: string, text: string) => coder.code({ id: "t", date, text });
const triples = (date: string, text: string) =>
  coded(date, text).map((e) => `${e.source.country} ${e.source.sector} ${e.type} ${e.target.country}`).sort();

describe("implicit state agents of passives", () => {
  it("gives an arrest with no named doer to the police of the country where it happens", () => {
    assert.deepEqual(triples("2011-03-02", "Six people are arrested in Ukraine after a clash at a polling station."), ["UKR POL COERCE UKR"]);
  });

  it("places a foreign national arrested abroad: the arresting country acts on the other", () => {
    assert.deepEqual(triples("2013-09-14", "A French aid worker is detained in Chad on charges of spying."), ["TCD POL COERCE FRA"]);
  });

  it("leaves a passive that is no state act alone (no one is named for a killing)", () => {
    assert.deepEqual(triples("2016-05-11", "Three farmers are killed in Kenya."), []);
  });
});

describe("irregular passive participles", () => {
  it("reads 'are shot dead by' as a passive with its agent", () => {
    assert.deepEqual(triples("2015-04-20", "Eleven villagers are shot dead by soldiers in northern Mali."), ["MLI MIL ASSAULT MLI"]);
  });
});

describe("the day of a story told days later", () => {
  it("dates the headline and the undated sentences by the day the lead gives", () => {
    const text = "Malian troops attack rebels in Kidal\n\nFriday, March 12, 2021\n\nOn Monday, Malian soldiers attacked rebels near Kidal. Mali's defence minister thanked France for its support.";
    const evs = coded("2021-03-12", text);
    assert.ok(evs.length > 0);
    for (const e of evs) assert.equal(e.date, "2021-03-08", `${e.type} ${e.evidence.text}`);
  });

  it("keeps the publication day when the lead names no other day", () => {
    const evs = coded("2021-03-12", "Malian soldiers attacked rebels near Kidal. Mali's defence minister thanked France for its support.");
    assert.ok(evs.length > 0);
    for (const e of evs) assert.equal(e.date, "2021-03-12");
  });
});

describe("an adverb between a verb and its particle", () => {
  it("codes 'spoke today with' as a call", () => {
    assert.deepEqual(triples("2022-05-10", "Prime Minister Fumio Kishida spoke today with President Emmanuel Macron of France."), ["JPN GOV CONSULT FRA"]);
  });
});

describe("readouts: groups and their commitments", () => {
  it("reads a sentence-opening 'they' after two leaders as both of them", () => {
    assert.deepEqual(triples("2021-04-02", "President Biden spoke with Prime Minister Mark Rutte of the Netherlands. They agreed to work closely together on climate change."), ["USA GOV AGREE NLD", "USA GOV CONSULT NLD"]);
  });

  it("codes a reaffirmed commitment or support for a country as SUPPORT", () => {
    assert.deepEqual(triples("2023-02-10", "King Abdullah reaffirmed Jordan's support for Iraq."), ["JOR GOV SUPPORT IRQ"]);
  });

  it("keeps an act done together between the group's members, not with a party named deep in its complement", () => {
    assert.deepEqual(triples("2023-10-18", "President Biden spoke today with President Abdel Fattah Al-Sisi of Egypt. The two leaders agreed to work together closely on encouraging a response to the UN's humanitarian appeal."), ["USA GOV AGREE EGY", "USA GOV CONSULT EGY"]);
  });
});

describe("events told by their nouns", () => {
  it("codes clashes between two sides in both directions", () => {
    assert.deepEqual(triples("2021-05-03", "Three soldiers died in clashes between Colombian troops and Venezuelan guerrillas near the border."), ["COL MIL ASSAULT VEN", "VEN REB ASSAULT COL"]);
  });

  it("takes the doer of a passive killing from the attack it names", () => {
    assert.deepEqual(triples("2022-03-04", "Four civilians were killed in a Russian air strike on Chernihiv."), ["RUS MIL ASSAULT UKR"]);
  });

  it("gives a protest with no one named to the people of the place, against their government", () => {
    assert.deepEqual(triples("2012-02-03", "Dozens are injured in fresh protests in Cairo."), ["EGY CIV PROTEST EGY"]);
  });
});

describe("precision: what did not happen now", () => {
  it("codes no event in a question", () => {
    assert.deepEqual(triples("2019-05-02", "Will Iran talk to the United States before the deadline?"), []);
  });

  it("codes no event told in the pluperfect with 'previously'", () => {
    assert.deepEqual(triples("2019-05-02", "Moscow had previously accused Kyiv of sabotage."), []);
  });
});

describe("summaries in the present tense", () => {
  it("reads a verb the tagger took for a noun in a sentence with no verb yet: 'Malian forces arrest two men'", () => {
    assert.deepEqual(triples("2015-11-27", "Malian forces arrest two men in Bamako."), ["MLI MIL COERCE MLI"]);
  });

  it("dates the act, not the noun a date hangs on: an arrest over a protest last month is today's", () => {
    const evs = coded("2020-08-14", "Thai police arrest a student leader over an anti-government protest last month.");
    const arrest = evs.find((e) => e.type === "COERCE");
    assert.ok(arrest, "the arrest is coded");
    assert.equal(arrest.date, "2020-08-14");
  });
});

describe("more predicate families", () => {
  it("codes a strike called off as a concession to the government", () => {
    assert.deepEqual(triples("2012-07-25", "Dock workers' unions in Chile call off a national strike."), ["CHL CIV CONCEDE CHL"]);
  });

  it("codes charges announced against someone as an accusation", () => {
    assert.deepEqual(triples("2017-05-27", "Kenyan police announce charges of incitement against two opposition lawmakers."), ["KEN POL ACCUSE KEN"]);
  });

  it("codes a named person set free as RETREAT, and a statement released as nothing", () => {
    assert.deepEqual(triples("2021-10-26", "Sudan's military released Prime Minister Abdalla Hamdok."), ["SDN MIL RETREAT SDN"]);
    assert.deepEqual(triples("2021-10-26", "Sudan's military released a statement."), []);
  });
});

describe("naming as judgement", () => {
  it("codes a negative name given to another party's act as an accusation of the one who did it", () => {
    assert.deepEqual(triples("2020-01-06", "The Foreign Ministry of Iraq characterized the American strike as \"a serious violation of Iraqi sovereignty\"."), ["IRQ GOV ACCUSE USA"]);
  });

  it("reads 'called X on Monday' as a call, and 'called it \"a disgrace\"' as no call", () => {
    assert.deepEqual(triples("2022-03-07", "President Emmanuel Macron called Vladimir Putin on Monday."), ["FRA GOV CONSULT RUS"]);
    assert.ok(!triples("2022-03-07", "President Emmanuel Macron called Russia's decision \"a disgrace\".").some((t) => t.includes("CONSULT")));
  });
});
