import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { CodedEvent } from "../doc/types.js";
import { loadUserActors, withSuiteActorCodes } from "../lexicon/user-actors.js";
import {
  parsePetrActors, parsePetrAgents, petrCodeOn, petrRoot, petrSector, petrUserActors, prefixAgentsOf,
  readPetrarchSuite, scorePetrarch, type PetrRecord,
} from "./petrarch.js";
import { runSuite } from "./run-suite.js";

const peer = fileURLToPath(new URL("../../../shared/peer-suites/", import.meta.url));
const suiteDir = peer + "petrarch2";
const absent = !existsSync(suiteDir) && "../shared/peer-suites not present";

const ev = (type: string, source: string, target: string, cameo: string, sector = "GOV") =>
  ({ type, cameo, source: { country: source, sector }, target: { country: target, sector: "GOV" } }) as unknown as CodedEvent;

const rec = (id: string, section: string, expected: string[], more: Partial<PetrRecord> = {}): PetrRecord => ({
  seq: 0, id, date: "1995-01-01", section, valid: true, text: "", noevents: false, error: null,
  expected: expected.map((e) => { const [st, code] = e.split(":"); const [source, target] = st.split(">"); return { source, target, code }; }),
  ...more,
});

describe("petrarch2 suite: dictionaries", () => {
  it("reads PETRARCH actor entries: synonyms, comments, code blocks and date restrictions", () => {
    const text = [
      "<!-- a comment",
      "over two lines [XXX] -->",
      "ARNOR_  [ARN]  # the first",
      "GONDOR [GON]",
      "+MINAS_TIRITH",
      "#NASGUL  [###]",
      "<! -- another -->",
      "GOLLUM  # no code here",
      "+SMEAGOL",
      "\t[HOB < 950601]",
      "\t[HOBGOV 19950601 - 19990815]",
      "\t[HOBREB > 990816]",
      "LORIEN  [ELR/GAL]",
    ].join("\n");
    const actors = parsePetrActors(text);
    assert.deepEqual(actors.map((a) => a.names), [["ARNOR"], ["GONDOR", "MINAS TIRITH"], ["GOLLUM", "SMEAGOL"], ["LORIEN"]]);
    assert.deepEqual(actors[2].codes, [{ code: "HOB", to: "19950601" }, { code: "HOBGOV", from: "19950601", to: "19990815" }, { code: "HOBREB", from: "19990816" }]);
    assert.equal(petrCodeOn(actors[2], "1995-06-01"), "HOB"); // limits are inclusive; the first block that holds wins
    assert.equal(petrCodeOn(actors[2], "1999-08-15"), "HOBGOV");
    assert.equal(petrCodeOn(actors[2], "2001-01-01"), "HOBREB");
    assert.deepEqual(petrUserActors(actors, "2001-01-01").map((a) => [a.names, a.country, a.sector]), [
      [["Arnor"], "ARN", "GOV"], [["Gondor", "Minas Tirith"], "GON", "GOV"], [["Gollum", "Smeagol"], "HOBREB", "REB"], [["Lorien"], "ELR/GAL", "OTH"],
    ]);
  });

  it("reads PETRARCH agent entries: plurals, {} and substitution markers, prefixed codes", () => {
    const agents = parsePetrAgents(["!PERSON! = MAN, WOMAN", "AMBASSADOR [~GOV] # x", "POLICE {} [ ~COP]", "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]", "CONGRESS!PERSON! [~LEG]", "MSF {}  [NGO~]"].join("\n"));
    assert.deepEqual(agents, [
      { names: ["AMBASSADOR", "AMBASSADORS"], code: "GOV", prefix: false },
      { names: ["POLICE"], code: "COP", prefix: false },
      { names: ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"], code: "GOV", prefix: false },
      { names: ["CONGRESSMAN", "CONGRESSWOMAN"], code: "LEG", prefix: false },
      { names: ["MSF"], code: "NGO", prefix: true },
    ]);
    assert.deepEqual([...prefixAgentsOf(agents)], ["NGO"]);
  });

  it("compares actors on their root and reads an agent's sector where dyad has one", () => {
    assert.equal(petrRoot("ARNGOVFRM"), "ARN");
    assert.equal(petrRoot("NGOARNGOV"), "ARN");
    assert.equal(petrRoot("pse"), "PSE");
    assert.equal(petrRoot("---GOV"), "---");
    assert.equal(petrRoot('"INJURY TOLL"'), '"INJURY TOLL"');
    assert.equal(petrSector("ARNGOVFRM"), "GOV");
    assert.equal(petrSector("NGOARNGOV"), "NGO");
    assert.equal(petrSector("GONCOP"), "POL");
    assert.equal(petrSector("GONMOP"), undefined);
    assert.equal(petrSector("ARN"), undefined);
  });

  it("lets suite codes through only inside withSuiteActorCodes", () => {
    const file = join(mkdtempSync(join(tmpdir(), "dyad-petr-")), "actors.json");
    writeFileSync(file, JSON.stringify({ actors: [{ names: ["Arnor"], country: "ARN", sector: "GOV" }, { names: ["Lorien"], country: "ELR/GAL", sector: "OTH" }] }));
    assert.throws(() => loadUserActors(file), /actors\[0\]\.country/);
    assert.equal(withSuiteActorCodes(() => loadUserActors(file)).length, 2);
    assert.equal(loadUserActors(file, { suiteCodes: true }).length, 2);
    assert.throws(() => loadUserActors(file), /actors\[0\]\.country/, "strict again after the scope");
    writeFileSync(file, JSON.stringify([{ names: ["Arnor"], country: "arn gov", sector: "GOV" }]));
    assert.throws(() => withSuiteActorCodes(() => loadUserActors(file)), /country/);
  });
});

describe("petrarch2 suite: scoring", () => {
  it("scores root and full codes per expected event, no-event records apart, by section", () => {
    const records = [
      rec("r1", "A", ["ARNGOV>GON:064", "ARN>GON:0231"]),
      rec("r2", "A", ['NGOARN>"INJURY TOLL":223', "GON>OSG:190"]),
      rec("r3", "B", [], { noevents: true }),
      rec("r4", "B", [], { error: "storydiscard" }),
      rec("r5", "B", ["ARN>GON:064"], { valid: false }),
      rec("r6", "B", ["ELR>GON:041", "GAL>GON:041"]),
    ];
    const coded = [
      [ev("REQUEST", "ARN", "GON", "064"), ev("REQUEST", "ARN", "GON", "020", "MIL")],
      [ev("CONSULT", "OSG", "GON", "040")], // symmetric: both directions
      [],
      [ev("ACCUSE", "ARN", "GON", "111")],
      [ev("REQUEST", "ARN", "GON", "064")],
      [ev("SUPPORT", "ELR/GAL", "GON", "043")], // a compound code: one pair per code
    ];
    const s = scorePetrarch(records, coded, { cameoCodes: new Set(["064", "190", "041"]) });
    // an event a dictionary coded one way keeps its direction
    const oneWay = ev("CONSULT", "OSG", "GON", "040");
    assert.equal(scorePetrarch([rec("d", "A", ["OSG>GON:040"])], [[oneWay]], { directed: new Set([oneWay]) }).pred, 1);
    assert.equal(scorePetrarch([rec("d", "A", ["OSG>GON:040"])], [[oneWay]]).pred, 2);
    assert.equal(s.records, 5);
    assert.equal(s.disabled, 1);
    assert.deepEqual([s.gold, s.pred, s.rootTp, s.fullTp], [6, 6, 4, 1]);
    assert.equal(s.root.p.toFixed(3), "0.667");
    assert.equal(s.root.r.toFixed(3), "0.667");
    assert.equal(s.root.f1.toFixed(3), "0.667");
    assert.equal(s.full.f1.toFixed(3), "0.167");
    assert.deepEqual([s.rootComparable, s.fullComparable], [5, 4]);
    assert.equal(s.rootComparableRecall, 0.8);
    assert.equal(s.fullComparableRecall, 0.25);
    assert.deepEqual([s.noEvent, s.noEventRight, s.noEventFalse, s.noEventAccuracy], [2, 1, 1, 0.5]);
    assert.deepEqual([s.agentOf, s.agentRight], [1, 1]);
    assert.deepEqual(
      Object.fromEntries(Object.entries(s.perSection).map(([k, c]) => [k, [c.records, c.gold, c.pred, c.rootTp, c.fullTp, c.noEvent, c.noEventRight]])),
      { A: [2, 4, 4, 2, 1, 0, 0], B: [3, 2, 2, 2, 0, 2, 1] },
    );
  });
});

describe("petrarch2 suite: the real files", () => {
  it("reads validation.jsonl and the dictionaries", { skip: absent }, () => {
    const s = readPetrarchSuite(suiteDir);
    const enabled = s.records.filter((r) => r.valid);
    assert.equal(s.records.length, 284);
    assert.equal(enabled.length, 279);
    assert.equal(s.records.reduce((n, r) => n + r.expected.length, 0), 359);
    assert.equal(enabled.reduce((n, r) => n + r.expected.length, 0), 352);
    assert.equal(enabled.filter((r) => !r.expected.length).length, 27);
    assert.equal(s.records[0].date, "1995-01-01");
    assert.equal(s.cameoCodes.size, 311);
    const sam = s.actors.find((a) => a.names[0] === "SAM GAMGEE")!;
    assert.equal(petrCodeOn(sam, "2010-01-10"), "ORCHOB");
    assert.equal(petrCodeOn(sam, "2014-01-01"), "HOBELI");
    assert.ok(s.actors.some((a) => a.names.includes("MINAS TIRITH") && a.codes[0].code === "GON"));
    assert.ok(!s.actors.some((a) => a.names.includes("NASGUL")), "a commented-out entry was read");
    assert.deepEqual([...prefixAgentsOf(s.agents)], ["NGO"]);
    // the verbs, through the general reader; the file's three typos are skipped and listed
    assert.equal(s.verbs.blocks.length, 259);
    assert.deepEqual(s.problems.map((p) => p.split(":").slice(0, 2).join(":")), [
      "dictionaries/PETR.Validate.verbs.txt:975", "dictionaries/PETR.Validate.verbs.txt:992", "dictionaries/PETR.Validate.verbs.txt:1051",
    ]);
    // every actor as a user actor passes the suite-code check
    const file = join(mkdtempSync(join(tmpdir(), "dyad-petr-")), "actors.json");
    writeFileSync(file, JSON.stringify(petrUserActors(s.actors, "1995-01-01")));
    assert.equal(withSuiteActorCodes(() => loadUserActors(file)).length, s.actors.length);
  });

  it("codes and scores the whole suite", { skip: absent }, () => {
    const run = runSuite("petrarch2", suiteDir);
    const s = run.score as ReturnType<typeof scorePetrarch>;
    assert.deepEqual([s.records, s.disabled, s.gold, s.noEvent], [279, 5, 352, 27]);
    assert.ok(s.rootTp >= s.fullTp && s.rootTp <= s.gold);
    assert.match(run.text, /^suite petrarch2: 279 enabled records/);
    assert.match(run.text, /SYNSETS/);
    // coded with the suite's own dictionaries (issue 14 asks for 0.70)
    assert.ok(s.root.f1 >= 0.7, `root F1 ${s.root.f1}`);
  });
});
