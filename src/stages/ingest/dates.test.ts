import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { normaliseDate } from "./dates.js";

const NOW = new Date("2024-06-09T12:00:00Z");

describe("normaliseDate", () => {
  it("accepts YYYY-MM-DD, YYYYMMDD and ISO timestamps, giving YYYY-MM-DD", () => {
    assert.deepEqual(normaliseDate("2024-06-09", NOW), { ok: true, date: "2024-06-09" });
    assert.deepEqual(normaliseDate("20240609", NOW), { ok: true, date: "2024-06-09" });
    assert.deepEqual(normaliseDate("2024-06-08T23:30:00Z", NOW), { ok: true, date: "2024-06-08" });
    assert.deepEqual(normaliseDate(" 2024-06-08T23:30:00.123+05:30 ", NOW), { ok: true, date: "2024-06-08" });
  });

  it("refuses days that do not exist", () => {
    for (const s of ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "20241301"]) {
      const r = normaliseDate(s, NOW);
      assert.equal(r.ok, false, s);
      assert.match(!r.ok ? r.reason : "", /not a real calendar date/);
    }
    assert.equal(normaliseDate("2024-02-29", NOW).ok, true, "2024 is a leap year");
  });

  it("refuses relative and free-form dates, naming the accepted forms", () => {
    for (const s of ["yesterday", "June 9, 2024", "9/6/2024", "", "2024-6-9"]) {
      const r = normaliseDate(s, NOW);
      assert.equal(r.ok, false, s);
      assert.match(!r.ok ? r.reason : "", /YYYY-MM-DD/);
    }
  });

  it("refuses impossible times of day", () => {
    assert.equal(normaliseDate("2024-06-09T25:00:00Z", NOW).ok, false);
  });

  it("allows 1900-01-01 up to tomorrow and nothing outside", () => {
    assert.equal(normaliseDate("1900-01-01", NOW).ok, true);
    assert.equal(normaliseDate("1899-12-31", NOW).ok, false);
    assert.equal(normaliseDate("2024-06-10", NOW).ok, true, "tomorrow");
    const r = normaliseDate("2024-06-11", NOW);
    assert.deepEqual(r, { ok: false, reason: "after 2024-06-10 (tomorrow)" });
  });
});
