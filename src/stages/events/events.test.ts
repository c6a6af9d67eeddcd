// Event predicates, arguments and factuality on real news sentences (from the
// retold dev stories and the seed article), through the whole coder so that
// actors are resolved as in use.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createCoder } from "../../pipeline/coder.js";

const coder = createCoder();
const triples = (date: string, text: string) =>
  coder.code({ id: "t", date, text }).map((e) => `${e.source.country} ${e.type} ${e.target.country}`).sort();

describe("event predicates and arguments", () => {
  it("codes a verb with its subject and object (active voice)", () => {
    assert.deepEqual(triples("2022-07-08", "BALI: External Affairs Minister S. Jaishankar met Russian Foreign Minister Sergey Lavrov on Friday on the sidelines of the G20 foreign ministers' meeting."), ["IND CONSULT RUS"]);
  });

  it("codes a light verb with its event noun: held talks with", () => {
    assert.deepEqual(triples("2025-02-03", "Interior Minister Mohsin Naqvi of Pakistan held talks with Azerbaijan's Foreign Minister Jeyhun Bayramov in Islamabad on Sunday."), ["PAK CONSULT AZE"]);
  });

  it("codes the target of a preposition slot: sent condolences to", () => {
    assert.deepEqual(triples("2024-08-02", "NEW DELHI: A number of countries, among them the United States, China, Germany and the Netherlands, sent condolences to India on Friday over the deaths."), ["CHN SUPPORT IND", "DEU SUPPORT IND", "NLD SUPPORT IND", "USA SUPPORT IND"]);
  });

  it("takes the agent of a passive verb as the source", () => {
    assert.deepEqual(triples("2023-08-07", "Two Philippine coast guard ships escorting the mission were also blocked at close range by Chinese coast guard vessels."), ["CHN COERCE PHL"]);
  });

  it("codes coordinated subjects of a joint act once: Japan and the United States began a joint exercise", () => {
    assert.deepEqual(triples("2021-06-24", "TOKYO: Japan and the United States on Thursday began Orient Shield, a large-scale joint military exercise."), ["JPN COOPERATE USA"]);
  });

  it("codes a clash in both directions", () => {
    assert.deepEqual(triples("2020-07-13", "The latest fighting broke out on Sunday, when Armenian and Azerbaijani troops clashed on the northern stretch of the border."), ["ARM ASSAULT AZE", "AZE ASSAULT ARM"]);
  });

  it("takes the speaker's target from a 'that' clause: warned that it would hit back if Washington …", () => {
    assert.deepEqual(triples("2019-11-13", "Pyongyang warned on Wednesday that it would hit back if Washington presses ahead with its plans."), ["PRK THREATEN USA"]);
  });

  it("codes a request with an infinitive and not the act requested", () => {
    assert.deepEqual(triples("2021-10-25", "The UN's top official in Sudan called on the security forces in Sudan to release at once everyone who had been unlawfully detained."), ["IGO REQUEST SDN"]);
  });
});

describe("factuality", () => {
  it("drops negated acts", () => {
    assert.deepEqual(triples("2024-06-09", "Iran's foreign minister did not meet his Pakistani counterpart in Istanbul."), []);
  });

  it("turns future cooperation into AGREE", () => {
    assert.deepEqual(triples("2022-07-08", "France's foreign minister Catherine Colonna said France and India would work closely together on the problems the world is facing."), ["FRA AGREE IND"]);
  });

  it("drops future conflict that is not a threat", () => {
    assert.deepEqual(triples("2023-08-04", "Analysts said Nigeria might attack Niger next month."), []);
  });

  it("drops hypothetical acts", () => {
    assert.deepEqual(triples("2023-08-04", "If Nigeria attacks Niger, the region will suffer."), []);
  });

  it("drops background acts dated years before the article", () => {
    assert.deepEqual(triples("2024-06-09", "Pakistan and Iran signed a border trade agreement in 2012."), []);
  });

  it("does not read the visit recalled by 'described' as a new meeting", () => {
    assert.deepEqual(triples("2024-06-09", "Bagheri further described the historic visit of President Raisi to Pakistan as an indication of the deep relations between the two countries."), []);
  });
});
