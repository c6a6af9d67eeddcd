import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { analyse } from "../stages/analyse/analyse.js";
import { loadCameoVerbs, loadUserVerbs, petrarchPatterns } from "../stages/events/patterns.js";
import { createCoder } from "../pipeline/coder.js";
import { cameoType, PetrCoder } from "./petrarch-dict-code.js";
import {
  expandSynset, isPetrarchActors, isPetrarchAgents, isPetrarchVerbs, parsePetrActors, parsePetrAgents, parsePetrVerbs,
  PetrDictError, petrVerbForms,
} from "./petrarch-dict.js";
import { loadUserActors } from "./user-actors.js";

// A small verb dictionary in PETRARCH/TABARI format, written for these tests.
const VERBS = [
  "# made-up verbs for the tests",
  "&TIEKIND",
  "+TRADE",
  "+MILITARY",
  "",
  "&TIES  # a synset holding another",
  "+&TIEKIND_TIES",
  "+RELATIONS",
  "",
  "--- RESTORE [---] ---",
  "RESTORE",
  "RENEW  [064]",
  "- * &TIES [064]  # restore trade ties",
  "- * FULL_&TIES (WITH +) [0641]",
  "",
  "--- POSTPONE [---] ---",
  "POSTPONE",
  "- % HAVE * [191]",
  "",
  "--- ARRIVE [032:033] ---",
  "ARRIVE",
  "+BREAK_OFF {+BROKE_OFF +BREAKING_OFF +BREAKS_OFF}  [161]",
  "",
  "--- OPPOSE [112] ---",
  "OPPOSE",
  "- SAID * [110]",
].join("\n");

const ACTORS = [
  "FREEDONIA_ [FRD]",
  "+FREEDONIAN",
  "SYLVANIA [SYL]",
  "KLOPSTOKIA [KLO]",
  "RUFUS_FIREFLY [FRD]",
  "\t[FRDGOV 19330101-19331231]",
].join("\n");

const AGENTS = ["MINISTER [~GOV]", "REBEL [~REB]"].join("\n");

const dict = () => ({ verbs: parsePetrVerbs(VERBS, "v.txt"), actors: parsePetrActors(ACTORS, "a.txt"), agents: parsePetrAgents(AGENTS, "g.txt") });

function code(text: string, date = "2024-03-01") {
  const doc = analyse({ id: "t", date, text });
  const coder = new PetrCoder(dict());
  return doc.sentences.flatMap((s) => coder.codeSentence(doc.tokens, s.tokStart, s.tokEnd, date)).map((e) => `${e.sourceCode}>${e.targetCode}:${e.code}`);
}

