// Part of `npm run bench`: dyad's tagger and parser on one core, beside
// wink-nlp's own tokenising + sentence splitting + tagging over the same text
// in the same run, and the process's peak RSS with the model loaded.
// Sentences come from EWT dev when ../shared is there, else the bundled examples.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import winkNLP from "wink-nlp";
import wmodel from "wink-eng-lite-web-model";
import { readConllu } from "../parse/conllu.js";
import { getModel, parseWords } from "../parse/index.js";
import { encode } from "../parse/tagger.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dev = join(root, "..", "shared", "treebanks", "en_ewt", "dev.conllu");

let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };

/**
 * Runs `fn` over the sentences repeatedly for at least `ms`; prints tokens per
 * second of wall time and of this thread's CPU time (the two differ when other
 * work shares the cores).
 */
function rate(label: string, tokens: number, ms: number, fn: () => void): number {
  fn(); // warm-up (JIT)
  let n = 0, reps = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  while (performance.now() - t0 < ms) { fn(); n += tokens; reps++; sample(); }
  const wall = n / ((performance.now() - t0) / 1000);
  const c = process.cpuUsage(c0);
  const cpu = n / ((c.user + c.system) / 1e6);
  const f = (x: number) => Math.round(x).toLocaleString("en-US").padStart(10);
  console.log(`  ${label.padEnd(40)} ${f(wall)} tokens/s wall  ${f(cpu)} tokens/s CPU  (${reps} passes)`);
  return wall;
}

function main(): void {
  let sents: string[][];
  let texts: string[];
  if (existsSync(dev)) {
    const gold = readConllu(readFileSync(dev, "utf8"), dev);
    sents = gold.map((g) => g.words);
    texts = gold.map((g) => g.text ?? g.words.join(" "));
  } else {
    const nlp0 = winkNLP(wmodel, ["sbd"]);
    texts = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "examples", f), "utf8"));
    sents = texts.flatMap((t) => (nlp0.readDoc(t).sentences().out() as string[]).map((s) => nlp0.readDoc(s).tokens().out() as string[]));
  }
  const tokens = sents.reduce((a, s) => a + s.length, 0);
  const text = texts.join("\n");
  console.log(`parser benchmark: ${sents.length} sentences, ${tokens} tokens, one core`);
  const t0 = performance.now();
  const model = getModel();
  console.log(`  model load ${(performance.now() - t0).toFixed(0)} ms`);
  sample();

  const nlp = winkNLP(wmodel, ["sbd", "pos"]);
  const its = nlp.its;
  const winkTokens = (nlp.readDoc(text).tokens().out() as string[]).length;
  rate("wink-nlp (tokens, sentences, POS)", winkTokens, 3000, () => { const d = nlp.readDoc(text); d.tokens().out(its.pos); });

  // Parser alone: inputs encoded and tagged beforehand.
  const enc = sents.map((s) => encode(s));
  const tags = enc.map((e) => model.tagger.tag(e));
  const heads = new Int32Array(1024), labs = new Int32Array(1024);
  rate("dyad parser alone (tags given)", tokens, 3000, () => {
    for (let i = 0; i < enc.length; i++) model.parser.parse(enc[i].lower, tags[i], enc[i].n, heads, labs);
  });
  rate("dyad tagger alone", tokens, 3000, () => { for (const e of enc) model.tagger.tag(e); });
  rate("dyad words → tags + tree (parseWords)", tokens, 3000, () => { for (const s of sents) parseWords(s, model); });
  sample();
  console.log(`  peak RSS ${(peak / 1e6).toFixed(0)} MB (model, wink-nlp and sample loaded)`);
}
main();
