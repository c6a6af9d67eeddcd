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