describe("PETRARCH verb dictionaries", () => {
  it("reads synsets (nested too), blocks, verbs with forms and codes, and patterns with their markers", () => {
    const d = parsePetrVerbs(VERBS, "v.txt");
    assert.deepEqual([...d.synsets.keys()], ["&TIEKIND", "&TIES"]);
    assert.deepEqual(expandSynset(d, "&TIES"), [["TRADE", "TIES"], ["MILITARY", "TIES"], ["RELATIONS"]]);
    assert.deepEqual(d.blocks.map((b) => [b.name, b.code, b.verbs.length, b.patterns.length]), [
      ["RESTORE", null, 2, 2], ["POSTPONE", null, 1, 1], ["ARRIVE", "032", 2, 0], ["OPPOSE", "112", 1, 1],
    ]);
    const [restore, renew] = d.blocks[0].verbs;
    assert.deepEqual([restore.words, restore.code], [["RESTORE"], undefined]);
    assert.deepEqual([renew.words, renew.code], [["RENEW"], "064"]);
    const breakOff = d.blocks[2].verbs[1];
    assert.deepEqual([breakOff.words, breakOff.head, breakOff.forms, breakOff.code], [["BREAK", "OFF"], 0, [["BROKE", "OFF"], ["BREAKING", "OFF"], ["BREAKS", "OFF"]], "161"]);
    const full = d.blocks[0].patterns[1];
    assert.deepEqual(full.post, [
      { kind: "word", word: "FULL", joined: false }, { kind: "syn", name: "&TIES", joined: true },
      { kind: "word", word: "WITH", joined: false }, { kind: "target", joined: false },
    ]);
    assert.deepEqual([full.code, full.reverse, full.line], ["0641", null, 14]);
    assert.deepEqual([d.blocks[2].code, d.blocks[2].reverse], ["032", "033"]);
    assert.deepEqual(d.blocks[1].patterns[0].pre, [{ kind: "compound", joined: false }, { kind: "word", word: "HAVE", joined: false }]);
    assert.deepEqual(parsePetrVerbs("--- MEET [031:032] ---\nMEET\n- * WITH + [:033]").blocks[0].patterns[0].reverse, "033");
  });

  it("makes PETRARCH's regular verb forms", () => {
    assert.deepEqual(petrVerbForms("DEPART"), ["DEPART", "DEPARTS", "DEPARTED", "DEPARTING"]);
    assert.deepEqual(petrVerbForms("CRITICIZE"), ["CRITICIZE", "CRITICIZES", "CRITICIZED", "CRITICIZING"]);
    assert.deepEqual(petrVerbForms("DENY"), ["DENY", "DENIES", "DENIED", "DENYING"]);
    assert.deepEqual(petrVerbForms("STOP"), ["STOP", "STOPS", "STOPED", "STOPING", "STOPPED", "STOPPING"]);
  });

  it("names the file, the line and the problem", () => {
    const bad = (text: string) => assert.throws(() => parsePetrVerbs(text, "mine.txt"), (e: unknown) => e instanceof PetrDictError && (assert.equal(e.message, msg), true));
    let msg = 'mine.txt:3: a pattern without a code: "- * AID" (expected - WORDS * WORDS [code])';
    bad("--- SEND [---] ---\nSEND\n- * AID");
    msg = 'mine.txt:2: a pattern without * for the verb: "- AID [073]"';
    bad("--- SEND [---] ---\n- AID [073]");
    msg = 'mine.txt:3: bad code "07?" (expected digits such as 042 or 1721, or --- for no event)';
    bad("--- SEND [---] ---\nSEND\n- * AID [07?]");
    msg = 'mine.txt:1: "SEND" stands outside any verb block (expected --- VERB [code] --- first)';
    bad("SEND\n--- SEND [---] ---");
    msg = "mine.txt:3: unknown synset &FOOD (define it as &NAME with +WORD lines)";
    bad("--- SEND [---] ---\nSEND\n- * &FOOD [073]");
    // with onProblem, the bad entry is reported and skipped
    const seen: string[] = [];
    const d = parsePetrVerbs("--- SEND [---] ---\nSEND\n- * AID [07?]\n- * AID [073]", "mine.txt", { onProblem: (e) => seen.push(`${e.line}: ${e.problem}`) });
    assert.deepEqual(seen, ['3: bad code "07?" (expected digits such as 042 or 1721, or --- for no event)']);
    assert.equal(d.blocks[0].patterns.length, 1);
  });

  it("tells the formats apart by content", () => {
    assert.equal(isPetrarchVerbs(VERBS), true);
    assert.equal(isPetrarchVerbs('{ "version": 1, "patterns": [] }'), false);
    assert.equal(isPetrarchActors(ACTORS), true);
    assert.equal(isPetrarchActors('[{"names":["Acme"]}]'), false);
    assert.equal(isPetrarchAgents(AGENTS), true);
    assert.equal(isPetrarchAgents(ACTORS), false);
  });
});

describe("PETRARCH actor dictionaries", () => {
  it("reads names joined by _, synonyms, codes and dated roles", () => {
    const a = parsePetrActors(ACTORS + "\nCHICOLINI [FRD >19330601]", "a.txt");
    assert.deepEqual(a.map((x) => [x.names, x.codes]), [
      [["FREEDONIA", "FREEDONIAN"], [{ code: "FRD" }]],
      [["SYLVANIA"], [{ code: "SYL" }]],
      [["KLOPSTOKIA"], [{ code: "KLO" }]],
      [["RUFUS FIREFLY"], [{ code: "FRD" }, { code: "FRDGOV", from: "19330101", to: "19331231" }]],
      [["CHICOLINI"], [{ code: "FRD", from: "19330601" }]],
    ]);
  });

  it("names the file, the line and the problem", () => {
    assert.throws(() => parsePetrActors("FREEDONIA [FRD 3301-]", "a.txt"), { message: 'a.txt:1: bad date restriction "[FRD 3301-]" (expected [CODE], [CODE >DATE], [CODE <DATE] or [CODE DATE-DATE])' });
    assert.throws(() => parsePetrActors("+FREEDONIAN\nFREEDONIA [FRD]", "a.txt"), { message: "a.txt:1: a synonym (+NAME) before any actor" });
    assert.throws(() => parsePetrActors("X [FRD >1933]", "a.txt"), { message: 'a.txt:1: bad date "1933" (expected YYMMDD or YYYYMMDD)' });
    assert.throws(() => parsePetrAgents("MINISTER [GOV]", "g.txt"), { message: 'g.txt:1: agent code "[GOV]" has no ~ (expected [~CODE] or [CODE~])' });
  });

  it("turns a PETRARCH actor file into dyad user actors: country and sector from the code, unknown codes left out", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-petr-"));
    const file = join(dir, "actors.txt");
    writeFileSync(file, ["FREEDONIA_GOVERNMENT [USAGOV]", "+FREEDONIAN_CABINET", "SYLVANIA [ZZZ]", "ACME_RELIEF [IGOUNO]", "KLOPSTOKIAN_REBELS [FRAREB]"].join("\n"));
    assert.deepEqual(loadUserActors(file), [
      { names: ["Freedonia Government", "Freedonian Cabinet"], country: "USA", sector: "GOV" },
      { names: ["Acme Relief"], country: "IGO", sector: "IGO" },
      { names: ["Klopstokian Rebels"], country: "FRA", sector: "REB" },
    ]);
    writeFileSync(file, "FREEDONIA [USA <1933]x");
    assert.throws(() => loadUserActors(file), /actors\.txt:1: cannot read "FREEDONIA \[USA <1933\]x"/);
  });
});

