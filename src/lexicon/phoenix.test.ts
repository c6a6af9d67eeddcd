// The imported Phoenix files: they load, validate, and name the file and entry when broken.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { LexiconError, loadLexicon } from "./index.js";
import { loadPhoenix } from "./phoenix.js";

describe("phoenix-actors.json", () => {
  const lex = loadLexicon();
  const ph = lex.phoenix!;

  it("loads people with dated roles, organisations and agents", () => {
    assert.ok(ph.people.length > 10000, `${ph.people.length} people`);
    assert.ok(ph.organisations.length > 3000);
    assert.ok(ph.agents.length > 1000);
    const h = ph.people.find((p) => p.name === "Tzahi Hanegbi")!;
    assert.deepEqual(h.periods?.[1], { country: "ISR", sector: "MIL", from: "2003-03-01", to: "2004-10-01" });
  });

  it("keeps no one-word form that is a common English word", () => {
    const forms = ph.people.flatMap((p) => [p.name, ...(p.aliases ?? [])]).filter((f) => !f.includes(" ")).map((f) => f.toLowerCase());
    for (const w of ["will", "may", "rice", "brown", "young", "hill"]) assert.ok(!forms.includes(w), w);
  });

  it("names the file, entry and problem of a bad row", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-phoenix-"));
    const file = join(dir, "phoenix-actors.json");
    writeFileSync(file, JSON.stringify({ version: 1, description: "t", notice: "MIT", people: [{ name: "A B", actor: "IRN/GOV" }, { name: "C D", actor: "IRN/GUV", roles: ["IRN/GOV 2010-01-01..2009-01-01"] }], organisations: [] }, null, 1));
    assert.throws(() => loadPhoenix(file, join(dir, "none.json")), (e: unknown) => {
      assert.ok(e instanceof LexiconError);
      assert.match(e.message, /phoenix-actors\.json: people\[1\]\.actor: unknown sector "GUV"/);
      assert.match(e.message, /people\[1\]\.roles\[0\]: role ends before it starts/);
      return true;
    });
  });

  it("reads nothing from a data folder without the files", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-phoenix-"));
    assert.deepEqual(loadPhoenix(join(dir, "a.json"), join(dir, "b.json")), { people: [], organisations: [], agents: [] });
  });
});
