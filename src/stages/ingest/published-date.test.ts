import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { datelineDate, isDateLine, parsePublished } from "./published-date.js";

const NOW = new Date("2024-07-01T12:00:00Z");
const date = (raw: string) => {
  const r = parsePublished(raw, NOW);
  return r.ok ? r.date : `!${r.reason}`;
};

describe("parsePublished", () => {
  it("reads ISO stamps as written, without shifting them to UTC", () => {
    assert.equal(date("2024-06-11T07:45:00+03:00"), "2024-06-11");
    assert.equal(date("2024-06-11T23:30:00.000-05:00"), "2024-06-11");
    assert.equal(date("2024-06-11"), "2024-06-11");
    assert.equal(date("20240611"), "2024-06-11");
    assert.equal(date("2024/06/11 10:00"), "2024-06-11");
  });

  it("reads RFC 822 dates as RSS writes them, two-digit years too", () => {
    assert.equal(date("Tue, 11 Jun 2024 07:45:00 +0300"), "2024-06-11");
    assert.equal(date("Mon, 10 Jun 2024 18:05:00 GMT"), "2024-06-10");
    assert.equal(date("11 Jun 24 07:45 EST"), "2024-06-11");
  });

  it("reads the human forms of bylines and datelines", () => {
    assert.equal(date("June 11, 2024"), "2024-06-11");
    assert.equal(date("Jun. 11th 2024"), "2024-06-11");
    assert.equal(date("3rd March, 2023"), "2023-03-03");
    assert.equal(date("Tuesday, 11 June 2024"), "2024-06-11");
    assert.equal(date("Sept 9, 2023"), "2023-09-09");
  });

  it("refuses relative, partial, impossible and future dates", () => {
    assert.match(date("yesterday"), /^!expected a date/);
    assert.match(date("June 11"), /^!expected a date/);
    assert.match(date("31 June 2024"), /^!not a real calendar date/);
    assert.match(date("2024-08-01T00:00:00Z"), /^!after 2024-07-02/);
    assert.match(date(""), /^!expected a date; found an empty value/);
  });
});

describe("datelineDate", () => {
  it("finds a full date in a dateline or a byline date line near the top", () => {
    assert.deepEqual(datelineDate("ABUJA, June 3, 2024 (Courier Wire) — Nigeria on Monday called …", NOW), { date: "2024-06-03", found: "June 3, 2024" });
    assert.equal(datelineDate("ISLAMABAD, 3rd March, 2023 (AGENCY) -- The minister said …", NOW)?.date, "2023-03-03");
    assert.equal(datelineDate("By Staff Reporter\n\nPublished: 11 June 2024 10:05\n\nKAMPALA - Uganda said …", NOW)?.date, "2024-06-11");
  });

  it("ignores dates deeper in the story and datelines without a year", () => {
    assert.equal(datelineDate("NAIROBI, June 11 (Courier) - Kenya and Ethiopia agreed …", NOW), undefined);
    const deep = "One.\n\nTwo.\n\nThree.\n\nFour.\n\nThe treaty was signed on 5 May 1990.";
    assert.equal(datelineDate(deep, NOW), undefined);
    assert.equal(datelineDate("The two sides met on June 3, 2024 in Abuja and agreed to meet again.", NOW), undefined);
  });

  it("knows a bare date line from a sentence", () => {
    assert.equal(isDateLine("Updated: June 11, 2024 10:05 GMT"), true);
    assert.equal(isDateLine("11 June 2024"), true);
    assert.equal(isDateLine("On 11 June 2024 the ministers met."), false);
  });
});