describe("dictionary coding", () => {
  it("codes the verb's block, the first pattern that matches, and synsets", () => {
    assert.deepEqual(code("Freedonia restored trade ties with Sylvania."), ["FRD>SYL:064"]);
    assert.deepEqual(code("Freedonia will restore full military ties with Sylvania."), ["FRD>SYL:0641"]);
    // the verb alone has the null code: no event
    assert.deepEqual(code("Freedonia restored its border with Sylvania."), []);
    assert.deepEqual(code("Freedonia renewed its border with Sylvania."), ["FRD>SYL:064"]);
  });

  it("codes a reverse event after ':', multi-word verbs, compounds and passives", () => {
    assert.deepEqual(code("The Freedonian minister arrived in Sylvania on Monday."), ["FRDGOV>SYL:032", "SYL>FRDGOV:033"]);
    assert.deepEqual(code("Freedonia broke off relations with Klopstokia."), ["FRD>KLO:161"]);
    assert.deepEqual(code("Freedonia and Sylvania have postponed the talks."), ["FRD>SYL:191", "SYL>FRD:191"]);
    assert.deepEqual(code("Freedonia and Klopstokia opposed Sylvania."), ["FRD>SYL:112", "KLO>SYL:112"]);
    assert.deepEqual(code("Sylvania was opposed by Klopstokia."), ["KLO>SYL:112"]);
    // an actor acting on itself is no dyad
    assert.deepEqual(code("Freedonia opposed the Freedonian plan."), []);
  });

  it("gives a dated role its code on the day", () => {
    assert.deepEqual(code("Rufus Firefly opposed Sylvania.", "1933-06-01"), ["FRDGOV>SYL:112"]);
    assert.deepEqual(code("Rufus Firefly opposed Sylvania.", "1935-06-01"), ["FRD>SYL:112"]);
  });

  it("types codes by CAMEO root", () => {
    assert.deepEqual(["0641", "032", "173", "0874", "010", "2121"].map(cameoType), ["COOPERATE", "AGREE", "COERCE", "RETREAT", undefined, "COERCE"]);
  });
});

