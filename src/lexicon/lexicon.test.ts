import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import {
  DEFAULT_DATA_DIR,
  LEXICON_FILES,
  LexiconError,
  PLOV_TYPES,
  loadLexicon,
  loadUserActors,
  personOn,
  type Lexicon,
  type PersonEntry,
} from "./index.js";

/** Runs `fn`, which must throw a LexiconError, and returns that error. */
function lexiconErrorOf(fn: () => unknown): LexiconError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof LexiconError, `expected a LexiconError, got ${String(e)}`);
    return e;
  }
  assert.fail("expected a LexiconError, nothing was thrown");
}

/** 1-based line of the first occurrence of `needle` in `text`. */
function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not found`);
  return text.slice(0, at).split("\n").length;
}

describe("lexicon: the shipped data files", () => {
  let lex: Lexicon;
  before(() => {
    lex = loadLexicon();
  });

  it("load and validate with loadLexicon()", () => {
    assert.ok(lex.countries.length > 200);
    assert.ok(lex.igos.length > 0);
    assert.ok(lex.roles.length > 0);
    assert.ok(lex.groups.length > 0);
    assert.ok(lex.people.length >= 350, `only ${lex.people.length} people`);
    assert.ok(lex.cameo.codes.size > 0);
  });

  it("gives the USA the name U.S.", () => {
    const usa = lex.countries.find((c) => c.country === "USA");
    assert.ok(usa);
    assert.ok(usa.names.includes("U.S."), usa.names.join(", "));
  });

  it("has a country entry XKX named Kosovo", () => {
    const xkx = lex.countries.find((c) => c.country === "XKX");
    assert.ok(xkx, "no XKX entry");
    assert.ok(xkx.names.includes("Kosovo"));
    assert.equal(xkx.name, "Kosovo");
  });

  it("has Tehran as a capital of Iran", () => {
    const irn = lex.countries.find((c) => c.country === "IRN");
    assert.ok(irn?.capitals.includes("Tehran"));
  });

  it("does not read the code IN as India", () => {
    const ind = lex.countries.find((c) => c.country === "IND");
    assert.ok(ind);
    assert.ok(ind.names.includes("India"));
    assert.ok(!ind.names.includes("IN"));
    assert.ok(!lex.countries.some((c) => c.names.some((n) => n.toLowerCase() === "in")), "some country is named 'in'");
  });

  it("matches the IGO name WHO only case-sensitively", () => {
    const who = lex.igos.find((o) => o.code === "WHO");
    assert.ok(who);
    assert.ok(who.names.includes("WHO"));
    assert.ok(who.caseSensitive?.includes("WHO"));
  });

  it("codes CAMEO 190 as material conflict with a negative Goldstein value", () => {
    const c = lex.cameo.codes.get("190");
    assert.ok(c);
    assert.equal(c.quad, 4);
    assert.ok(c.goldstein < 0);
  });

  it("maps every PLOVER type to a CAMEO code that is in the codebook", () => {
    for (const t of PLOV_TYPES) {
      const m = lex.cameo.plover[t];
      assert.ok(m, `no mapping for ${t}`);
      assert.ok(lex.cameo.codes.has(m.cameo), `${t} maps to unknown code ${m.cameo}`);
      assert.ok([1, 2, 3, 4].includes(m.quad));
    }
  });

  it("dates Imran Khan's office: PAK/GOV in 2020, PAK/OPP in 2023", () => {
    const imran = lex.people.find((p) => p.name === "Imran Khan");
    assert.ok(imran);
    const in2020 = personOn(imran, "2020-06-01");
    assert.equal(in2020.country, "PAK");
    assert.equal(in2020.sector, "GOV");
    const in2023 = personOn(imran, "2023-06-01");
    assert.equal(in2023.country, "PAK");
    assert.equal(in2023.sector, "OPP");
  });
});

describe("lexicon: broken data files", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "dyad-lexicon-"));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of data/ under the temp folder. */
  const copyData = (name: string): string => {
    const to = join(dir, name);
    cpSync(DEFAULT_DATA_DIR, to, { recursive: true });
    return to;
  };

  it("names the file, the JSON path and the line of a bad sector", () => {
    const data = copyData("bad-sector");
    const file = join(data, LEXICON_FILES.roles);
    const text = readFileSync(file, "utf8");
    const needle = '"sector": "GOV"';
    const line = lineOf(text, needle);
    writeFileSync(file, text.replace(needle, '"sector": "GOVT"'));
    const err = lexiconErrorOf(() => loadLexicon(data));
    assert.match(err.message, /roles\.json/);
    assert.equal(err.jsonPath, "roles[0].sector");
    assert.match(err.message, /roles\[0\]\.sector/);
    assert.match(err.message, /"GOVT"/);
    assert.equal(err.line, line);
    assert.match(err.message, new RegExp(`line ${line}, column \\d+`));
  });

  it("names the file and the line of a JSON syntax error", () => {
    const data = copyData("bad-json");
    const file = join(data, LEXICON_FILES.people);
    // line 5 lacks the comma between two properties
    writeFileSync(file, '{\n  "version": 1,\n  "description": "x",\n  "people": [\n    {"name": "A B" "country": "USA", "sector": "GOV"}\n  ]\n}\n');
    const err = lexiconErrorOf(() => loadLexicon(data));
    assert.match(err.message, /people\.json/);
    assert.match(err.message, /invalid JSON at line 5\b/);
    assert.equal(err.line, 5);
  });

  it("rejects a duplicate person", () => {
    const data = copyData("dup-person");
    const file = join(data, LEXICON_FILES.people);
    const f = JSON.parse(readFileSync(file, "utf8")) as { people: PersonEntry[] };
    f.people.push({ ...f.people[0] });
    writeFileSync(file, JSON.stringify(f, null, 2));
    const err = lexiconErrorOf(() => loadLexicon(data));
    assert.match(err.message, /people\.json/);
    assert.equal(err.jsonPath, `people[${f.people.length - 1}].name`);
    assert.match(err.message, /duplicate person/);
  });

  it("loadUserActors names the file and the path of a bad country", () => {
    const file = join(dir, "my-actors.json");
    writeFileSync(file, '{\n  "actors": [\n    {"names": ["Acme Corp"], "country": "XYZ", "sector": "BUS"}\n  ]\n}\n');
    const err = lexiconErrorOf(() => loadUserActors(file));
    assert.match(err.message, /my-actors\.json/);
    assert.equal(err.jsonPath, "actors[0].country");
    assert.match(err.message, /actors\[0\]\.country/);
    assert.equal(err.line, 3);
  });

  it("loadUserActors accepts a good file", () => {
    const file = join(dir, "good-actors.json");
    writeFileSync(file, JSON.stringify([{ names: ["Acme Corp"], country: "USA", sector: "BUS" }]));
    assert.deepEqual(loadUserActors(file), [{ names: ["Acme Corp"], country: "USA", sector: "BUS" }]);
  });
});
