// The tagger and parser on sentences written for these tests, the model
// file's error messages, and training determinism on a small slice.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { readConllu, writeConllu } from "./conllu.js";
import { DEFAULT_MODEL_PATH, ModelLoadError, deserializeModel, getModel, loadModelFile, parseWords, serializeModel } from "./index.js";
import { trainModel } from "./train.js";
import { analyse } from "../stages/analyse/analyse.js";

/** Parses a space-separated sentence; returns "dep(head-word)" per word, keyed by word. */
function arcs(sentence: string): Map<string, string> {
  const words = sentence.split(" ");
  const p = parseWords(words);
  const m = new Map<string, string>();
  words.forEach((w, i) => { m.set(w, `${p.deps[i]}(${p.heads[i] < 0 ? "ROOT" : words[p.heads[i]]})`); });
  return m;
}

describe("parser on written sentences", () => {
  it("passive with a by-agent", () => {
    const a = arcs("The embassy was attacked by protesters on Monday .");
    assert.equal(a.get("embassy"), "nsubj:pass(attacked)");
    assert.equal(a.get("was"), "aux:pass(attacked)");
    assert.equal(a.get("protesters"), "obl:agent(attacked)");
    assert.equal(a.get("by"), "case(protesters)");
    assert.equal(a.get("attacked"), "root(ROOT)");
  });

  it("coordinated subjects", () => {
    const a = arcs("Russia and China vetoed the resolution .");
    assert.equal(a.get("Russia"), "nsubj(vetoed)");
    assert.equal(a.get("China"), "conj(Russia)");
    assert.equal(a.get("and"), "cc(China)");
    assert.equal(a.get("resolution"), "obj(vetoed)");
  });

  it("coordinated objects", () => {
    const a = arcs("Police arrested journalists and activists in the capital .");
    assert.equal(a.get("journalists"), "obj(arrested)");
    assert.equal(a.get("activists"), "conj(journalists)");
    assert.equal(a.get("Police"), "nsubj(arrested)");
  });

  it("apposition", () => {
    const a = arcs("Sergei Lavrov , the Russian foreign minister , met Antony Blinken in Geneva .");
    assert.equal(a.get("minister"), "appos(Sergei)");
    assert.equal(a.get("Sergei"), "nsubj(met)");
    assert.equal(a.get("Lavrov"), "flat(Sergei)");
    // A two-word name is one unit (flat or compound); its head is the object.
    assert.ok([a.get("Antony"), a.get("Blinken")].includes("obj(met)"));
  });

  it("relative clause", () => {
    const a = arcs("The soldiers who killed the villagers were arrested .");
    assert.equal(a.get("killed"), "acl:relcl(soldiers)");
    assert.equal(a.get("who"), "nsubj(killed)");
    assert.equal(a.get("villagers"), "obj(killed)");
    assert.equal(a.get("soldiers"), "nsubj:pass(arrested)");
  });

  it("event nouns with of / by / with", () => {
    let a = arcs("The attack on the convoy by militants killed three soldiers .");
    assert.equal(a.get("attack"), "nsubj(killed)");
    assert.equal(a.get("convoy"), "nmod(attack)");
    assert.match(a.get("militants")!, /^nmod(:agent)?\(attack\)$/);
    a = arcs("The government condemned the killing of two journalists by soldiers .");
    assert.equal(a.get("journalists"), "nmod(killing)");
    assert.match(a.get("soldiers")!, /^nmod(:agent)?\(killing\)$/);
    a = arcs("Rights groups condemned the arrest of the opposition leader .");
    assert.equal(a.get("arrest"), "obj(condemned)");
    assert.equal(a.get("leader"), "nmod(arrest)");
    a = arcs("Iran welcomed the talks with the United States .");
    assert.equal(a.get("talks"), "obj(welcomed)");
    assert.equal(a.get("States"), "nmod(talks)");
  });

  it("tags with UD's UPOS", () => {
    const words = "The minister said that talks will resume on Friday .".split(" ");
    assert.deepEqual(parseWords(words).upos, ["DET", "NOUN", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]);
  });

  it("gives one root and a head inside the sentence for every word", () => {
    const p = parseWords("He said , however , that the deal , which was signed in May , would stand .".split(" "));
    assert.equal(p.heads.filter((h) => h < 0).length, 1);
    for (const h of p.heads) assert.ok(h >= -1 && h < p.heads.length);
  });
});

