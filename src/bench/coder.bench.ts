// `npm run bench`: throughput and peak memory of the whole coder over a
// stream of articles (the dev set cycled, or bundled examples when shared/ is
// absent), on all cores through worker threads. Prints figures; asserts nothing.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleInput } from "../doc/types.js";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { codeArticles } from "../pipeline/pool.js";
import { parseArticleText, parseJsonLine } from "../stages/ingest/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dev = join(root, "..", "shared", "eval", "dev.jsonl");

function sampleArticles(): ArticleInput[] {
  if (existsSync(dev)) {
    return readFileSync(dev, "utf8").split("\n").flatMap((l, i) => {
      const it = parseJsonLine(l, { file: dev, line: i + 1 });
      return it?.kind === "article" ? [it.article] : [];
    });
  }
  const dir = join(root, "examples");
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).flatMap((f) =>
    parseArticleText(readFileSync(join(dir, f), "utf8"), { file: f }, {}).flatMap((it) => (it.kind === "article" ? [it.article] : [])));
}

/** Streams `n` articles, cycling the sample with fresh ids (generated, never held all at once). */
async function* cycle(sample: ArticleInput[], n: number): AsyncGenerator<ArticleInput> {
  for (let i = 0; i < n; i++) {
    const a = sample[i % sample.length];
    yield { ...a, id: `${a.id}#${i}` };
  }
}

async function run(n: number, workers: number, sample: ArticleInput[]) {
  // peak resident memory of the whole process (worker threads included) during this run only
  let peak = 0;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 50);
  const t0 = performance.now();
  let events = 0, chars = 0;
  for await (const r of codeArticles(cycle(sample, n), { workers })) {
    if ("events" in r) events += r.events.length;
    chars += r.article.text.length;
  }
  const secs = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { n, workers, secs, perSec: n / secs, events, mb: chars / 1e6, rssMb: peak / 1e6 };
}

async function main() {
  const sample = sampleArticles();
  const n = Number(process.env.BENCH_ARTICLES ?? 20_000);
  const cores = availableParallelism();
  console.log(`coder benchmark: ${sample.length} sample articles cycled; ${cores} cores`);
  const rows = [];
  // one thread first (a smaller run), then all cores, then all cores on twice the input to show memory stays flat
  rows.push(await run(Math.min(n, 4000), 1, sample));
  rows.push(await run(n, cores, sample));
  rows.push(await run(n * 2, cores, sample));
  for (const r of rows) {
    console.log(`  ${String(r.n).padStart(6)} articles  ${r.workers} thread(s)  ${r.secs.toFixed(1).padStart(6)} s  ${r.perSec.toFixed(0).padStart(6)} articles/s  ${(r.mb / r.secs).toFixed(2)} MB text/s  ${r.events} events  peak RSS ${r.rssMb.toFixed(0)} MB`);
  }
  // the floor: wink-nlp alone (sentences, tokens, POS) on one thread over the same articles; the
  // coder does all of that and more, so its one-thread rate over this one says what the rest costs
  const floor = winkFloor(sample, Math.min(n, 4000));
  const one = rows[0];
  console.log(`  wink-nlp floor (sentences, tokens, POS; 1 thread): ${floor.toFixed(0)} articles/s; the coder on 1 thread: ${one.perSec.toFixed(0)} articles/s = ${(one.perSec / floor).toFixed(3)} x the floor`);
}

function winkFloor(sample: ArticleInput[], n: number): number {
  const nlp = winkNLP(model, ["sbd", "pos"]);
  const its = nlp.its;
  for (let i = 0; i < Math.min(50, n); i++) nlp.readDoc(sample[i % sample.length].text).tokens().out(its.pos); // warm up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const d = nlp.readDoc(sample[i % sample.length].text);
    d.tokens().out(its.pos);
    d.sentences().out();
  }
  return n / ((performance.now() - t0) / 1000);
}
main();
