import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { eventDate, findDates } from "./dates.js";

describe("event dates", () => {
  it("puts a weekday in the past of the article date", () => {
    // dev-a-05, dated Friday 2022-07-08
    const s = "BALI: External Affairs Minister S. Jaishankar met Russian Foreign Minister Sergey Lavrov on Friday on the sidelines of the G20 foreign ministers' meeting.";
    const d = findDates(s, "2022-07-08");
    assert.equal(eventDate(d, s.indexOf("met"), "2022-07-08").date, "2022-07-08");
    const t = "Later on Tuesday night, Chinese Ambassador Xu Feihong also mourned the dead.";
    assert.equal(eventDate(findDates(t, "2024-07-03"), t.indexOf("mourned"), "2024-07-03").date, "2024-07-02");
  });

  it("reads a day and month without a year as the latest one before the article", () => {
    const s = "On Sunday, September 24, the minister met separately with his counterparts from Mexico, Bosnia and Herzegovina, and Armenia.";
    assert.equal(eventDate(findDates(s, "2023-09-25"), s.indexOf("met"), "2023-09-25").date, "2023-09-24");
  });

  it("marks acts dated months or years earlier as background", () => {
    const s = "Relations have deepened since the two countries signed a treaty in 1998.";
    assert.equal(eventDate(findDates(s, "2024-06-09"), s.indexOf("signed"), "2024-06-09").background, true);
    const t = "Moscow described the move against the counsellor-minister, who was declared persona non grata on March 29, as yet another hostile step.";
    assert.equal(eventDate(findDates(t, "2022-04-05"), t.indexOf("declared"), "2022-04-05").background, false);
  });

  it("keeps the article date when the sentence names no day", () => {
    const s = "Kyiv swiftly rejected suggestions in Moscow that it had any link to the shooting.";
    assert.deepEqual(eventDate(findDates(s, "2024-03-23"), s.indexOf("rejected"), "2024-03-23"), { date: "2024-03-23", background: false, future: false });
  });
});