describe("parse on the analysed document", () => {
  it("fills upos, head (absolute token index, -1 root) and dep on the tokens, keeping wink's pos", () => {
    const doc = analyse({ id: "t", date: "2024-01-01", text: "Talks resumed. The embassy was attacked by protesters." });
    assert.equal(doc.sentences.length, 2);
    const s = doc.sentences[1];
    const tok = (w: string) => doc.tokens.find((t) => t.text === w && t.sent === 1)!;
    assert.equal(tok("embassy").head, tok("attacked").i);
    assert.equal(tok("embassy").dep, "nsubj:pass");
    assert.equal(tok("attacked").head, -1);
    assert.equal(tok("attacked").dep, "root");
    assert.equal(tok("protesters").dep, "obl:agent");
    assert.ok(tok("attacked").pos.length > 0);
    for (let k = s.tokStart; k < s.tokEnd; k++) {
      const h = doc.tokens[k].head!;
      assert.ok(h === -1 || (h >= s.tokStart && h < s.tokEnd), "heads stay within the sentence");
    }
  });
});

describe("datelines", () => {
  it("parses a dateline apart from the clause and hangs it from the clause's root", () => {
    const doc = analyse({ id: "t", date: "2024-01-01", text: "BRUSSELS: The European Union imposed sanctions on Russia." });
    const tok = (w: string) => doc.tokens.find((t) => t.text === w)!;
    assert.equal(tok("imposed").head, -1);
    assert.equal(tok("Union").dep, "nsubj");
    assert.equal(tok("Union").head, tok("imposed").i);
    assert.equal(tok("sanctions").dep, "obj");
    assert.equal(tok("BRUSSELS").head, tok("imposed").i);
    assert.equal(tok("BRUSSELS").dep, "dep");
  });
});

describe("model loading errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "dyad-parse-"));
  it("names a missing file", () => {
    const p = join(dir, "nope.bin.gz");
    assert.throws(() => loadModelFile(p), (e: unknown) => e instanceof ModelLoadError && e.message.includes(p) && /not found/.test(e.message));
  });
  it("names a file that is not gzip", () => {
    const p = join(dir, "junk.bin.gz");
    writeFileSync(p, "this is not a model");
    assert.throws(() => loadModelFile(p), (e: unknown) => e instanceof ModelLoadError && e.message.includes(p) && /gzip/.test(e.message));
  });
  it("names a gzip file that is not a model", () => {
    const p = join(dir, "other.bin.gz");
    writeFileSync(p, gzipSync(Buffer.from("hello world, some other gzip file")));
    assert.throws(() => loadModelFile(p), (e: unknown) => e instanceof ModelLoadError && e.message.includes(p) && /bad magic/.test(e.message));
  });
  it("names a truncated model", () => {
    const p = join(dir, "cut.bin.gz");
    const whole = readFileSync(DEFAULT_MODEL_PATH);
    const raw = gunzipSync(whole);
    writeFileSync(p, gzipSync(raw.subarray(0, Math.floor(raw.length / 2))));
    assert.throws(() => loadModelFile(p), (e: unknown) => e instanceof ModelLoadError && e.message.includes(p) && /truncated/.test(e.message));
  });
  it("the committed model loads", () => { assert.ok(getModel().parser.labels.includes("nsubj:pass")); });
});

describe("training", () => {
  const ewt = new URL("../../../shared/treebanks/en_ewt/train.conllu", import.meta.url);
  it("is deterministic: same seed, same model bytes", { skip: !existsSync(ewt) && "no treebank in ../shared" }, () => {
    // A small slice and small tables keep this quick.
    const text = readFileSync(ewt, "utf8").split("\n\n").slice(0, 150).join("\n\n") + "\n\n";
    const sents = readConllu(text);
    const opts = { seed: 7, tagEpochs: 2, parseEpochs: 2, folds: 2, taggerLog2: 14, transLog2: 15, labelLog2: 14 };
    const hash = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    const a = serializeModel(trainModel(sents, opts));
    const b = serializeModel(trainModel(sents, opts));
    assert.equal(hash(a), hash(b));
    const c = serializeModel(trainModel(sents, { ...opts, seed: 8 }));
    assert.notEqual(hash(a), hash(c));
    // …and the bytes load back into a working parser.
    const m = deserializeModel(a, "<memory>");
    assert.equal(parseWords(sents[0].words, m).heads.length, sents[0].words.length);
  });
});

describe("CoNLL-U", () => {
  it("skips multiword tokens and empty nodes, keeps subtypes, 0-based heads", () => {
    const s = readConllu("# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\t_\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\t_\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\t_\t_\t0\troot\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n");
    assert.equal(s.length, 1);
    assert.deepEqual(s[0].words, ["Do", "n't", "go", "."]);
    assert.deepEqual(s[0].heads, [2, 2, -1, 2]);
    assert.equal(readConllu(writeConllu(s[0]))[0].deps.join(), s[0].deps.join());
  });
});