describe("PETRARCH verbs as dyad patterns", () => {
  it("reads particles, object nouns, synsets and the target's preposition; leaves context patterns out", () => {
    const d = parsePetrVerbs(VERBS + "\n--- SEND [---] ---\nSEND\n- * &TIEKIND (TO +) [073]\n- * BACK [0874]\n- * + (INTO EXILE) [174]\n", "v.txt");
    assert.deepEqual(petrarchPatterns(d).map((p) => [p.id, p.type, p.cameo, p.verbs, p.objects, p.target]), [
      ["petr-restore-10-064", "COOPERATE", "064", ["renew"], undefined, ["obj", "with", "against", "to", "on", "for", "from"]],
      ["petr-restore-13", "COOPERATE", "064", ["restore", "renew"], ["trade ties", "military ties", "relations"], ["obj", "with", "against", "to", "on", "for", "from"]],
      ["petr-restore-14", "COOPERATE", "0641", ["restore", "renew"], ["full trade ties", "full military ties", "full relations"], ["with"]],
      ["petr-arrive-20-032", "AGREE", "032", ["arrive"], undefined, ["obj", "with", "against", "to", "on", "for", "from"]],
      ["petr-arrive-20-161", "SANCTION", "161", ["break off"], undefined, ["obj", "with", "against", "to", "on", "for", "from"]],
      ["petr-oppose-24-112", "ACCUSE", "112", ["oppose"], undefined, ["obj", "with", "against", "to", "on", "for", "from"]],
      // (a pattern that goes on after its target, "* + (INTO EXILE)", has no reading in dyad's shape)
      ["petr-send-29", "AID", "073", ["send"], ["trade", "military"], ["to"]],
      ["petr-send-30", "RETREAT", "0874", ["send back"], undefined, ["obj", "with", "against", "to", "on", "for", "from"]],
    ]);
  });

  it("loads a user's verb file in either format and reports bad entries with file and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-verbs-"));
    const petr = join(dir, "verbs.txt"), json = join(dir, "verbs.json");
    writeFileSync(petr, VERBS);
    writeFileSync(json, JSON.stringify({ version: 1, description: "mine", patterns: [{ id: "x", type: "AID", cameo: "073", verbs: ["ship"], target: ["to"] }] }));
    assert.equal(loadUserVerbs(petr).petrarch?.blocks.length, 4);
    assert.deepEqual(loadUserVerbs(json), { patterns: [{ id: "x", type: "AID", cameo: "073", verbs: ["ship"], target: ["to"] }] });
    writeFileSync(petr, "--- SHIP [---] ---\nSHIP\n- * AID [0.7]");
    assert.throws(() => loadUserVerbs(petr), { message: `${petr}:3: bad code "0.7" (expected digits such as 042 or 1721, or --- for no event)` });
    writeFileSync(json, JSON.stringify({ version: 1, description: "mine", patterns: [{ id: "x", type: "HELP", cameo: "073", verbs: ["ship"], target: ["to"] }] }));
    assert.throws(() => loadUserVerbs(json), /verbs\.json: patterns\.0\.type: /);
  });

  it("takes only the imported patterns the file's 'use' lets through", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-cameo-"));
    const file = join(dir, "cameo-verbs.json");
    const p = (id: string, type: string, more: object = {}) => ({ id, type, cameo: type === "AID" ? "073" : "112", verbs: ["send"], target: ["obj"], ...more });
    const patterns = [p("cameo-send-1", "AID", { objects: ["food"] }), p("cameo-send-2", "AID"), p("cameo-send-3", "ACCUSE", { objects: ["note"] }), p("cameo-ship-4", "AID", { objects: ["aid"] })];
    const write = (use: object) => writeFileSync(file, JSON.stringify({ version: 1, description: "d", source: "s", notice: "MIT", use, patterns }));
    write({ types: ["AID"], requireObject: true, deny: ["cameo-ship-"] });
    assert.deepEqual(loadCameoVerbs(file).map((x) => x.id), ["cameo-send-1"]);
    write({ types: ["AID", "ACCUSE"], requireObject: false, deny: ["cameo-send-1"], allow: ["cameo-ship-4"] });
    assert.deepEqual(loadCameoVerbs(file).map((x) => x.id), ["cameo-send-2", "cameo-send-3", "cameo-ship-4"]);
    write({ types: ["AID"], requireObject: true });
    assert.throws(() => loadCameoVerbs(file), /cameo-verbs\.json: use\.deny: /);
  });

  it("ships data/cameo-verbs.json with its licence notice and a measured subset in use", () => {
    const file = fileURLToPath(new URL("../../data/cameo-verbs.json", import.meta.url));
    const f = JSON.parse(readFileSync(file, "utf8")) as { notice: string; patterns: { id: string }[]; use: { types: string[] } };
    assert.match(f.notice, /^The MIT License \(MIT\)\n\nCopyright \(c\) 2015 Open Event Data Alliance/);
    assert.match(f.notice, /OTHER DEALINGS IN THE SOFTWARE\.$/);
    const used = loadCameoVerbs(file);
    assert.ok(used.length > 1000 && used.length < f.patterns.length, `${used.length} of ${f.patterns.length}`);
    assert.ok(used.every((p) => p.id.startsWith("cameo-") && f.use.types.includes(p.type) && (p.objects || p.verbs!.every((v) => v.includes(" ")))));
  });

  it("codes with a user's PETRARCH dictionaries through the coder, dictionary first", () => {
    const dir = mkdtempSync(join(tmpdir(), "dyad-petr-coder-"));
    writeFileSync(join(dir, "verbs.txt"), VERBS);
    writeFileSync(join(dir, "actors.txt"), "FREEDONIA_ [USA]\nSYLVANIA [FRA]\n");
    writeFileSync(join(dir, "agents.txt"), AGENTS);
    const coder = createCoder({ verbsFile: join(dir, "verbs.txt"), actorsFile: [join(dir, "actors.txt"), join(dir, "agents.txt")] });
    const evs = coder.code({ id: "a", date: "2024-03-01", text: "Freedonia restored trade ties with Sylvania on Friday." });
    assert.deepEqual(evs.map((e) => [e.source.country, e.type, e.cameo, e.target.country]), [["USA", "COOPERATE", "064", "FRA"]]);
  });
});
