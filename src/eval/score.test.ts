import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { formatReport, groupByArticle, score, tripleKey } from "./score.js";

const shared = fileURLToPath(new URL("../../../shared/eval/", import.meta.url));
const bin = fileURLToPath(new URL("../../bin/dyad.js", import.meta.url));

describe("scoring by the guideline's rules", () => {
  const gold = groupByArticle([{ id: "a", events: [
    { source: { country: "IRN", sector: "GOV" }, type: "CONSULT", target: { country: "PAK", sector: "GOV" }, evidence: "Bagheri held talks with Dar." },
    { source: { country: "PAK", sector: "GOV" }, type: "SUPPORT", target: { country: "IRN", sector: "GOV" }, evidence: "Dar honored Raisi." },
  ] }]);

  it("counts a symmetric type once, in either direction", () => {
    assert.equal(tripleKey({ source: "PAK", type: "CONSULT", target: "IRN" }), tripleKey({ source: "IRN", type: "CONSULT", target: "PAK" }));
  });

  it("computes precision, recall, F1, misses, false alarms and type confusion", () => {
    const pred = groupByArticle([
      { article: "a", source: { country: "PAK", sector: "GOV" }, type: "CONSULT", target: { country: "IRN", sector: "GOV" } },
      { article: "a", source: { country: "PAK", sector: "GOV" }, type: "AGREE", target: { country: "IRN", sector: "GOV" } },
    ] as never);
    const r = score(gold, pred);
    assert.deepEqual([r.triples.tp, r.triples.pred, r.triples.gold], [1, 2, 2]);
    assert.equal(r.triples.f1.toFixed(3), "0.500");
    assert.deepEqual(r.misses.map((m) => m.key), ["PAK|SUPPORT|IRN"]);
    assert.deepEqual(r.falseAlarms.map((m) => m.key), ["IRN|AGREE|PAK"]);
    assert.equal(r.confusion.SUPPORT.AGREE, 1);
    assert.ok(formatReport(r).endsWith("F1 0.500"));
  });

  it("gives the shared scorer's figures on the dev set", { skip: !existsSync(join(shared, "score.mjs")) && "../shared/eval not present" }, () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-score-"));
    const pred = join(dir, "events.jsonl");
    const coded = spawnSync(process.execPath, [bin, "extract", join(shared, "dev.jsonl")], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(pred, coded.stdout);
    const theirs = spawnSync(process.execPath, [join(shared, "score.mjs"), "--gold", join(shared, "dev.jsonl"), "--pred", pred, "--by-type"], { encoding: "utf8" }).stdout.trim();
    const ours = spawnSync(process.execPath, [bin, "eval", "--gold", join(shared, "dev.jsonl"), "--pred", pred], { encoding: "utf8" }).stdout.trim();
    assert.equal(ours, theirs);
  });
});
