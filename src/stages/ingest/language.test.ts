import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage, MIN_LANGUAGE_CHARS, screenLanguage } from "./language.js";
import type { IngestItem } from "./types.js";

const ENGLISH = "Kenyan Foreign Minister Musalia Mudavadi and his Ethiopian counterpart Taye Atske Selassie signed the agreement in Nairobi after two days of talks, officials from both ministries said. The crossing was closed in March after clashes between rival militias near the town.";
const FRENCH = "Le Sénégal et la Mauritanie ont signé mercredi un accord sur l'exploitation commune d'un gisement de gaz situé à la frontière maritime entre les deux pays, a annoncé le ministère sénégalais des Affaires étrangères. Les deux ministres se sont engagés à partager les recettes.";
const SPANISH = "El presidente de Colombia se reunió el martes con su homólogo de Venezuela en la frontera entre los dos países para discutir la reapertura del comercio y la cooperación en materia de seguridad, según informó la cancillería colombiana en un comunicado oficial.";
// Mostly names and titles: few function words, so franc decides.
const NAMES = "Pakistani Foreign Minister Mohammad Ishaq Dar, Iranian Acting Foreign Minister Ali Bagheri Kani, Turkish Foreign Minister Hakan Fidan, Azerbaijani Foreign Minister Jeyhun Bayramov, Uzbek Foreign Minister Bakhtiyor Saidov, Kazakh Foreign Minister Murat Nurtleu attended ministerial consultations.";

describe("language", () => {
  it("takes English news for English and names other languages", () => {
    assert.deepEqual(detectLanguage(ENGLISH), { english: true });
    assert.deepEqual(detectLanguage(FRENCH), { english: false, code: "fra", name: "French" });
    assert.deepEqual(detectLanguage(SPANISH), { english: false, code: "spa", name: "Spanish" });
    assert.deepEqual(detectLanguage(NAMES), { english: true });
  });

  it("counts texts too short to judge as English", () => {
    assert.ok(FRENCH.slice(0, MIN_LANGUAGE_CHARS - 1).length < MIN_LANGUAGE_CHARS);
    assert.deepEqual(detectLanguage(FRENCH.slice(0, MIN_LANGUAGE_CHARS - 1)), { english: true });
  });

  it("turns a non-English article into NOT_ENGLISH at its origin, unless allLanguages", () => {
    const item: IngestItem = { kind: "article", article: { id: "a", date: "2024-06-05", text: FRENCH, origin: { file: "f.jsonl", line: 3 } } };
    const out = screenLanguage(item, {});
    assert.ok(out.kind === "problem");
    assert.deepEqual([out.problem.code, out.problem.file, out.problem.line], ["NOT_ENGLISH", "f.jsonl", 3]);
    assert.match(out.problem.message, /found French \(fra\)/);
    assert.equal(screenLanguage(item, { allLanguages: true }), item);
  });
});
