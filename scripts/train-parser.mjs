// `npm run train:parser`: trains dyad's tagger and dependency parser on UD
// English-EWT (train) and GUM (news and CC-BY genres) and writes
// data/parser/model.bin.gz. Run after `tsc` (the npm script does both).
// Options: --seed N, --epochs N (parser), --out FILE, --limit N (sentences, for quick trials),
// --eval GOLD.conllu (score the written model), --curve GOLD.conllu (score after every epoch).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readConllu } from "../dist/parse/conllu.js";
import { serializeModel } from "../dist/parse/model.js";
import { trainModel } from "../dist/parse/train.js";
import { evaluate } from "../dist/parse/evaluate.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, epochs: { type: "string" }, out: { type: "string" }, limit: { type: "string" }, eval: { type: "string" }, curve: { type: "string" } } });
const sources = [join(root, "../shared/treebanks/en_ewt/train.conllu"), join(root, "../shared/treebanks/en_gum/news-and-cc-by.conllu")];
let sents = sources.flatMap((f) => readConllu(readFileSync(f, "utf8"), f));
if (values.limit) sents = sents.slice(0, Number(values.limit));
const t0 = performance.now();
const opts = { seed: Number(values.seed), log: (m) => process.stderr.write(`train:parser: ${m}\n`) };
if (values.epochs) opts.parseEpochs = Number(values.epochs);
if (values.curve) {
  // Learning curve: dev scores after each epoch (slower; for choosing the epoch count).
  const gold = readConllu(readFileSync(values.curve, "utf8"), values.curve);
  opts.onEpoch = (ep, m) => { const r = evaluate(gold, m); opts.log(`  epoch ${ep}: UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)} UPOS ${r.upos.toFixed(4)}`); };
}
const model = trainModel(sents, opts);
const bytes = serializeModel(model);
const secs = (performance.now() - t0) / 1000;
const out = values.out ?? join(root, "data/parser/model.bin.gz");
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
const sha = createHash("sha256").update(bytes).digest("hex");
process.stderr.write(`train:parser: ${sents.length} sentences in ${secs.toFixed(0)} s; wrote ${out} (${(bytes.length / 1e6).toFixed(1)} MB, sha256 ${sha.slice(0, 16)})\n`);
if (values.eval) {
  const { deserializeModel } = await import("../dist/parse/model.js");
  const m = deserializeModel(bytes, out);
  const gold = readConllu(readFileSync(values.eval, "utf8"), values.eval);
  const r = evaluate(gold, m);
  process.stderr.write(`eval ${values.eval}: UPOS ${r.upos.toFixed(4)} UAS ${r.uas.toFixed(4)} LAS ${r.las.toFixed(4)} (${r.tokens} tokens, ${Math.round(r.tokensPerSec)} tok/s)\n`);
}
