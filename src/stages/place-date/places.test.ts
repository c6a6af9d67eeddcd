import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyse } from "../analyse/analyse.js";
import { findDateline, lookupCity } from "./places.js";

const dateline = (text: string) => findDateline(analyse({ id: "t", date: "2024-06-09", text }).tokens, text);

describe("datelines", () => {
  it("reads an upper-case city and a colon", () => {
    const d = dateline("ISLAMABAD: Pakistan's Foreign Office on Saturday again dismissed Indian claims.");
    assert.equal(d?.name, "Islamabad");
    assert.equal(lookupCity(d!.name, new Set(), 1000)?.country, "PAK");
  });

  it("reads a city with its country after a comma", () => {
    const d = dateline("LAGOS, Nigeria - Police arrested 30 protesters on Thursday.");
    assert.equal(d?.name, "Lagos");
    assert.equal(d?.country, "Nigeria");
  });

  it("reads a dateline with a date and an agency before the dash", () => {
    const d = dateline("DUBAI, 3rd March, 2023 (WAM) -- The UAE sent a plane of relief supplies to Syria on Friday.");
    assert.equal(d?.name, "Dubai");
    assert.equal(lookupCity(d!.name, new Set(), 1000)?.country, "ARE");
  });

  it("reads a wire dateline with a month and day before the dash, not the month as a country", () => {
    const d = dateline("ISLAMABAD, June 10 - Pakistan's Foreign Minister Ishaq Dar held talks with Iran's Ali Bagheri in Istanbul on Sunday.");
    assert.equal(d?.name, "Islamabad");
    assert.equal(d?.country, undefined);
  });

  it("finds the dateline below page clutter (site name, highlights, byline, headline)", () => {
    const text = "Gulf Daily (@gulfdaily)\nStory highlights\nBy Staff Reporter\nUAE sends aid to Syria\nDUBAI, 3rd March, 2023 (WAM) -- The UAE sent a plane of relief supplies to Syria on Friday.";
    assert.equal(dateline(text)?.name, "Dubai");
  });

  it("looks for no dateline below a paragraph of the story", () => {
    const text = "The UAE sent a plane of relief supplies to Syria on Friday.\nBEIRUT: Aid officials said more flights would follow.";
    assert.equal(dateline(text), undefined);
  });

  it("does not take a hyphenated title for a city and a dash: UN Secretary-General", () => {
    assert.equal(dateline("UN Secretary-General Antonio Guterres condemned the attack."), undefined);
  });

  it("does not take a sentence's first words for a dateline", () => {
    assert.equal(dateline("Iran’s Acting Foreign Minister Ali Bagheri held talks in Istanbul."), undefined);
  });
});

describe("place names", () => {
  it("ranks namesakes by the countries the article names, unless the other is a major city", () => {
    // Hyderabad in India and in Pakistan: the article's country decides
    assert.equal(lookupCity("Hyderabad", new Set(["PAK"]))?.country, "PAK");
    assert.equal(lookupCity("Hyderabad", new Set(["IND"]))?.country, "IND");
    // Brussels, Belgium beats a small Brussels elsewhere even when the article names the USA
    assert.equal(lookupCity("Brussels", new Set(["USA"]))?.country, "BEL");
  });

  it("gives coordinates from GeoNames", () => {
    const p = lookupCity("Istanbul", new Set())!;
    assert.equal(p.country, "TUR");
    assert.ok(Math.abs(p.lat! - 41.01) < 0.1 && Math.abs(p.lon! - 28.95) < 0.1);
  });
});
