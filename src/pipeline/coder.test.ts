// Golden tests of the whole coder on real article text: the seed article of
// the guideline, and retold dev stories, each with its exact events.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { CodedEvent } from "../doc/types.js";
import { parseArticleText } from "../stages/ingest/index.js";
import { createCoder } from "./coder.js";

const shared = fileURLToPath(new URL("../../../shared/", import.meta.url));
const seedPath = shared + "examples/seed-article.txt";
const coder = createCoder();

const triple = (e: CodedEvent) => `${e.source.country}/${e.source.sector} ${e.type}${e.mode ? "/" + e.mode : ""} ${e.target.country}/${e.target.sector}`;
const code = (date: string, text: string) => coder.code({ id: "t", date, text }).map(triple).sort();

describe("coder on the seed article", { skip: !existsSync(seedPath) && "../shared/examples/seed-article.txt not present" }, () => {
  const items = existsSync(seedPath) ? parseArticleText(readFileSync(seedPath, "utf8"), { file: seedPath }, {}) : [];
  const article = items[0]?.kind === "article" ? items[0].article : undefined;
  const events = article ? coder.code(article) : [];

  it("gives exactly the guideline's three events", () => {
    assert.deepEqual(events.map(triple).sort(), [
      "IRN/GOV CONSULT/multilateral PAK/GOV",
      "IRN/GOV SUPPORT PAK/GOV",
      "PAK/GOV SUPPORT IRN/GOV",
    ]);
  });

  it("names the people and places them in Istanbul on the article date", () => {
    const consult = events.find((e) => e.type === "CONSULT")!;
    assert.equal(consult.source.name, "Ali Bagheri");
    assert.equal(consult.target.name, "Mohammad Ishaq Dar");
    for (const e of events) {
      assert.equal(e.location?.name, "Istanbul");
      assert.equal(e.location?.country, "TUR");
      assert.equal(e.date, "2024-06-09");
    }
  });

  it("codes no event for the two background visits", () => {
    assert.ok(!events.some((e) => e.type === "CONSULT" && e.source.country === "PAK"));
    assert.ok(!events.some((e) => /visit of/.test(e.evidence.text) && e.type !== "SUPPORT"));
  });

  it("carries CAMEO code, Goldstein score and quad class", () => {
    const consult = events.find((e) => e.type === "CONSULT")!;
    assert.equal(consult.cameo.slice(0, 2), "04");
    assert.equal(consult.quad, 1);
    assert.ok(consult.goldstein > 0);
    assert.ok(consult.evidence.text.startsWith("Iran’s Acting Foreign Minister Ali Bagheri"));
    assert.equal(article!.text.slice(consult.evidence.start, consult.evidence.end), consult.evidence.text);
  });
});

describe("coder on wire copy", () => {
  it("dates the act by the sentence's own day, not the dateline's report date", () => {
    const events = coder.code({
      id: "t", date: "2024-06-10",
      text: "ISLAMABAD, June 10 - Pakistan's Foreign Minister Ishaq Dar held talks with Iran's Acting Foreign Minister Ali Bagheri in Istanbul on Sunday, a day before the D-8 meeting closed.",
    });
    assert.deepEqual(events.map((e) => `${triple(e)} ${e.date} ${e.location?.name}`), ["PAK/GOV CONSULT IRN/GOV 2024-06-09 Istanbul"]);
  });
});

describe("coder on a story told on from a past day", () => {
  it("treats a sentence that opens by pointing back ('Shortly after …') as old as the dated sentence before it", () => {
    const text = "DILI, Timor-Leste: A curfew imposed across the capital after last year's riots was lifted on Friday.\n\nThe riots broke out on March 3 last year after the disputed election. Shortly after the riots, the Timorese government imposed a curfew on the whole city as police tried to restore order.";
    assert.deepEqual(code("2024-05-10", text), []);
    // the same act told without the pointer back is today's
    assert.deepEqual(code("2024-05-10", "DILI, Timor-Leste: The Timorese government imposed a curfew on the whole city on Friday as police tried to restore order."), ["TLS/GOV COERCE TLS/CIV"]);
  });
});
